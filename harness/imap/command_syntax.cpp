#include "harness/imap/command_syntax.hpp"

#include <algorithm>
#include <stdexcept>

namespace referee::imap {
namespace {

bool is_char(char c) {  // CHAR = %x01-7F
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x01 && byte <= 0x7f;
}

bool is_ctl(char c) {  // CTL = %x00-1F / %x7F
  const auto byte = static_cast<unsigned char>(c);
  return byte <= 0x1f || byte == 0x7f;
}

bool is_list_wildcard(char c) { return c == '%' || c == '*'; }
bool is_quoted_special(char c) { return c == '"' || c == '\\'; }
bool is_resp_special(char c) { return c == ']'; }

template <typename Predicate>
bool all_of_nonempty(std::string_view text, Predicate predicate) {
  return !text.empty() && std::all_of(text.begin(), text.end(), predicate);
}

}  // namespace

bool is_atom_char(char c) {
  return is_char(c) && c != '(' && c != ')' && c != '{' && c != ' ' && !is_ctl(c) &&
         !is_list_wildcard(c) && !is_quoted_special(c) && !is_resp_special(c);
}

bool is_atom(std::string_view text) { return all_of_nonempty(text, is_atom_char); }

bool is_astring_atom(std::string_view text) {
  return all_of_nonempty(text, [](char c) { return is_atom_char(c) || is_resp_special(c); });
}

bool is_list_mailbox_atom(std::string_view text) {
  return all_of_nonempty(
      text, [](char c) { return is_atom_char(c) || is_list_wildcard(c) || is_resp_special(c); });
}

bool is_flag(std::string_view text) {
  return is_atom(!text.empty() && text[0] == '\\' ? text.substr(1) : text);
}

bool is_tag(std::string_view text) {
  return all_of_nonempty(
      text, [](char c) { return (is_atom_char(c) || is_resp_special(c)) && c != '+'; });
}

bool can_be_quoted(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return is_char(c) && c != '\r' && c != '\n'; });
}

std::string quote(std::string_view text) {
  if (!can_be_quoted(text)) {
    throw std::invalid_argument("quote: text has CR, LF, NUL or 8-bit bytes");
  }
  std::string quoted = "\"";
  for (char c : text) {
    if (is_quoted_special(c)) quoted += '\\';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

}  // namespace referee::imap
