// Every absolute IMAP URL in the examples of RFC 2192, RFC 2193, RFC 2221 and RFC 5092
// (found with grep -i 'imap://' in the RFC texts), parsed, checked field by field, and
// round-tripped through format_imap_url.

#include <gtest/gtest.h>

#include "harness/imap/imap_url.hpp"

namespace referee::imap {
namespace {

struct Example {
  const char* where;  // RFC and section
  const char* url;
  ImapUrl expected;
};

ImapUrl server(std::string user, std::optional<std::string> auth, std::string host,
               std::string mailbox = {}) {
  ImapUrl url;
  url.user = std::move(user);
  url.auth = std::move(auth);
  url.host = std::move(host);
  url.mailbox = std::move(mailbox);
  return url;
}

ImapUrl with(ImapUrl url, auto&& change) {
  change(url);
  return url;
}

const std::string kIvanova = "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xB0";
const std::string kNihongoTaipei =
    "~peter/\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E/\xE5\x8F\xB0\xE5\x8C\x97";

std::vector<Example> examples() {
  return {
      // RFC 2193 §3, §4.1, §4.2, §4.3, §4.4 (REFERRAL response codes).
      {"RFC 2193 §3", "IMAP://user;AUTH=*@SERVER2/REMOTE",
       server("user", "*", "SERVER2", "REMOTE")},
      {"RFC 2193 §4.1", "IMAP://user;AUTH=*@SERVER2/SHARED/FOO",
       server("user", "*", "SERVER2", "SHARED/FOO")},
      {"RFC 2193 §4.1", "IMAP://user;AUTH=*@SERVER3/REMOTE",
       server("user", "*", "SERVER3", "REMOTE")},
      {"RFC 2193 §4.3", "IMAP://user;AUTH=*@SERVER1/FOO", server("user", "*", "SERVER1", "FOO")},
      {"RFC 2193 §4.3", "IMAP://user;AUTH=*@SERVER2/BAR", server("user", "*", "SERVER2", "BAR")},
      {"RFC 2193 §4.3", "IMAP://user;AUTH=*@SERVER2/FOO", server("user", "*", "SERVER2", "FOO")},
      {"RFC 2193 §4.4", "IMAP://user;AUTH=*@SERVER2/SHARED/STUFF",
       server("user", "*", "SERVER2", "SHARED/STUFF")},
      // RFC 2221 §3, §4.1, §4.2.
      {"RFC 2221 §3", "IMAP://user;AUTH=*@SERVER2/", server("user", "*", "SERVER2")},
      {"RFC 2221 §4.1", "IMAP://MIKE@SERVER2/", server("MIKE", std::nullopt, "SERVER2")},
      {"RFC 2221 §4.1", "IMAP://MATTHEW@SERVER2/", server("MATTHEW", std::nullopt, "SERVER2")},
      {"RFC 2221 §4.1", "IMAP://user;AUTH=GSSAPI@SERVER2/", server("user", "GSSAPI", "SERVER2")},
      // RFC 2192 §10.
      {"RFC 2192 §10", "imap://minbari.org/gray-council;UIDVALIDITY=385759045/;UID=20",
       with(server("", std::nullopt, "minbari.org", "gray-council"),
            [](ImapUrl& u) {
              u.uidvalidity = 385759045;
              u.uid = 20;
            })},
      {"RFC 2192 §10", "imap://michael@minbari.org/users.*;type=list",
       with(server("michael", std::nullopt, "minbari.org", "users.*"),
            [](ImapUrl& u) { u.list_type = "LIST"; })},
      {"RFC 2192 §10", "imap://psicorp.org/~peter/%E6%97%A5%E6%9C%AC%E8%AA%9E/%E5%8F%B0%E5%8C%97",
       server("", std::nullopt, "psicorp.org", kNihongoTaipei)},
      {"RFC 2192 §10", "imap://;AUTH=KERBEROS_V4@minbari.org/gray-council/;uid=20/;section=1.2",
       with(server("", "KERBEROS_V4", "minbari.org", "gray-council"),
            [](ImapUrl& u) {
              u.uid = 20;
              u.section = "1.2";
            })},
      {"RFC 2192 §10", "imap://;AUTH=*@minbari.org/gray%20council?SUBJECT%20shadows",
       with(server("", "*", "minbari.org", "gray council"),
            [](ImapUrl& u) { u.search = "SUBJECT shadows"; })},
      // RFC 5092 §3.1, §4 / Appendix B, §6.1, §9.
      {"RFC 5092 §3.1", "imap://michael@example.org/INBOX",
       server("michael", std::nullopt, "example.org", "INBOX")},
      {"RFC 5092 §3.1", "imap://bester@example.org/INBOX",
       server("bester", std::nullopt, "example.org", "INBOX")},
      {"RFC 5092 Appendix B", "imap://imap.example.com",
       server("", std::nullopt, "imap.example.com")},
      {"RFC 5092 Appendix B", "imap://imap.example.com/",
       server("", std::nullopt, "imap.example.com")},
      {"RFC 5092 §6.1",
       "imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth="
       "submit+fred:internal:91354a473744909de610943775f92038",
       with(server("joe", std::nullopt, "example.com", "INBOX"),
            [](ImapUrl& u) {
              u.uid = 20;
              u.section = "1.2";
              u.urlauth = "submit+fred:internal:91354a473744909de610943775f92038";
            })},
      {"RFC 5092 §9",
       "imap://minbari.example.org/gray-council;UIDVALIDITY=385759045/;UID=20/;PARTIAL=0.1024",
       with(server("", std::nullopt, "minbari.example.org", "gray-council"),
            [](ImapUrl& u) {
              u.uidvalidity = 385759045;
              u.uid = 20;
              u.partial = "0.1024";
            })},
      {"RFC 5092 §9",
       "imap://psicorp.example.org/~peter/%E6%97%A5%E6%9C%AC%E8%AA%9E/%E5%8F%B0%E5%8C%97",
       server("", std::nullopt, "psicorp.example.org", kNihongoTaipei)},
      {"RFC 5092 §9", "imap://;AUTH=GSSAPI@minbari.example.org/gray-council/;uid=20/;section=1.2",
       with(server("", "GSSAPI", "minbari.example.org", "gray-council"),
            [](ImapUrl& u) {
              u.uid = 20;
              u.section = "1.2";
            })},
      {"RFC 5092 §9", "imap://;AUTH=*@minbari.example.org/gray%20council?SUBJECT%20shadows",
       with(server("", "*", "minbari.example.org", "gray council"),
            [](ImapUrl& u) { u.search = "SUBJECT shadows"; })},
      {"RFC 5092 §9",
       "imap://john;AUTH=*@minbari.example.org/babylon5/personel?"
       "charset%20UTF-8%20SUBJECT%20%7B14+%7D%0D%0A%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%B0",
       with(server("john", "*", "minbari.example.org", "babylon5/personel"),
            [](ImapUrl& u) { u.search = "charset UTF-8 SUBJECT {14+}\r\n" + kIvanova; })},
  };
}

TEST(UrlRfcExamples, ParseToTheExpectedFields) {
  for (const Example& example : examples()) {
    SCOPED_TRACE(std::string(example.where) + ": " + example.url);
    auto parsed = parse_imap_url(example.url);
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(*parsed, example.expected);
  }
}

TEST(UrlRfcExamples, RoundTripThroughFormat) {
  for (const Example& example : examples()) {
    SCOPED_TRACE(example.url);
    const std::string formatted = format_imap_url(example.expected);
    auto reparsed = parse_imap_url(formatted);
    ASSERT_TRUE(reparsed) << formatted << ": " << reparsed.error().message;
    EXPECT_EQ(*reparsed, example.expected) << formatted;
  }
}

TEST(UrlRfcExamples, CanonicalFormOfExamples) {
  EXPECT_EQ(format_imap_url(*parse_imap_url("IMAP://user;AUTH=*@SERVER2/REMOTE")),
            "imap://user;AUTH=*@SERVER2/REMOTE");
  EXPECT_EQ(format_imap_url(*parse_imap_url(
                "imap://;AUTH=KERBEROS_V4@minbari.org/gray-council/;uid=20/;section=1.2")),
            "imap://;AUTH=KERBEROS_V4@minbari.org/gray-council/;UID=20/;SECTION=1.2");
  EXPECT_EQ(format_imap_url(*parse_imap_url("imap://imap.example.com")),
            "imap://imap.example.com/");
  EXPECT_EQ(format_imap_url(*parse_imap_url(
                "imap://psicorp.org/~peter/%e6%97%a5%e6%9c%ac%e8%aa%9e/%E5%8F%B0%E5%8C%97")),
            "imap://psicorp.org/~peter/%E6%97%A5%E6%9C%AC%E8%AA%9E/%E5%8F%B0%E5%8C%97");
}

// RFC 5092 §9: the URL ".../~peter/%E6%97%A5..." "may result in" "C: A002 SELECT
// ~peter/&ZeVnLIqe-/&U,BTFw-"; RFC 2192 §10 shows the same command.
TEST(UrlRfcExamples, MailboxBecomesModifiedUtf7ForSelect) {
  auto url = parse_imap_url(
      "imap://psicorp.example.org/~peter/%E6%97%A5%E6%9C%AC%E8%AA%9E/%E5%8F%B0%E5%8C%97");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->mailbox_as_imap_argument(), "~peter/&ZeVnLIqe-/&U,BTFw-");
}

// RFC 5092 §7 and §9.1: relative references are not absolute IMAP URLs.
TEST(UrlRfcExamples, RelativeExamplesAreRejectedAsNotAbsolute) {
  for (const char* relative :
       {"/foo/;UID=20/..", "/foo", ";UID=20", "..;UIDVALIDITY=385759045/;UID=20", ";section=1.4"}) {
    auto parsed = parse_imap_url(relative);
    ASSERT_FALSE(parsed) << relative;
    EXPECT_EQ(parsed.error().rule, "scheme");
    EXPECT_NE(parsed.error().message.find("relative"), std::string::npos);
  }
}

}  // namespace
}  // namespace referee::imap
