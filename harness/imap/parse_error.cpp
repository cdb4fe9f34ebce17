#include "harness/imap/parse_error.hpp"

namespace referee::imap {
namespace {

class ParseErrorCategory final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "referee.imap.parse"; }

  std::string message(int value) const override {
    switch (static_cast<parse_error>(value)) {
      case parse_error::line_too_long: return "line too long";
      case parse_error::literal_too_large: return "literal too large";
      case parse_error::list_too_deep: return "lists nested too deeply";
      case parse_error::too_many_items: return "too many items in one response";
      case parse_error::unexpected_character: return "unexpected character";
      case parse_error::bad_number: return "bad number";
      case parse_error::bad_tag: return "bad tag";
      case parse_error::bad_response_code: return "bad response code";
      case parse_error::unterminated_quoted: return "unterminated quoted string";
      case parse_error::bad_literal: return "bad literal";
      case parse_error::unbalanced_parentheses: return "unbalanced parentheses";
      case parse_error::bad_greeting: return "bad greeting";
      case parse_error::bad_status: return "bad status";
      case parse_error::missing_space: return "missing space";
      case parse_error::empty_line: return "empty line";
      case parse_error::bare_lf: return "LF without CR";
      case parse_error::response_too_large: return "response too large";
    }
    return "unknown IMAP parse error";
  }
};

}  // namespace

const boost::system::error_category& parse_error_category() {
  static const ParseErrorCategory category;
  return category;
}

boost::system::error_code make_error_code(parse_error error) {
  return {static_cast<int>(error), parse_error_category()};
}

}  // namespace referee::imap
