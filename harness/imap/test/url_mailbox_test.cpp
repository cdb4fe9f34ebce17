// The mailbox part of referral URLs: RFC 5092 §5 (" " (space), ";", or "?" ... "MUST be
// percent-encoded") and §8 (modified UTF-7 "MUST be converted to UTF-8", then percent-encoded),
// and how a URL's mailbox is compared with a name the server writes in modified UTF-7.
#include "harness/imap/imap_url.hpp"

#include <gtest/gtest.h>

#include "harness/imap/mailbox_name.hpp"

namespace referee::imap {
namespace {

const std::string kEntwuerfe = "Entw\xC3\xBCrfe";               // "Entwürfe"
const std::string kNihongo = "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E";  // "日本語"

std::string mailbox_of(std::string_view text) {
  auto url = parse_imap_url(text);
  EXPECT_TRUE(url) << text << ": " << (url ? "" : url.error().message);
  return url ? url->mailbox : "";
}

TEST(UrlMailbox, PercentDecodesToUtf8AndBackToModifiedUtf7) {
  auto url = parse_imap_url("imap://alice;AUTH=*@h/t/Entw%C3%BCrfe-%E6%97%A5%E6%9C%AC%E8%AA%9E");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->mailbox, "t/" + kEntwuerfe + "-" + kNihongo);
  EXPECT_EQ(url->mailbox_as_imap_argument(), "t/Entw&APw-rfe-&ZeVnLIqe-");
  EXPECT_EQ(format_imap_url(*url), "imap://alice;AUTH=*@h/t/Entw%C3%BCrfe-%E6%97%A5%E6%9C%AC%E8%AA%9E");
}

TEST(UrlMailbox, ReservedCharactersDecode) {
  EXPECT_EQ(mailbox_of("imap://h/t/Sent%20Items"), "t/Sent Items");
  EXPECT_EQ(mailbox_of("imap://h/t/100%2541"), "t/100%41");
  EXPECT_EQ(mailbox_of("imap://h/t/Q&A%3Bv2%3F%231"), "t/Q&A;v2?#1");
  // A raw "%" before two hex digits is an escape: the URL names another mailbox.
  EXPECT_EQ(mailbox_of("imap://h/t/100%41"), "t/100A");
}

// What a server that leaves the name unencoded sends: a clear rule, never a crash.
TEST(UrlMailbox, MalformedPercentEncodingIsRejectedWithTheRule) {
  struct Case {
    const char* url;
    std::size_t offset;
    const char* says;
  };
  const Case cases[] = {
      {"imap://h/a%", 10, "two hex digits"},         {"imap://h/a%4", 10, "two hex digits"},
      {"imap://h/a%G1", 10, "two hex digits"},       {"imap://h/%%41", 9, "two hex digits"},
      {"imap://h/Sent Items", 13, "percent-encoded"}, {"imap://h/Entw\xC3\xBCrfe", 13, "byte 0xC3"},
      {"imap://h/a\"b", 10, "percent-encoded"},      {"imap://h/a\x7F", 10, "byte 0x7F"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.url);
    auto url = parse_imap_url(c.url);
    ASSERT_FALSE(url);
    EXPECT_EQ(url.error().rule, "enc-mailbox");
    EXPECT_EQ(url.error().offset, c.offset);
    EXPECT_NE(url.error().message.find(c.says), std::string::npos) << url.error().message;
  }
  // ";" and "?" left raw end the mailbox: what follows is no parameter and no search.
  EXPECT_EQ(parse_imap_url("imap://h/Q&A;v2?#1").error().rule, "icommand");
  EXPECT_EQ(parse_imap_url("imap://h/a?b#c").error().rule, "enc-search");
}

TEST(UrlMailbox, NonUtf8OctetsStayAsTheyAre) {
  auto url = parse_imap_url("imap://h/caf%E9");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->mailbox, "caf\xE9");
  EXPECT_EQ(url->mailbox_as_imap_argument(), "caf\xE9");  // nothing to convert it to
  const auto findings = lint_referral_url(*url, true);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings.back().section, "8");
}

TEST(UnicodeMailboxName, DecodesModifiedUtf7OrKeepsTheName) {
  EXPECT_EQ(unicode_mailbox_name("~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
            "~peter/mail/\xE5\x8F\xB0\xE5\x8C\x97/" + kNihongo);  // RFC 3501 §5.1.3
  EXPECT_EQ(unicode_mailbox_name("Tom &- Jerry"), "Tom & Jerry");
  EXPECT_EQ(unicode_mailbox_name("INBOX.Sent Items"), "INBOX.Sent Items");
  EXPECT_EQ(unicode_mailbox_name("a&b"), "a&b");        // not modified UTF-7
  EXPECT_EQ(unicode_mailbox_name("caf\xC3\xA9"), "caf\xC3\xA9");  // 8-bit: sent as is
}

// The comparison the referral judge makes: a URL keeping the modified UTF-7 is another name.
TEST(UnicodeMailboxName, ModifiedUtf7LeftInAUrlIsAnotherName) {
  const std::string wire = "t/Entw&APw-rfe";
  EXPECT_EQ(mailbox_of("imap://h/t/Entw%C3%BCrfe"), unicode_mailbox_name(wire));
  EXPECT_NE(mailbox_of("imap://h/t/Entw&APw-rfe"), unicode_mailbox_name(wire));
  EXPECT_EQ(mailbox_of("imap://h/t/Tom%20&%20Jerry"), unicode_mailbox_name("t/Tom &- Jerry"));
  EXPECT_NE(mailbox_of("imap://h/t/Tom%20&-%20Jerry"), unicode_mailbox_name("t/Tom &- Jerry"));
}

TEST(UnicodeMailboxName, EveryDecodeErrorHasAMessage) {
  for (const char* bad : {"a\xFF", "&AOk", "&U/B-", "&AOl-", "&AO-", "&2D0-", "&AGE-", "&AOk-&AOk-"}) {
    auto decoded = decode_mailbox_name(bad);
    ASSERT_FALSE(decoded) << bad;
    EXPECT_EQ(&decoded.error().category(), &mailbox_name_error_category());
    EXPECT_NE(decoded.error().message(), "unknown modified UTF-7 error") << bad;
  }
}

}  // namespace
}  // namespace referee::imap
