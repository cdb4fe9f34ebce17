#include "harness/engine/match/url_user_encoding.hpp"

#include <gtest/gtest.h>

namespace referee::engine {
namespace {

// RFC 5092 §3: enc-user = 1*achar; achar = uchar / "&" / "="; uchar = unreserved /
// sub-delims-sh / pct-encoded.
TEST(UrlUserEncoding, UserNeedsEncodingOutsideAchar) {
  EXPECT_FALSE(user_needs_encoding("bob"));
  EXPECT_FALSE(user_needs_encoding("o'brien&co=1~x!$()*+,-._"));
  EXPECT_TRUE(user_needs_encoding("mary smith"));
  EXPECT_TRUE(user_needs_encoding("mary;sales"));
  EXPECT_TRUE(user_needs_encoding("mary@example.com"));
  EXPECT_TRUE(user_needs_encoding("100%"));
  EXPECT_TRUE(user_needs_encoding("j\xC3\xBCrgen"));  // UTF-8 octets
}

TEST(UrlUserEncoding, EncodedUserIsNotReported) {
  EXPECT_FALSE(unencoded_user("imap://mary%20smith%3Bsales;AUTH=*@127.0.0.1:4002/", "mary smith;sales"));
  EXPECT_FALSE(unencoded_user("imap://mary%20smith%3bsales@127.0.0.1:4002/", "mary smith;sales"));
  // Over-encoding an achar is allowed: "%6D" is "m".
  EXPECT_FALSE(unencoded_user("imap://%6Dary%20smith%3Bsales;AUTH=*@h/", "mary smith;sales"));
}

TEST(UrlUserEncoding, OtherUsersAndNoUserAreNotReported) {
  EXPECT_FALSE(unencoded_user("imap://;AUTH=*@127.0.0.1:4002/", "mary smith;sales"));
  EXPECT_FALSE(unencoded_user("imap://127.0.0.1:4002/", "mary smith;sales"));
  EXPECT_FALSE(unencoded_user("imap://bob;AUTH=*@127.0.0.1:4002/", "mary smith;sales"));
  // A login that needs no encoding is never "unencoded".
  EXPECT_FALSE(unencoded_user("imap://bob;AUTH=*@127.0.0.1:4002/", "bob"));
  // The login as a mailbox name, not as the user: not this rule.
  EXPECT_FALSE(unencoded_user("imap://bob@h/mary smith;sales", "mary smith;sales"));
  EXPECT_FALSE(unencoded_user("", "mary smith;sales"));
}

// A space splits the REFERRAL argument; the text is the argument as sent.
TEST(UrlUserEncoding, RawSpaceAndSemicolonAreNamedWithTheUrl) {
  auto problem = unencoded_user("imap://mary smith;sales;AUTH=*@127.0.0.1:4002/", "mary smith;sales");
  ASSERT_TRUE(problem);
  EXPECT_EQ(*problem,
            "user name \"mary smith;sales\" not percent-encoded in URL "
            "\"imap://mary smith;sales;AUTH=*@127.0.0.1:4002/\" (RFC 5092 §3.2: \" \" (space), "
            "\";\" MUST be percent-encoded: \"mary%20smith%3Bsales\")");
}

TEST(UrlUserEncoding, PartlyEncodedUserNamesWhatWasLeft) {
  auto problem = unencoded_user("IMAP://mary%20smith;sales@127.0.0.1:4002/", "mary smith;sales");
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find("URL \"IMAP://mary%20smith;sales@127.0.0.1:4002/\""), std::string::npos) << *problem;
  EXPECT_NE(problem->find("(RFC 5092 §3.2: \";\" MUST"), std::string::npos) << *problem;
}

TEST(UrlUserEncoding, FindsTheUrlAmongSeveral) {
  const std::string sent =
      "imap://alice;AUTH=*@127.0.0.1:4001/x imap://mary@example.com;AUTH=*@127.0.0.1:4002/ imap://b@h/";
  auto problem = unencoded_user(sent, "mary@example.com");
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find("URL \"imap://mary@example.com;AUTH=*@127.0.0.1:4002/\" (RFC 5092 §3.2: \"@\" MUST "
                          "be percent-encoded: \"mary%40example.com\")"),
            std::string::npos)
      << *problem;
}

// The user must end as enc-user does: at ";AUTH=" or at the "@" before the host.
TEST(UrlUserEncoding, UserMustEndTheUserinfo) {
  EXPECT_FALSE(unencoded_user("imap://mary smith;salesman;AUTH=*@h/", "mary smith;sales"));
  EXPECT_FALSE(unencoded_user("imap://mary smith;sales", "mary smith;sales"));
  EXPECT_TRUE(unencoded_user("imap://mary smith;sales@h/", "mary smith;sales"));
}

}  // namespace
}  // namespace referee::engine
