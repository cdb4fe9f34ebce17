#include "harness/imap/value_reader.hpp"

#include <array>
#include <charconv>

namespace referee::imap {
namespace {

// RFC 3501 §9: ATOM-CHAR = <any CHAR except atom-specials>
//   atom-specials = "(" / ")" / "{" / SP / CTL / list-wildcards / quoted-specials / resp-specials
// Lenient where real servers are: "\" begins flag atoms (flag-extension = "\" atom), "%" and
// "*" occur in flags ("\*") and mailbox names, 8-bit bytes in UTF-8 mailbox names (RFC 6855).
// "]" is left to the context: ASTRING-CHAR = ATOM-CHAR / resp-specials.
constexpr std::array<bool, 256> make_atom_chars() {
  std::array<bool, 256> table{};
  for (int c = 0x21; c < 0x100; ++c) table[c] = true;
  table[0x7f] = false;
  for (unsigned char special : {'(', ')', '{', '"', ']'}) table[special] = false;
  return table;
}
constexpr std::array<bool, 256> atom_chars = make_atom_chars();

bool is_atom_char(char c, AtomContext context) {
  if (c == ']') return context == AtomContext::data;
  return atom_chars[static_cast<unsigned char>(c)];
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view text) {
  for (char c : text) {
    if (!is_digit(c)) return false;
  }
  return !text.empty();
}

}  // namespace

ValueReader::ValueReader(std::string_view input, const ParserLimits& limits, AtomContext context)
    : input_(input), limits_(limits), context_(context) {}

std::string_view ValueReader::rest_of_line() const {
  const std::size_t end = input_.find('\r', position_);
  return input_.substr(position_, end == std::string_view::npos ? std::string_view::npos : end - position_);
}

bool ValueReader::fail(parse_error code, std::string message) { return fail_at(position_, code, std::move(message)); }

bool ValueReader::fail_at(std::size_t offset, parse_error code, std::string message) {
  error_ = SyntaxError{code, offset, std::move(message)};
  return false;
}

std::string ValueReader::describe_current() const {
  if (at_line_end()) return "end of line";
  const auto byte = static_cast<unsigned char>(input_[position_]);
  if (byte >= 0x21 && byte < 0x7f) return std::string("'") + static_cast<char>(byte) + "'";
  constexpr std::string_view hex = "0123456789ABCDEF";
  return std::string("byte 0x") + hex[byte >> 4] + hex[byte & 0xf];
}

bool ValueReader::fail_missing_space(const char* after) {
  if (peek() == '\r' && !at_line_end()) return fail(parse_error::unexpected_character, "CR without LF");
  return fail(parse_error::missing_space, "expected SP after " + std::string(after) + ", found " + describe_current());
}

bool ValueReader::fail_too_many_items() {
  return fail(parse_error::too_many_items, "more than " + std::to_string(limits_.max_items) + " items in one response");
}

bool ValueReader::read_value(Value& out) { return read_value_at_depth(out, 0); }

bool ValueReader::read_values_to_line_end(std::vector<Value>& out) {
  while (!at_line_end()) {
    if (peek() == ')') return fail(parse_error::unbalanced_parentheses, "')' without a matching '('");
    if (!expect_space(out.empty() ? "the response name" : "a value")) return false;
    if (at_line_end()) break;  // a trailing SP before CRLF: tolerated, some servers send it
    out.emplace_back();
    if (!read_value(out.back())) return false;
  }
  return true;
}

bool ValueReader::read_value_at_depth(Value& out, std::size_t depth) {
  if (!count_item()) return false;
  const char c = peek();
  if (c == '(') return read_list(out, depth);
  if (c == '"') return read_quoted(out);
  if (c == '{') return read_literal(out);
  if (c == '~' && position_ + 1 < input_.size() && input_[position_ + 1] == '{') {
    ++position_;
    out.literal8 = true;
    return read_literal(out);
  }
  if (c == ')') return fail(parse_error::unbalanced_parentheses, "')' without a matching '('");
  if (at_line_end()) return fail(parse_error::unexpected_character, "expected a value, found end of line");
  return read_atom(out);
}

// RFC 3501 §9: "(" [value *(SP value)] ")" — the shape shared by flag-list, mailbox-list
// attributes, msg-att, body, envelope, status-att-list.
bool ValueReader::read_list(Value& out, std::size_t depth) {
  if (depth + 1 > limits_.max_depth) {
    return fail(parse_error::list_too_deep, "lists nested deeper than " + std::to_string(limits_.max_depth));
  }
  out.kind = ValueKind::list;
  ++position_;
  return read_list_items(out.items, depth + 1);
}

bool ValueReader::read_list_items(std::vector<Value>& items, std::size_t depth) {
  while (true) {
    if (peek() == ')') {
      ++position_;
      return true;
    }
    if (at_line_end()) return fail(parse_error::unbalanced_parentheses, "list not closed before the end of the line");
    // RFC 3501 §9 puts lists side by side without SP: body-type-mpart = 1*body SP
    // media-subtype, env-cc = "(" 1*address ")".
    const bool adjacent_lists = peek() == '(' && !items.empty() && items.back().is_list();
    if (!items.empty() && !adjacent_lists) {
      if (!expect_space("a list item")) return false;
      if (peek() == ')') continue;  // "(a b )": a trailing SP inside a list is tolerated
    }
    items.emplace_back();
    if (!read_value_at_depth(items.back(), depth)) return false;
  }
}

// RFC 3501 §9: quoted = DQUOTE *QUOTED-CHAR DQUOTE
//   QUOTED-CHAR = <any TEXT-CHAR except quoted-specials> / "\" quoted-specials
// Lenient like Dovecot: "\" before any other TEXT-CHAR yields that character.
bool ValueReader::read_quoted(Value& out) {
  const std::size_t opening = position_++;
  out.kind = ValueKind::quoted;
  std::size_t span_start = position_;
  while (position_ < input_.size()) {
    const char c = input_[position_];
    if (c == '"') {
      out.text.append(input_.substr(span_start, position_ - span_start));
      ++position_;
      return true;
    }
    if (c == '\r' || c == '\n') break;
    if (c == '\0') return fail(parse_error::unexpected_character, "NUL inside a quoted string");
    if (c == '\\') {
      out.text.append(input_.substr(span_start, position_ - span_start));
      if (++position_ >= input_.size() || input_[position_] == '\r' || input_[position_] == '\n') break;
      span_start = position_;
    }
    ++position_;
  }
  return fail_at(opening, parse_error::unterminated_quoted, "quoted string not closed before the end of the line");
}

// RFC 3501 §9: literal = "{" number "}" CRLF *CHAR8 ; RFC 3516: literal8 = "~{" number "}" CRLF *OCTET
bool ValueReader::read_literal(Value& out) {
  const std::size_t opening = position_++;
  out.kind = ValueKind::literal;
  const std::size_t digits_start = position_;
  while (position_ < input_.size() && is_digit(input_[position_])) ++position_;
  std::uint64_t size = 0;
  const auto [end, status] = std::from_chars(input_.data() + digits_start, input_.data() + position_, size);
  if (position_ == digits_start || status != std::errc{}) {
    return fail_at(opening, parse_error::bad_literal, "literal size is not a number");
  }
  if (input_.substr(position_, 3) != "}\r\n") {
    return fail(parse_error::bad_literal, "literal size not followed by '}' CRLF");
  }
  position_ += 3;
  if (size > limits_.max_literal) {
    return fail_at(opening, parse_error::literal_too_large, "literal of " + std::to_string(size) + " bytes");
  }
  if (size > input_.size() - position_) return fail(parse_error::bad_literal, "literal bytes missing");
  out.text.assign(input_.substr(position_, size));
  position_ += size;
  return true;
}

// Index of the "]" closing the section that opens at `open_bracket`, or npos. A section
// (RFC 3501 §9 section = "[" [section-spec] "]") may hold SP, parentheses and quoted
// header names: "BODY[HEADER.FIELDS (FROM \"X-A\")]" is one FETCH item name.
std::size_t ValueReader::section_end(std::size_t open_bracket) const {
  std::size_t depth = 0;
  bool in_quoted = false;
  for (std::size_t i = open_bracket; i < input_.size(); ++i) {
    const char c = input_[i];
    if (c == '\r' || c == '\n') return std::string_view::npos;
    if (in_quoted) {
      if (c == '\\') ++i;
      else if (c == '"') in_quoted = false;
    } else if (c == '"') {
      in_quoted = true;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']' && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::string_view ValueReader::read_atom_text() {
  const std::size_t start = position_;
  while (position_ < input_.size()) {
    const char c = input_[position_];
    if (c == '[' && context_ == AtomContext::data) {
      const std::size_t close = section_end(position_);
      position_ = close == std::string_view::npos ? position_ + 1 : close + 1;
      // RFC 3501 §9: "BODY" section ["<" number ">"] — the origin octet belongs to the name.
      if (close != std::string_view::npos && peek() == '<') {
        const std::size_t greater = input_.find('>', position_);
        if (greater != std::string_view::npos && all_digits(input_.substr(position_ + 1, greater - position_ - 1))) {
          position_ = greater + 1;
        }
      }
    } else if (is_atom_char(c, context_)) {
      ++position_;
    } else {
      break;
    }
  }
  return input_.substr(start, position_ - start);
}

std::string_view ValueReader::read_keyword_text() {
  const std::size_t start = position_;
  while (position_ < input_.size() && input_[position_] != '[' && is_atom_char(input_[position_], AtomContext::response_code)) {
    ++position_;
  }
  return input_.substr(start, position_ - start);
}

// RFC 3501 §9: atom = 1*ATOM-CHAR; number = 1*DIGIT; nil = "NIL"
bool ValueReader::read_atom(Value& out) {
  const std::string_view text = read_atom_text();
  if (text.empty()) return fail(parse_error::unexpected_character, "expected a value, found " + describe_current());
  if (all_digits(text)) {
    const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), out.number);
    if (status == std::errc{}) {
      out.kind = ValueKind::number;
      out.text.assign(text);
      return true;
    }
    out.number = 0;  // too big for 64 bits: keep it as an atom (a valid astring)
  }
  if (iequals(text, "NIL")) {
    out.kind = ValueKind::nil;
    return true;
  }
  out.kind = ValueKind::atom;
  out.text.assign(text);
  return true;
}

}  // namespace referee::imap
