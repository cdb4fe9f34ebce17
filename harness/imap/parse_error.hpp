#pragma once
// Errors a hostile or broken server can cause in the response parser (routine, so error_code).

#include <cstddef>
#include <string>
#include <type_traits>

#include <boost/system/error_code.hpp>

namespace referee::imap {

enum class parse_error {
  line_too_long = 1,       // a line (without its literals) exceeds ParserLimits::max_line
  literal_too_large,       // {n} with n > ParserLimits::max_literal
  list_too_deep,           // parentheses nested deeper than ParserLimits::max_depth
  too_many_items,          // more than ParserLimits::max_items values in one response
  unexpected_character,    // a byte the grammar does not allow here
  bad_number,              // a number that is empty or does not fit its type
  bad_tag,                 // a tag with characters outside tag-char
  bad_response_code,       // "[" without a well-formed "NAME ...]"
  unterminated_quoted,     // a quoted string not closed before CRLF
  bad_literal,             // "{n}" malformed or not followed by CRLF
  unbalanced_parentheses,  // ")" without "(" or a list still open at CRLF
  bad_greeting,            // first response is not "* OK", "* PREAUTH" or "* BYE"
  bad_status,              // a tagged response whose status is not OK/NO/BAD
  missing_space,           // two tokens not separated by SP
  empty_line,              // CRLF alone
  bare_lf,                 // LF without CR before it
  response_too_large,      // one response (literals included) exceeds ParserLimits::max_response
};

const boost::system::error_category& parse_error_category();
boost::system::error_code make_error_code(parse_error error);

struct ParseFailure {
  boost::system::error_code code;
  std::string message;  // says what was expected and what was found
  std::size_t offset = 0;  // byte offset within `raw` where the problem was found
  std::string raw;      // the offending bytes (the line up to and including CRLF, when known)

  friend bool operator==(const ParseFailure&, const ParseFailure&) = default;
};

}  // namespace referee::imap

template <>
struct boost::system::is_error_code_enum<referee::imap::parse_error> : std::true_type {};
