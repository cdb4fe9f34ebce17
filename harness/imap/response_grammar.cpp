#include "harness/imap/response_grammar.hpp"

#include <charconv>
#include <cstring>
#include <limits>

namespace referee::imap {
namespace {

bool is_status_keyword(std::string_view word, Status& status) {
  if (iequals(word, "OK")) status = Status::ok;
  else if (iequals(word, "NO")) status = Status::no;
  else if (iequals(word, "BAD")) status = Status::bad;
  else if (iequals(word, "PREAUTH")) status = Status::preauth;
  else if (iequals(word, "BYE")) status = Status::bye;
  else return false;
  return true;
}

// RFC 3501 §9: tag = 1*<any ASTRING-CHAR except "+">
bool is_tag_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte <= 0x20 || byte >= 0x7f) return false;
  return std::strchr("(){%*\"\\+", c) == nullptr;
}

// RFC 3501 §9: text = 1*TEXT-CHAR; TEXT-CHAR = <any CHAR except CR and LF>. 8-bit bytes
// are tolerated (servers send UTF-8 in human-readable text); NUL and bare CR are not.
bool read_text(ValueReader& reader, std::string& out) {
  const std::string_view text = reader.rest_of_line();
  const std::size_t bad = text.find('\0');
  if (bad != std::string_view::npos) {
    return reader.fail_at(reader.position() + bad, parse_error::unexpected_character, "NUL in response text");
  }
  out.assign(text);
  reader.skip(text.size());
  if (!reader.at_line_end()) return reader.fail(parse_error::unexpected_character, "CR without LF in response text");
  return true;
}

// The "]" that closes the response code opening line[0]. Brackets nest so that a REFERRAL URL
// with an IPv6 host ("imap://[::1]/INBOX") stays whole; if they do not balance, the first "]"
// ends the code, as RFC 3501 §9 has it (resp-text-code text excludes "]").
std::size_t response_code_end(std::string_view line) {
  std::size_t depth = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '[') ++depth;
    else if (line[i] == ']' && --depth == 0) return i;
  }
  return line.find(']');
}

// RFC 3501 §9: resp-text = ["[" resp-text-code "]" SP] text
//   resp-text-code = ... / atom [SP 1*<any TEXT-CHAR except "]">]
// Lenient: text may be empty ("* OK [UIDVALIDITY 123456789]" in RFC 2193's example) and the
// SP after "]" may be missing.
bool read_resp_text(ValueReader& reader, const ParserLimits& limits, Response& out) {
  if (reader.peek() == '[') {
    const std::size_t opening = reader.position();
    const std::string_view line = reader.rest_of_line();
    const std::size_t closing = response_code_end(line);
    if (closing == std::string_view::npos) {
      return reader.fail_at(opening, parse_error::bad_response_code, "response code '[' without ']'");
    }
    ResponseCode code;
    if (!parse_response_code(line.substr(1, closing - 1), limits, code)) {
      return reader.fail_at(opening + 1, parse_error::bad_response_code, "response code without a name");
    }
    out.code = std::move(code);
    reader.skip(closing + 1);
    if (reader.peek() == ' ') reader.skip(1);
  }
  return read_text(reader, out.text);
}

bool read_status_rest(ValueReader& reader, const ParserLimits& limits, Response& out) {
  if (reader.at_line_end()) return true;  // "A1 OK" CRLF without text: tolerated
  if (!reader.expect_space(out.name.c_str())) return false;
  return read_resp_text(reader, limits, out);
}

bool read_message_number(ValueReader& reader, Response& out) {
  const std::size_t start = reader.position();
  const std::string_view digits = reader.read_keyword_text();
  std::uint32_t number = 0;
  const auto [end, status] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (status != std::errc{} || end != digits.data() + digits.size()) {
    return reader.fail_at(start, parse_error::bad_number, "message number '" + std::string(digits) + "' is not a 32-bit number");
  }
  out.number = number;
  return reader.expect_space("the message number");
}

bool read_keyword(ValueReader& reader, std::string& upper_keyword, std::string_view what) {
  const std::string_view word = reader.read_keyword_text();
  if (word.empty()) {
    return reader.fail(parse_error::unexpected_character, "expected " + std::string(what) + ", found " +
                                                              (reader.at_line_end() ? "end of line" : "another byte"));
  }
  assign_upper(upper_keyword, word);
  return true;
}

// RFC 3501 §9: response-data = "*" SP (resp-cond-state / resp-cond-bye / mailbox-data /
//                              message-data / capability-data) CRLF
//   message-data = nz-number SP ("EXPUNGE" / ("FETCH" SP msg-att))
//   mailbox-data =/ number SP "EXISTS" / number SP "RECENT"
bool read_untagged(ValueReader& reader, const ParserLimits& limits, Response& out) {
  out.kind = ResponseKind::untagged;
  if (!reader.expect_space("'*'")) return false;
  const bool numbered = reader.peek() >= '0' && reader.peek() <= '9';
  if (numbered && !read_message_number(reader, out)) return false;
  if (!read_keyword(reader, out.name, "a response name")) return false;
  if (!numbered && is_status_keyword(out.name, out.status)) return read_status_rest(reader, limits, out);
  return reader.read_values_to_line_end(out.data);
}

// RFC 3501 §9: response-tagged = tag SP resp-cond-state CRLF
//   resp-cond-state = ("OK" / "NO" / "BAD") SP resp-text
bool read_tagged(ValueReader& reader, const ParserLimits& limits, Response& out) {
  out.kind = ResponseKind::tagged;
  const std::string_view line = reader.rest_of_line();
  std::size_t length = 0;
  while (length < line.size() && is_tag_char(line[length])) ++length;
  if (length == 0 || (length < line.size() && line[length] != ' ')) {
    return reader.fail_at(reader.position() + length, parse_error::bad_tag, "tag holds a character outside tag-char");
  }
  out.tag.assign(line.substr(0, length));
  reader.skip(length);
  if (!reader.expect_space("the tag")) return false;
  const std::size_t status_offset = reader.position();
  if (!read_keyword(reader, out.name, "OK, NO or BAD")) return false;
  if (!is_status_keyword(out.name, out.status) || out.status == Status::preauth || out.status == Status::bye) {
    return reader.fail_at(status_offset, parse_error::bad_status, "tagged response with status '" + out.name + "'");
  }
  return read_status_rest(reader, limits, out);
}

// RFC 3501 §9: continue-req = "+" SP (resp-text / base64) CRLF
// Lenient: "+" CRLF without SP (sent by several servers).
bool read_continuation(ValueReader& reader, const ParserLimits& limits, Response& out) {
  out.kind = ResponseKind::continuation;
  reader.skip(1);
  if (reader.peek() == ' ') reader.skip(1);
  return read_resp_text(reader, limits, out);
}

void reset(Response& out) {
  out.kind = ResponseKind::untagged;
  out.tag.clear();
  out.status = Status::none;
  out.code.reset();
  out.text.clear();
  out.number.reset();
  out.name.clear();
  out.data.clear();
}

}  // namespace

bool parse_response_code(std::string_view code_bytes, const ParserLimits& limits, ResponseCode& out) {
  const std::size_t space = code_bytes.find(' ');
  const std::string_view name = code_bytes.substr(0, space);
  if (name.empty()) return false;
  out.name = to_upper(name);
  out.text = space == std::string_view::npos ? std::string() : std::string(code_bytes.substr(space + 1));
  ValueReader reader(code_bytes, limits, AtomContext::response_code);
  reader.skip(name.size());
  if (!reader.read_values_to_line_end(out.args)) out.args.clear();  // "args when they parse"
  return true;
}

bool parse_response(std::string_view raw, const ParserLimits& limits, Response& out, SyntaxError& error) {
  reset(out);
  ValueReader reader(raw, limits);
  bool parsed = false;
  if (reader.peek() == '+') parsed = read_continuation(reader, limits, out);
  else if (reader.peek() == '*') {
    reader.skip(1);
    parsed = read_untagged(reader, limits, out);
  } else parsed = read_tagged(reader, limits, out);
  if (parsed && reader.position() + 2 != raw.size()) {
    parsed = reader.fail(parse_error::unexpected_character, "unexpected bytes before the end of the line");
  }
  if (!parsed) error = reader.error();
  return parsed;
}

}  // namespace referee::imap
