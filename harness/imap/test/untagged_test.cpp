#include "harness/imap/untagged.hpp"

#include <gtest/gtest.h>

#include "harness/imap/test/parse_everywhere.hpp"

namespace referee::imap {
namespace {

using test::parse_one;

std::string literal(std::string_view bytes) { return "{" + std::to_string(bytes.size()) + "}\r\n" + std::string(bytes); }

TEST(AsList, AttributesDelimiterMailbox) {
  const auto entry = as_list(parse_one("* LIST (\\Noselect \\HasChildren) \"/\" ~/Mail/foo\r\n"));
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->attributes, (std::vector<std::string>{"\\Noselect", "\\HasChildren"}));
  EXPECT_EQ(entry->delimiter, '/');
  EXPECT_EQ(entry->mailbox, "~/Mail/foo");
}

TEST(AsList, NilDelimiterQuotedAndLiteralMailboxes) {
  auto entry = as_list(parse_one("* LSUB () NIL \"Shared Folders\"\r\n"));
  ASSERT_TRUE(entry);
  EXPECT_TRUE(entry->attributes.empty());
  EXPECT_EQ(entry->delimiter, std::nullopt);
  EXPECT_EQ(entry->mailbox, "Shared Folders");
  entry = as_list(parse_one("* list () \".\" " + literal("a\"b") + "\r\n"));
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->delimiter, '.');
  EXPECT_EQ(entry->mailbox, "a\"b");
}

TEST(AsList, RejectsOtherResponsesAndMalformedData) {
  EXPECT_FALSE(as_list(parse_one("* FLAGS (\\Seen)\r\n")));
  EXPECT_FALSE(as_list(parse_one("* LIST () \"//\" INBOX\r\n")));     // delimiter is one character
  EXPECT_FALSE(as_list(parse_one("* LIST \\Noselect \"/\" INBOX\r\n")));  // attributes not a list
  EXPECT_FALSE(as_list(parse_one("* LIST () \"/\" NIL\r\n")));
  EXPECT_FALSE(as_list(parse_one("* LIST () \"/\"\r\n")));
}

TEST(AsStatus, ItemsUpperCasedAndMailboxReturned) {
  std::string mailbox;
  const auto items = as_status(parse_one("* STATUS blurdybloop (MESSAGES 231 uidnext 44292)\r\n"), &mailbox);
  ASSERT_TRUE(items);
  EXPECT_EQ(*items, (std::map<std::string, std::uint64_t>{{"MESSAGES", 231}, {"UIDNEXT", 44292}}));
  EXPECT_EQ(mailbox, "blurdybloop");
  EXPECT_TRUE(as_status(parse_one("* STATUS \"a b\" ()\r\n"))->empty());
}

TEST(AsStatus, RejectsMalformed) {
  EXPECT_FALSE(as_status(parse_one("* STATUS box (MESSAGES)\r\n"), nullptr));
  EXPECT_FALSE(as_status(parse_one("* STATUS box (MESSAGES x)\r\n"), nullptr));
  EXPECT_FALSE(as_status(parse_one("* STATUS box MESSAGES 1\r\n"), nullptr));
}

TEST(AsSearch, NumbersEmptyAndModseq) {
  EXPECT_EQ(as_search(parse_one("* SEARCH 2 3 6\r\n")), (std::vector<std::uint32_t>{2, 3, 6}));
  EXPECT_EQ(as_search(parse_one("* SEARCH\r\n")), std::vector<std::uint32_t>{});
  EXPECT_EQ(as_search(parse_one("* SEARCH 4 (MODSEQ 917162500)\r\n")), std::vector<std::uint32_t>{4});
  EXPECT_FALSE(as_search(parse_one("* SEARCH 0\r\n")));
  EXPECT_FALSE(as_search(parse_one("* SEARCH 4294967296\r\n")));
  EXPECT_FALSE(as_search(parse_one("* SEARCH a\r\n")));
}

TEST(AsCapabilities, FromDataAndFromResponseCode) {
  EXPECT_EQ(as_capabilities(parse_one("* CAPABILITY IMAP4rev1 STARTTLS AUTH=GSSAPI LOGINDISABLED\r\n")),
            (std::vector<std::string>{"IMAP4REV1", "STARTTLS", "AUTH=GSSAPI", "LOGINDISABLED"}));
  EXPECT_EQ(as_capabilities(parse_one("* OK [CAPABILITY IMAP4rev1 MAILBOX-REFERRALS] ready\r\n")),
            (std::vector<std::string>{"IMAP4REV1", "MAILBOX-REFERRALS"}));
  EXPECT_EQ(as_capabilities(parse_one("A1 OK [CAPABILITY IMAP4rev1] done\r\n")),
            std::vector<std::string>{"IMAP4REV1"});
  EXPECT_FALSE(as_capabilities(parse_one("* OK [ALERT] x\r\n")));
  EXPECT_FALSE(as_capabilities(parse_one("* CAPABILITY (IMAP4rev1)\r\n")));
}

// RFC 2342 §5 examples: a single personal namespace, and one with every kind.
TEST(AsNamespace, PersonalOtherAndShared) {
  auto spaces = as_namespace(parse_one("* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n"));
  ASSERT_TRUE(spaces);
  ASSERT_EQ(spaces->personal.size(), 1u);
  EXPECT_EQ(spaces->personal[0].prefix, "");
  EXPECT_EQ(spaces->personal[0].delimiter, '/');
  EXPECT_TRUE(spaces->other_users.empty());
  spaces = as_namespace(parse_one(
      "* NAMESPACE ((\"INBOX.\" \".\")) ((\"~\" \"/\")) ((\"#shared/\" \"/\")(\"#flat\" NIL))\r\n"));
  ASSERT_TRUE(spaces);
  EXPECT_EQ(spaces->personal[0].prefix, "INBOX.");
  EXPECT_EQ(spaces->personal[0].delimiter, '.');
  EXPECT_EQ(spaces->other_users[0].prefix, "~");
  ASSERT_EQ(spaces->shared.size(), 2u);
  EXPECT_FALSE(spaces->shared[1].delimiter);
}

TEST(AsNamespace, RejectsMalformed) {
  EXPECT_FALSE(as_namespace(parse_one("* NAMESPACE NIL NIL\r\n")));
  EXPECT_FALSE(as_namespace(parse_one("* NAMESPACE ((\"\" \"//\")) NIL NIL\r\n")));
  EXPECT_FALSE(as_namespace(parse_one("* NAMESPACE (\"\" \"/\") NIL NIL\r\n")));
  EXPECT_FALSE(as_namespace(parse_one("* LIST () \"/\" INBOX\r\n")));
}

TEST(AsFlags, FlagList) {
  EXPECT_EQ(as_flags(parse_one("* FLAGS (\\Answered \\Flagged $Forwarded)\r\n")),
            (std::vector<std::string>{"\\Answered", "\\Flagged", "$Forwarded"}));
  EXPECT_FALSE(as_flags(parse_one("* FLAGS \\Seen\r\n")));
  EXPECT_FALSE(as_flags(parse_one("* FLAGS (\"x\")\r\n")));
}

TEST(AsFetch, ItemsKeyedByUpperCasedName) {
  const std::string header = "From: a@example.com\r\n\r\n";
  const auto fetch = as_fetch(parse_one("* 12 FETCH (uid 7 Flags (\\Seen) body[header.fields (FROM)] " +
                                        literal(header) + " BODY[]<0> {5}\r\nhello RFC822.SIZE 44)\r\n"));
  ASSERT_TRUE(fetch);
  EXPECT_EQ(fetch->sequence, 12u);
  ASSERT_EQ(fetch->items.size(), 5u);
  EXPECT_EQ(fetch->items.at("UID").as_number(), 7u);
  EXPECT_EQ(fetch->items.at("FLAGS"), Value::list({Value::atom("\\Seen")}));
  EXPECT_EQ(fetch->items.at("BODY[HEADER.FIELDS (FROM)]").as_string(), header);
  EXPECT_EQ(fetch->items.at("BODY[]<0>").as_string(), "hello");
  EXPECT_EQ(fetch->items.at("RFC822.SIZE").as_number(), 44u);
}

TEST(AsFetch, RejectsMalformed) {
  EXPECT_FALSE(as_fetch(parse_one("* 1 FETCH (UID)\r\n")));
  EXPECT_FALSE(as_fetch(parse_one("* 1 FETCH UID 4\r\n")));
  EXPECT_FALSE(as_fetch(parse_one("* 0 FETCH (UID 4)\r\n")));
  EXPECT_FALSE(as_fetch(parse_one("* 1 FETCH (\"UID\" 4)\r\n")));
  EXPECT_FALSE(as_fetch(parse_one("* 1 EXPUNGE\r\n")));
}

}  // namespace
}  // namespace referee::imap
