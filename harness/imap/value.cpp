#include "harness/imap/value.hpp"

#include <algorithm>
#include <charconv>

namespace referee::imap {
namespace {

char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// RFC 3501 §9: quoted = DQUOTE *QUOTED-CHAR DQUOTE; QUOTED-CHAR = <any TEXT-CHAR except
// quoted-specials> / "\" quoted-specials. CR, LF and NUL cannot be quoted: use a literal.
bool quotable(std::string_view text) {
  return std::none_of(text.begin(), text.end(), [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

void append_quoted(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

void append_literal(std::string& out, std::string_view bytes, bool literal8) {
  if (literal8) out += '~';
  out += '{';
  out += std::to_string(bytes.size());
  out += "}\r\n";
  out += bytes;
}

void append_value(std::string& out, const Value& value) {
  switch (value.kind) {
    case ValueKind::nil: out += "NIL"; return;
    case ValueKind::atom:
    case ValueKind::number: out += value.text; return;
    case ValueKind::quoted:
      if (quotable(value.text)) append_quoted(out, value.text);
      else append_literal(out, value.text, false);
      return;
    case ValueKind::literal: append_literal(out, value.text, value.literal8); return;
    case ValueKind::list:
      out += '(';
      for (std::size_t i = 0; i < value.items.size(); ++i) {
        if (i != 0) out += ' ';
        append_value(out, value.items[i]);
      }
      out += ')';
      return;
  }
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_upper(x) == ascii_upper(y); });
}

std::string to_upper(std::string_view text) {
  std::string upper;
  assign_upper(upper, text);
  return upper;
}

void assign_upper(std::string& out, std::string_view text) {
  out.assign(text);
  for (char& c : out) c = ascii_upper(c);
}

Value Value::nil() { return Value{}; }

Value Value::atom(std::string text) {
  Value value;
  value.kind = ValueKind::atom;
  value.text = std::move(text);
  return value;
}

Value Value::number_value(std::uint64_t number) {
  Value value;
  value.kind = ValueKind::number;
  value.number = number;
  value.text = std::to_string(number);
  return value;
}

Value Value::quoted(std::string text) {
  Value value;
  value.kind = ValueKind::quoted;
  value.text = std::move(text);
  return value;
}

Value Value::literal(std::string bytes, bool literal8) {
  Value value;
  value.kind = ValueKind::literal;
  value.text = std::move(bytes);
  value.literal8 = literal8;
  return value;
}

Value Value::list(std::vector<Value> items) {
  Value value;
  value.kind = ValueKind::list;
  value.items = std::move(items);
  return value;
}

bool Value::is_atom(std::string_view name) const { return kind == ValueKind::atom && iequals(text, name); }

std::optional<std::string_view> Value::as_string() const {
  switch (kind) {
    case ValueKind::atom:
    case ValueKind::number:
    case ValueKind::quoted:
    case ValueKind::literal: return std::string_view(text);
    case ValueKind::nil:
    case ValueKind::list: return std::nullopt;
  }
  return std::nullopt;
}

std::optional<std::uint64_t> Value::as_number() const {
  if (kind == ValueKind::number) return number;
  return std::nullopt;
}

bool Value::is_nil() const { return kind == ValueKind::nil; }
bool Value::is_list() const { return kind == ValueKind::list; }

std::string Value::to_imap() const {
  std::string out;
  append_value(out, *this);
  return out;
}

}  // namespace referee::imap
