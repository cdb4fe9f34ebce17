#include <gtest/gtest.h>

#include "harness/imap/imap_url.hpp"

namespace referee::imap {
namespace {

std::vector<UrlFinding> lint(std::string_view text, bool mailbox_referral) {
  auto url = parse_imap_url(text);
  EXPECT_TRUE(url) << text;
  return url ? lint_referral_url(*url, mailbox_referral) : std::vector<UrlFinding>{};
}

bool has(const std::vector<UrlFinding>& findings, std::string_view level, std::string_view rfc,
         std::string_view section) {
  for (const UrlFinding& finding : findings) {
    if (finding.level == level && finding.rfc == rfc && finding.section == section) return true;
  }
  return false;
}

TEST(UrlLint, RfcReferralExamplesAreClean) {
  EXPECT_TRUE(lint("IMAP://user;AUTH=*@SERVER2/REMOTE", true).empty());
  EXPECT_TRUE(lint("IMAP://user;AUTH=*@SERVER2/SHARED/FOO", true).empty());
  EXPECT_TRUE(lint("IMAP://user;AUTH=*@SERVER2/", false).empty());
  EXPECT_TRUE(lint("IMAP://MIKE@SERVER2/", false).empty());
  EXPECT_TRUE(lint("IMAP://user;AUTH=GSSAPI@SERVER2/", false).empty());
  EXPECT_TRUE(lint("imap://;AUTH=*@127.0.0.1/mailbox", true).empty());
}

TEST(UrlLint, NoUserNoAuthWarnsOfAnonymousFallback) {
  const auto mailbox = lint("imap://127.0.0.1/REMOTE", true);
  ASSERT_EQ(mailbox.size(), 1u);
  EXPECT_TRUE(has(mailbox, "warn", "RFC 2193", "3"));
  EXPECT_NE(mailbox[0].message.find("anonymous"), std::string::npos);
  EXPECT_TRUE(has(lint("imap://127.0.0.1/", false), "warn", "RFC 2221", "3"));
}

TEST(UrlLint, MechanismWithoutUserIsInfo) {
  const auto findings = lint("imap://;AUTH=PLAIN@127.0.0.1/", false);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(has(findings, "info", "RFC 5092", "3.2"));
}

TEST(UrlLint, MailboxReferralWithoutMailboxWarns) {
  EXPECT_TRUE(has(lint("imap://u;AUTH=*@127.0.0.1/", true), "warn", "RFC 2193", "2"));
}

TEST(UrlLint, MailboxReferralToAMessageWarns) {
  EXPECT_TRUE(has(lint("imap://u@127.0.0.1/INBOX/;UID=3", true), "warn", "RFC 2193", "2"));
  EXPECT_TRUE(has(lint("imap://u@127.0.0.1/INBOX?ALL", true), "warn", "RFC 2193", "2"));
  EXPECT_TRUE(lint("imap://u@127.0.0.1/INBOX;UIDVALIDITY=5", true).empty());
}

TEST(UrlLint, LoginReferralWithMailboxIsNotAServerUrl) {
  const auto findings = lint("IMAP://MIKE@SERVER2/INBOX", false);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(has(findings, "warn", "RFC 2221", "3"));
  EXPECT_NE(findings[0].message.find("INBOX"), std::string::npos);
}

TEST(UrlLint, Rfc2192ListUrlWarns) {
  EXPECT_TRUE(has(lint("imap://michael@minbari.org/users.*;type=list", true), "warn", "RFC 5092",
                  "Appendix B"));
}

TEST(UrlLint, ModifiedUtf7InsteadOfUtf8Warns) {
  EXPECT_TRUE(has(lint("imap://u@h/~peter/&U,BTFw-", true), "warn", "RFC 5092", "8"));
  EXPECT_TRUE(has(lint("imap://u@h/%FF", true), "warn", "RFC 5092", "8"));
  EXPECT_TRUE(lint("imap://u@h/~peter/%E5%8F%B0%E5%8C%97", true).empty());
  EXPECT_TRUE(lint("imap://u@h/Tom%20&%20Jerry", true).empty());
}

}  // namespace
}  // namespace referee::imap
