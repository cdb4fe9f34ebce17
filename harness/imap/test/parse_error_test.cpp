#include "harness/imap/parse_error.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace referee::imap {
namespace {

TEST(ParseError, ConvertsToErrorCodeOfItsCategory) {
  const boost::system::error_code code = parse_error::literal_too_large;
  EXPECT_EQ(&code.category(), &parse_error_category());
  EXPECT_EQ(code, make_error_code(parse_error::literal_too_large));
  EXPECT_NE(code, make_error_code(parse_error::line_too_long));
  EXPECT_STREQ(parse_error_category().name(), "referee.imap.parse");
}

TEST(ParseError, EveryCodeHasItsOwnMessage) {
  std::set<std::string> messages;
  for (int value = static_cast<int>(parse_error::line_too_long);
       value <= static_cast<int>(parse_error::response_too_large); ++value) {
    const std::string message = make_error_code(static_cast<parse_error>(value)).message();
    EXPECT_NE(message, "unknown IMAP parse error") << value;
    EXPECT_TRUE(messages.insert(message).second) << "duplicate message " << message;
  }
  EXPECT_EQ(parse_error_category().message(999), "unknown IMAP parse error");
}

}  // namespace
}  // namespace referee::imap
