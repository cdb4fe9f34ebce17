#include "harness/imap/imap_url.hpp"

#include <gtest/gtest.h>

namespace referee::imap {
namespace {

ImapUrl parsed(std::string_view text) {
  auto url = parse_imap_url(text);
  EXPECT_TRUE(url) << text << ": " << (url ? "" : url.error().message);
  return url ? *url : ImapUrl{};
}

UrlProblem rejected(std::string_view text) {
  auto url = parse_imap_url(text);
  EXPECT_FALSE(url) << text << " parsed, but should not";
  return url ? UrlProblem{} : url.error();
}

TEST(ImapUrl, SchemeIsCaseInsensitive) {
  EXPECT_EQ(parsed("IMAP://host/INBOX"), parsed("imap://host/INBOX"));
  EXPECT_EQ(parsed("iMaP://host/INBOX").mailbox, "INBOX");
}

TEST(ImapUrl, EmptyUserWithAuthStarIsValid) {
  const ImapUrl url = parsed("imap://;AUTH=*@127.0.0.1/mailbox");
  EXPECT_EQ(url.user, "");
  EXPECT_EQ(url.auth, "*");
  EXPECT_TRUE(url.names_user_or_auth());
  EXPECT_EQ(format_imap_url(url), "imap://;AUTH=*@127.0.0.1/mailbox");
}

TEST(ImapUrl, AuthMechanismIsAsValidAsStar) {
  const ImapUrl url = parsed("imap://bob;auth=PLAIN@127.0.0.1/");
  EXPECT_EQ(url.user, "bob");
  EXPECT_EQ(url.auth, "PLAIN");
  EXPECT_EQ(format_imap_url(url), "imap://bob;AUTH=PLAIN@127.0.0.1/");
}

TEST(ImapUrl, NoUserNoAuthMeansAnonymous) {
  const ImapUrl url = parsed("imap://127.0.0.1/INBOX");
  EXPECT_FALSE(url.names_user_or_auth());
  EXPECT_FALSE(url.auth.has_value());
}

TEST(ImapUrl, Ipv6Literal) {
  const ImapUrl url = parsed("imap://user@[::1]:10143/INBOX");
  EXPECT_TRUE(url.ipv6);
  EXPECT_EQ(url.host, "::1");
  EXPECT_EQ(url.port, 10143);
  EXPECT_EQ(format_imap_url(url), "imap://user@[::1]:10143/INBOX");
  EXPECT_EQ(parsed("imap://[0:0:0:0:0:0:0:1]/").host, "::1");
}

TEST(ImapUrl, Ipv4AndPort) {
  const ImapUrl url = parsed("imap://127.0.0.1:993/");
  EXPECT_FALSE(url.ipv6);
  EXPECT_EQ(url.host, "127.0.0.1");
  EXPECT_EQ(url.effective_port(), 993);
  EXPECT_EQ(parsed("imap://127.0.0.1/").effective_port(), 143);
  EXPECT_EQ(parsed("imap://127.0.0.1:/").port, std::nullopt);  // port = *DIGIT may be empty
}

TEST(ImapUrl, PercentDecodingEveryComponent) {
  const ImapUrl url =
      parsed("imap://fred%40example%3Bx;AUTH=X%2DY@host/a%20b%3Fc%3B/;UID=7/;SECTION=1%2E2");
  EXPECT_EQ(url.user, "fred@example;x");
  EXPECT_EQ(url.auth, "X-Y");
  EXPECT_EQ(url.mailbox, "a b?c;");
  EXPECT_EQ(url.section, "1.2");
}

TEST(ImapUrl, PercentEncodingWhatTheGrammarForbids) {
  ImapUrl url;
  url.user = "fred@example;x:y";
  url.host = "127.0.0.1";
  url.mailbox = "50% off;?#\"";
  url.search = "SUBJECT \"x y\"";
  EXPECT_EQ(format_imap_url(url),
            "imap://fred%40example%3Bx%3Ay@127.0.0.1/50%25%20off%3B%3F%23%22"
            "?SUBJECT%20%22x%20y%22");
  EXPECT_EQ(parsed(format_imap_url(url)), url);
}

TEST(ImapUrl, NonAsciiIsPercentEncodedUtf8) {
  ImapUrl url;
  url.host = "h";
  url.mailbox = "\xC3\xA9t\xC3\xA9";  // "été"
  EXPECT_EQ(format_imap_url(url), "imap://h/%C3%A9t%C3%A9");
  EXPECT_EQ(url.mailbox_as_imap_argument(), "&AOk-t&AOk-");
}

TEST(ImapUrl, MailboxWithSlashesAndTrailingSlash) {
  const ImapUrl url = parsed("imap://h/a/b//;UID=3");
  EXPECT_EQ(url.mailbox, "a/b/");
  EXPECT_EQ(url.uid, 3u);
  EXPECT_EQ(parsed("imap://h/a/;UIDVALIDITY=9").mailbox, "a/");
}

TEST(ImapUrl, FormatEscapesLeadingSlashAndDotSegments) {
  ImapUrl url;
  url.host = "h";
  for (std::string mailbox : {"/root", "..", "a/./b", "../x", "x/..", "a/b/", "a//b"}) {
    url.mailbox = mailbox;
    const std::string text = format_imap_url(url);
    EXPECT_EQ(parsed(text), url) << text;
  }
  url.mailbox = "/root";
  EXPECT_EQ(format_imap_url(url), "imap://h/%2Froot");
  url.mailbox = "a/../b";
  EXPECT_EQ(format_imap_url(url), "imap://h/a/%2E%2E/b");
}

TEST(ImapUrl, RoundTripOfAFullUrl) {
  ImapUrl url;
  url.user = "a b";
  url.auth = "DIGEST-MD5";
  url.host = "::1";
  url.ipv6 = true;
  url.port = 1;
  url.mailbox = "INBOX/sub";
  url.uidvalidity = 4294967295u;
  url.uid = 1;
  url.section = "HEADER.FIELDS (TO)";
  url.partial = "0";
  url.expire = "2026-11-23T13:00:00Z";
  url.urlauth = "anonymous:INTERNAL:0123456789abcdef0123456789ABCDEF";
  const std::string text = format_imap_url(url);
  EXPECT_EQ(text,
            "imap://a%20b;AUTH=DIGEST-MD5@[::1]:1/INBOX/sub;UIDVALIDITY=4294967295/;UID=1/"
            ";SECTION=HEADER.FIELDS%20(TO)/;PARTIAL=0;EXPIRE=2026-11-23T13:00:00Z"
            ";URLAUTH=anonymous:INTERNAL:0123456789abcdef0123456789ABCDEF");
  EXPECT_EQ(parsed(text), url);
}

struct RuleCase {
  const char* url;
  const char* rule;
  std::size_t offset;
};

// One failing example per rule: the rule named, and the offset of the offending byte.
TEST(ImapUrl, EachRuleRejectsWithItsNameAndOffset) {
  const RuleCase cases[] = {
      {"http://host/", "scheme", 0},
      {"imap:/host/", "scheme", 0},
      {"imap://", "iserver", 7},
      {"imap://:143/", "iserver", 7},
      {"imap://@host/", "iuserinfo", 7},
      {"imap://us er@host/", "enc-user", 9},
      {"imap://user%4@host/", "enc-user", 11},
      {"imap://user;FOO=x@host/", "iauth", 11},
      {"imap://;AUTH=@host/", "enc-auth-type", 13},
      {"imap://;AUTH=%2A@host/", "iauth", 13},
      {"imap://;AUTH=A%20B@host/", "enc-auth-type", 13},
      {"imap://[::1/", "host", 7},
      {"imap://[v1.x]/", "host", 7},
      {"imap://;AUTH=*host/", "host", 7},
      {"imap://ho%41st/", "host", 7},
      {"imap://host:65536/", "port", 12},
      {"imap://host:12a/", "host", 7},
      {"imap://host?x", "ipath-query", 11},
      {"imap://host/a b", "enc-mailbox", 13},
      {"imap://host/a%zz", "enc-mailbox", 13},
      {"imap://host/;UID=1", "enc-mailbox", 12},
      {"imap://host/?ALL", "enc-mailbox", 12},
      {"imap://host/a;UIDVALIDITY=0", "uidvalidity", 26},
      {"imap://host/a;UIDVALIDITY=4294967296", "uidvalidity", 26},
      {"imap://host/a;UIDVALIDITY=x", "uidvalidity", 26},
      {"imap://host/a/;UID=", "iuid", 19},
      {"imap://host/a/;UID=01", "iuid", 19},
      {"imap://host/a/;UID=1/;SECTION=", "isection", 30},
      {"imap://host/a/;UID=1/;SECTION=a b", "enc-section", 31},
      {"imap://host/a/;UID=1/;PARTIAL=x", "ipartial", 30},
      {"imap://host/a/;UID=1/;PARTIAL=1.0", "ipartial", 32},
      {"imap://host/a?", "enc-search", 14},
      {"imap://host/a?SUBJECT x", "enc-search", 21},
      {"imap://host/a/;UID=1;URLAUTH=nobody", "iurlauth", 29},
      {"imap://host/a/;UID=1;URLAUTH=anonymous:INTERNAL:12", "iurlauth", 29},
      {"imap://host/a/;UID=1;EXPIRE=soon;URLAUTH=anonymous", "expire", 28},
      {"imap://host/a/;UID=1;EXPIRE=2026-01-01T00:00:00Z", "iurlauth", 20},
      {"imap://host/a;FOO=1", "icommand", 13},
      {"imap://host/a/;UID=1?ALL", "icommand", 20},
      {"imap://host/a#frag", "icommand", 13},
      {"imap://host/a;TYPE=TREE", "list_type", 19},
  };
  for (const RuleCase& rule_case : cases) {
    SCOPED_TRACE(rule_case.url);
    const UrlProblem problem = rejected(rule_case.url);
    EXPECT_EQ(problem.rule, rule_case.rule) << problem.message;
    EXPECT_EQ(problem.offset, rule_case.offset) << problem.message;
    EXPECT_FALSE(problem.message.empty());
    EXPECT_FALSE(problem.rfc.empty());
    EXPECT_FALSE(problem.section.empty());
  }
}

TEST(ImapUrl, ProblemsCiteTheRfcSection) {
  const UrlProblem user = rejected("imap://us er@host/");
  EXPECT_EQ(user.rfc, "RFC 5092");
  EXPECT_EQ(user.section, "11");
  EXPECT_NE(user.message.find("enc-user"), std::string::npos);
  const UrlProblem port = rejected("imap://host:70000/");
  EXPECT_EQ(port.rfc, "RFC 3986");
  EXPECT_EQ(port.section, "3.2.3");
  EXPECT_NE(port.message.find("70000"), std::string::npos);
  const UrlProblem star = rejected("imap://;AUTH=%2A@host/");
  EXPECT_NE(star.message.find("MUST NOT be percent-encoded"), std::string::npos);
}

}  // namespace
}  // namespace referee::imap
