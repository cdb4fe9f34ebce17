#include "harness/engine/run/command_bytes.hpp"

#include <gtest/gtest.h>

#include "harness/engine/run/implicit_rules.hpp"
#include "harness/imap/response_parser.hpp"

namespace referee::engine {
namespace {

TEST(CommandBytes, SplitsAfterSynchronizingLiterals) {
  CommandBytes bytes = build_command(
      "A7", {std::string("APPEND box "), scenario::LiteralPart{.bytes = "a\nb", .hold = true},
             std::string(" "), scenario::LiteralPart{.bytes = "xy", .synchronizing = false}});
  ASSERT_EQ(bytes.chunks.size(), 2u);
  EXPECT_EQ(bytes.chunks[0].bytes, "A7 APPEND box {4}\r\n");
  EXPECT_TRUE(bytes.chunks[0].await_continuation);
  EXPECT_TRUE(bytes.chunks[0].hold);
  EXPECT_EQ(bytes.chunks[1].bytes, "a\r\nb {2+}\r\nxy\r\n");
  EXPECT_FALSE(bytes.chunks[1].await_continuation);
  EXPECT_EQ(bytes.text, "APPEND box {4} {2+}");
}

TEST(CommandBytes, LoginQuotesOrUsesLiterals) {
  auto parts = login_command("alice", "pass word");
  EXPECT_EQ(build_command("A1", parts).chunks[0].bytes, "A1 LOGIN alice \"pass word\"\r\n");
  auto literal = build_command("A1", login_command("alice", "p\xc3\xa9"));
  EXPECT_EQ(literal.chunks.size(), 2u);
}

TEST(CommandBytes, SaslPlainAndNames) {
  // RFC 4616 §4 example: "\0tim\0tanstaaftanstaaf".
  EXPECT_EQ(sasl_plain_response("tim", "tanstaaftanstaaf"), "AHRpbQB0YW5zdGFhZnRhbnN0YWFm");
  EXPECT_EQ(command_name("uid fetch 1:* FLAGS"), "UID FETCH");
  EXPECT_EQ(command_name("select INBOX"), "SELECT");
}

TEST(CommandBytes, SecretSpansDoNotOverlap) {
  auto spans = secret_spans("LOGIN alice alice-pw alice-pw", {"alice-pw", "alice"});
  ASSERT_EQ(spans.size(), 3u);  // two passwords and the login, which is not inside them
  EXPECT_EQ(spans[0].offset, 12u);
  EXPECT_EQ(spans[1].offset, 21u);
  EXPECT_EQ(spans[2].offset, 6u);
}

// A deliberately wrong password is not a profile secret, yet it must not show in transcripts.
TEST(CommandBytes, LoginPasswordIsSecretWhateverItIs) {
  auto atom = secret_spans("A3 LOGIN bob wrong-password\r\n", {"bob-pw"});
  ASSERT_EQ(atom.size(), 1u);
  EXPECT_EQ(atom[0].offset, 13u);
  EXPECT_EQ(atom[0].length, 14u);
  auto quoted = secret_spans("LOGIN \"b\\\"ob\" \"bob-pw-not \\\"it\"", {"bob-pw"});
  ASSERT_FALSE(quoted.empty());
  EXPECT_EQ(quoted[0].offset, 15u);
  EXPECT_EQ(quoted[0].length, 15u);
  EXPECT_EQ(quoted.size(), 1u);  // the profile password inside it is already covered
  EXPECT_TRUE(secret_spans("A1 SELECT LOGIN\r\n", {}).empty());
  EXPECT_TRUE(secret_spans("A1 LOGIN {3}\r\n", {}).empty());
}

imap::Response parse(std::string_view line) {
  imap::ResponseParser parser;
  parser.feed(line);
  imap::Response response;
  imap::ParseFailure failure;
  parser.next(response, failure);
  return response;
}

TEST(ImplicitRules, ExpungeDuringFetchStoreSearchButNotUidForms) {
  ImplicitRules rules;
  rules.command_started("UID FETCH");
  EXPECT_FALSE(rules.untagged(parse("* 1 EXPUNGE\r\n")));
  for (const char* name : {"FETCH", "STORE", "SEARCH"}) {
    rules.command_started(name);
    auto broken = rules.untagged(parse("* 1 EXPUNGE\r\n"));
    ASSERT_TRUE(broken) << name;
    EXPECT_EQ(broken->requirement, "rfc3501-7.4.1-no-expunge-during-fetch-store-search");
  }
  rules.command_finished();
  EXPECT_FALSE(rules.untagged(parse("* 1 EXPUNGE\r\n")));
}

// A LOGIN a step sends itself records who the client is (RFC 3501 §6.2.3 userid = astring).
TEST(CommandBytes, LoginUserOfReadsAnAtomOrAQuotedString) {
  EXPECT_EQ(login_user_of("LOGIN bob bob-pw"), "bob");
  EXPECT_EQ(login_user_of("login \"bob smith\" \"pw\""), "bob smith");
  EXPECT_EQ(login_user_of("LOGIN \"a\\\"b\" pw"), "a\"b");
  EXPECT_EQ(login_user_of("LOGIN {3}"), std::nullopt);       // a literal: not known here
  EXPECT_EQ(login_user_of("LOGIN \"open pw"), std::nullopt);  // no closing quote
  EXPECT_EQ(login_user_of("SELECT bob"), std::nullopt);
}

TEST(ImplicitRules, ExistsMayOnlyShrinkThroughExpunge) {
  ImplicitRules rules;
  rules.command_started("SELECT");
  EXPECT_FALSE(rules.untagged(parse("* 5 EXISTS\r\n")));
  rules.command_started("NOOP");
  EXPECT_FALSE(rules.untagged(parse("* 2 EXPUNGE\r\n")));
  EXPECT_FALSE(rules.untagged(parse("* 4 EXISTS\r\n")));
  EXPECT_EQ(rules.known_count(), 4u);
  EXPECT_TRUE(rules.untagged(parse("* 3 EXISTS\r\n")));
  rules.command_started("EXAMINE");  // another mailbox: the count starts afresh
  EXPECT_FALSE(rules.untagged(parse("* 1 EXISTS\r\n")));
}

}  // namespace
}  // namespace referee::engine
