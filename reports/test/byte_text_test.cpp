#include "reports/byte_text.hpp"

#include <gtest/gtest.h>

namespace referee::reports {
namespace {

using namespace std::string_literals;
const std::string kReplacement = "\xEF\xBF\xBD";

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("* OK IMAP4rev1 ready\r\n"));
  EXPECT_TRUE(is_valid_utf8("NUL \0 is valid UTF-8"s));
  EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x93\xAB \xF4\x8F\xBF\xBF"));
}

TEST(Utf8, RejectsEveryIllFormedKind) {
  EXPECT_FALSE(is_valid_utf8("\x80"));              // lone continuation byte
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));          // overlong NUL
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong 3-byte
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // UTF-16 surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));  // no such lead byte
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));          // truncated at the end
  EXPECT_FALSE(is_valid_utf8("\xFF"));
}

TEST(Utf8, ReplacesEachMaximalInvalidSubpartOnce) {
  EXPECT_EQ(to_valid_utf8("a\xE2\x82" "b"), "a" + kReplacement + "b");  // one broken-off sequence
  EXPECT_EQ(to_valid_utf8("\xC0\x80"), kReplacement + kReplacement);    // C0 never starts one
  EXPECT_EQ(to_valid_utf8("\xF4\x90\x80\x80"), kReplacement + kReplacement + kReplacement + kReplacement);
  EXPECT_EQ(to_valid_utf8("\xFF\xFEok"), kReplacement + kReplacement + "ok");
  EXPECT_EQ(to_valid_utf8("caf\xC3\xA9"), "caf\xC3\xA9");  // valid text untouched
}

TEST(Base64, MatchesTheRfc4648TestVectors) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode("\xFF\x00\x80"s), "/wCA");
}

}  // namespace
}  // namespace referee::reports
