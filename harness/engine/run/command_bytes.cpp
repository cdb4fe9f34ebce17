#include "harness/engine/run/command_bytes.hpp"

#include <algorithm>

#include "harness/imap/command_syntax.hpp"
#include "harness/imap/value.hpp"

namespace referee::engine {
namespace {

// "the engine turns bare LF into CRLF in literals" (docs/SCENARIO-LANGUAGE.md).
std::string crlf_lines(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) out += '\r';
    out += bytes[i];
  }
  return out;
}

scenario::SendPart astring_part(std::string_view text) {
  if (imap::is_astring_atom(text)) return std::string(text);
  if (imap::can_be_quoted(text)) return imap::quote(text);
  return scenario::LiteralPart{.bytes = std::string(text)};
}

bool overlaps(const net::RedactSpan& span, const std::vector<net::RedactSpan>& taken) {
  return std::any_of(taken.begin(), taken.end(), [&](const net::RedactSpan& other) {
    return span.offset < other.offset + other.length && other.offset < span.offset + span.length;
  });
}

constexpr auto npos = std::string_view::npos;

// The end of the quoted string opening at `at` (the index of its closing quote), or npos.
std::size_t closing_quote(std::string_view bytes, std::size_t at) {
  for (std::size_t i = at + 1; i < bytes.size(); ++i) {
    if (bytes[i] == '"') return i;
    if (bytes[i] == '\\') ++i;  // quoted-specials are escaped
  }
  return npos;
}

// True when the first word of `text` (up to a space or the end) is LOGIN, in any case: what
// command_name(text) == "LOGIN" says, without building a string for every command sent.
bool starts_with_login(std::string_view text) {
  constexpr std::string_view login = "LOGIN";
  if (text.size() < login.size() || (text.size() > login.size() && text[login.size()] != ' ')) {
    return false;
  }
  return std::equal(login.begin(), login.end(), text.begin(), [](char upper, char c) {
    return upper == (c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  });
}

// Where "LOGIN " starts in "[tag ]LOGIN user password", or npos.
std::size_t login_start(std::string_view bytes) {
  if (starts_with_login(bytes)) return 0;
  std::size_t space = bytes.find(' ');
  if (space == npos || !starts_with_login(bytes.substr(space + 1))) return npos;
  return space + 1;
}

// The password argument of LOGIN (an atom or a quoted string's content); nullopt when the user
// or the password is sent as a literal.
std::optional<net::RedactSpan> login_password_span(std::string_view bytes) {
  std::size_t at = login_start(bytes);
  if (at == npos || at + 6 >= bytes.size()) return std::nullopt;
  at += 6;  // "LOGIN "
  if (bytes[at] == '{') return std::nullopt;
  at = bytes[at] == '"' ? closing_quote(bytes, at) : bytes.find(' ', at);
  if (at == npos || at + 1 >= bytes.size()) return std::nullopt;
  at += bytes[at] == '"' ? 2 : 1;
  if (at >= bytes.size() || bytes[at] == '{') return std::nullopt;
  if (bytes[at] == '"') {
    std::size_t end = closing_quote(bytes, at);
    if (end == npos) return std::nullopt;
    return net::RedactSpan{at + 1, end - at - 1};
  }
  std::size_t end = std::min(bytes.find_first_of(" \r\n", at), bytes.size());
  return net::RedactSpan{at, end - at};
}

}  // namespace

CommandBytes build_command(std::string_view tag, const std::vector<scenario::SendPart>& parts) {
  CommandBytes command;
  std::string current = std::string(tag) + " ";
  for (const auto& part : parts) {
    if (const auto* text = std::get_if<std::string>(&part)) {
      current += *text;
      command.text += *text;
      continue;
    }
    const auto& literal = std::get<scenario::LiteralPart>(part);
    std::string bytes = crlf_lines(literal.bytes);
    std::string announce = "{" + std::to_string(bytes.size()) + (literal.synchronizing ? "}" : "+}");
    command.text += announce;
    current += announce + "\r\n";
    if (literal.synchronizing) {
      command.chunks.push_back({std::move(current), true, literal.hold});
      current.clear();
    }
    current += bytes;
  }
  command.chunks.push_back({current + "\r\n", false, false});
  return command;
}

std::vector<scenario::SendPart> login_command(std::string_view user, std::string_view password) {
  std::vector<scenario::SendPart> parts{std::string("LOGIN ")};
  parts.push_back(astring_part(user));
  parts.push_back(std::string(" "));
  parts.push_back(astring_part(password));
  return parts;
}

std::string sasl_plain_response(std::string_view user, std::string_view password) {
  static constexpr char alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string message;
  message += '\0';
  message += user;
  message += '\0';
  message += password;
  std::string encoded;
  for (std::size_t i = 0; i < message.size(); i += 3) {
    std::uint32_t group = static_cast<unsigned char>(message[i]) << 16;
    if (i + 1 < message.size()) group |= static_cast<unsigned char>(message[i + 1]) << 8;
    if (i + 2 < message.size()) group |= static_cast<unsigned char>(message[i + 2]);
    encoded += alphabet[(group >> 18) & 63];
    encoded += alphabet[(group >> 12) & 63];
    encoded += i + 1 < message.size() ? alphabet[(group >> 6) & 63] : '=';
    encoded += i + 2 < message.size() ? alphabet[group & 63] : '=';
  }
  return encoded;
}

std::string command_name(std::string_view text) {
  auto word_at = [&](std::size_t start) {
    std::size_t end = text.find(' ', start);
    return imap::to_upper(text.substr(start, end == std::string_view::npos ? text.size() - start
                                                                           : end - start));
  };
  std::string first = word_at(0);
  if (first != "UID") return first;
  std::size_t space = text.find(' ');
  return space == std::string_view::npos ? first : "UID " + word_at(space + 1);
}

std::optional<std::string> login_user_of(std::string_view command_text) {
  if (!starts_with_login(command_text)) return std::nullopt;
  std::string_view rest = command_text.substr(std::min(command_text.size(), std::size_t{6}));
  if (rest.empty() || rest.front() == '{') return std::nullopt;
  std::string user;
  if (rest.front() != '"') {
    std::size_t end = rest.find(' ');
    user = rest.substr(0, end);
    return imap::is_astring_atom(user) ? std::optional(user) : std::nullopt;
  }
  // quoted = DQUOTE *QUOTED-CHAR DQUOTE ; QUOTED-CHAR = ... / "\" quoted-specials
  for (std::size_t i = 1; i < rest.size(); ++i) {
    if (rest[i] == '"') return user;
    if (rest[i] == '\\' && i + 1 < rest.size()) ++i;
    user += rest[i];
  }
  return std::nullopt;  // no closing quote
}

std::vector<net::RedactSpan> secret_spans(std::string_view bytes,
                                          const std::vector<std::string>& secrets) {
  std::vector<net::RedactSpan> spans;
  // A LOGIN password is hidden whatever it is: scenarios send wrong passwords on purpose.
  if (auto password = login_password_span(bytes); password && password->length > 0)
    spans.push_back(*password);
  for (const auto& secret : secrets) {
    if (secret.empty()) continue;
    for (std::size_t at = bytes.find(secret); at != std::string_view::npos;
         at = bytes.find(secret, at + secret.size())) {
      net::RedactSpan span{at, secret.size()};
      if (!overlaps(span, spans)) spans.push_back(span);
    }
  }
  return spans;
}

}  // namespace referee::engine
