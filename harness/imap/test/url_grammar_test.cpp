#include "harness/imap/url_grammar.hpp"

#include <gtest/gtest.h>

namespace referee::imap::url_grammar {
namespace {

TEST(UrlGrammar, AcharAndBchar) {
  for (char c : std::string_view("aZ09-._~!$'()*+,&=")) {
    EXPECT_TRUE(allows(CharClass::achar, c)) << c;
  }
  for (char c : std::string_view(":@/")) {
    EXPECT_FALSE(allows(CharClass::achar, c)) << c;
    EXPECT_TRUE(allows(CharClass::bchar, c)) << c;
  }
  // sub-delims-sh: "Same as [URI-GEN] sub-delims, but without ";", "&" and "="" (and "?",
  // "#", "%", SP are never allowed unencoded).
  for (char c : std::string_view(";?#% \"<>[]\\^`{|}")) {
    EXPECT_FALSE(allows(CharClass::bchar, c)) << c;
  }
}

TEST(UrlGrammar, DecodeReportsOffsetWithinTheUrl) {
  EXPECT_EQ(*decode_component("a%2Fb%3b", CharClass::bchar, "enc-mailbox", 0), "a/b;");
  auto bad = decode_component("ab;c", CharClass::bchar, "enc-mailbox", 100);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().offset, 102u);
  EXPECT_EQ(bad.error().rule, "enc-mailbox");
  auto truncated = decode_component("ab%4", CharClass::achar, "enc-user", 10);
  ASSERT_FALSE(truncated);
  EXPECT_EQ(truncated.error().offset, 12u);
}

TEST(UrlGrammar, EncodeUsesUpperCaseHex) {
  EXPECT_EQ(encode_component("a b/;\xE5", CharClass::bchar), "a%20b/%3B%E5");
  EXPECT_EQ(encode_component("a b/;", CharClass::achar), "a%20b%2F%3B");
}

TEST(UrlGrammar, DateTime) {
  EXPECT_TRUE(is_date_time("2026-11-23T13:00:00Z"));
  EXPECT_TRUE(is_date_time("2026-11-23t13:00:00.123z"));
  EXPECT_TRUE(is_date_time("2026-11-23T13:00:00-05:30"));
  EXPECT_FALSE(is_date_time("2026-11-23"));
  EXPECT_FALSE(is_date_time("2026-11-23T13:00:00"));
  EXPECT_FALSE(is_date_time("2026-11-23T13:00:00.Z"));
  EXPECT_FALSE(is_date_time("2026-11-23 13:00:00Z"));
  EXPECT_FALSE(is_date_time("soon"));
}

TEST(UrlGrammar, Urlauth) {
  EXPECT_TRUE(is_urlauth("submit+fred:internal:91354a473744909de610943775f92038"));
  EXPECT_TRUE(is_urlauth("anonymous"));
  EXPECT_TRUE(is_urlauth("AuthUser"));
  EXPECT_TRUE(is_urlauth("user+fr%20ed"));
  EXPECT_FALSE(is_urlauth("user+"));
  EXPECT_FALSE(is_urlauth("user+fr ed"));
  EXPECT_FALSE(is_urlauth("nobody"));
  EXPECT_FALSE(is_urlauth("anonymous:internal:1234"));
  EXPECT_FALSE(is_urlauth("anonymous:in ternal:91354a473744909de610943775f92038"));
  EXPECT_FALSE(is_urlauth("anonymous::91354a473744909de610943775f92038"));
  EXPECT_FALSE(is_urlauth("anonymous:internal:91354a473744909de610943775f9203g"));
}

}  // namespace
}  // namespace referee::imap::url_grammar
