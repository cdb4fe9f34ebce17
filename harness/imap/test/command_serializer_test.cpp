#include "harness/imap/command_serializer.hpp"

#include <gtest/gtest.h>

#include "harness/imap/mailbox_name.hpp"
#include "harness/imap/tag_generator.hpp"

namespace referee::imap {
namespace {

using Chunks = std::vector<CommandChunk>;

std::string one_line(const Command& command, SerializeOptions options = {}) {
  const Chunks chunks = serialize_command("A001", command, options);
  EXPECT_EQ(chunks.size(), 1u);
  EXPECT_FALSE(chunks.back().await_continuation_after);
  return join_chunks(chunks);
}

TEST(CommandSerializer, NameOnly) { EXPECT_EQ(one_line({"NOOP", {}}), "A001 NOOP\r\n"); }

TEST(CommandSerializer, AtomNumberFlagAndRaw) {
  EXPECT_EQ(one_line({"UID FETCH", {Argument::number(20), Argument::raw("BODY.PEEK[]<0.1024>")}}),
            "A001 UID FETCH 20 BODY.PEEK[]<0.1024>\r\n");
  EXPECT_EQ(one_line({"STORE",
                      {Argument::sequence(*SequenceSet::parse("1:*")), Argument::atom("+FLAGS"),
                       Argument::list({Argument::flag("\\Deleted")})}}),
            "A001 STORE 1:* +FLAGS (\\Deleted)\r\n");
  EXPECT_THROW(Argument::atom("a b"), std::invalid_argument);
  EXPECT_THROW(Argument::flag("\\"), std::invalid_argument);
}

TEST(CommandSerializer, QuotedEscapes) {
  EXPECT_EQ(one_line({"LOGIN", {Argument::quoted("fred"), Argument::quoted("pa\"ss\\")}}),
            "A001 LOGIN \"fred\" \"pa\\\"ss\\\\\"\r\n");
  EXPECT_THROW(Argument::quoted("a\r\nb"), std::invalid_argument);
}

TEST(CommandSerializer, NestedListsAndEmptyList) {
  EXPECT_EQ(
      one_line({"FETCH",
                {Argument::number(1), Argument::list({Argument::atom("FLAGS"), Argument::list({}),
                                                      Argument::list({Argument::atom("X")})})}}),
      "A001 FETCH 1 (FLAGS () (X))\r\n");
}

// astring: "atom if it is a valid atom, quoted if it has no CR/LF/8-bit/NUL and is not too
// long, else literal".
TEST(CommandSerializer, AstringChoosesAtomQuotedOrLiteral) {
  const auto select = [](std::string mailbox, SerializeOptions options = {}) {
    return join_chunks(
        serialize_command("A001", {"SELECT", {Argument::astring(mailbox)}}, options));
  };
  EXPECT_EQ(select("INBOX"), "A001 SELECT INBOX\r\n");
  EXPECT_EQ(select("a]b"), "A001 SELECT a]b\r\n");
  EXPECT_EQ(select(""), "A001 SELECT \"\"\r\n");
  EXPECT_EQ(select("gray council"), "A001 SELECT \"gray council\"\r\n");
  EXPECT_EQ(select("a*"), "A001 SELECT \"a*\"\r\n");
  EXPECT_EQ(select("caf\xC3\xA9"), "A001 SELECT {5}\r\ncaf\xC3\xA9\r\n");
  EXPECT_EQ(select("a\r\nb"), "A001 SELECT {4}\r\na\r\nb\r\n");
  EXPECT_EQ(select(std::string("a\0b", 3)), std::string("A001 SELECT {3}\r\na\0b\r\n", 22));
  SerializeOptions short_quoted;
  short_quoted.max_quoted_length = 3;
  EXPECT_EQ(select("a b", short_quoted), "A001 SELECT \"a b\"\r\n");
  EXPECT_EQ(select("a bc", short_quoted), "A001 SELECT {4}\r\na bc\r\n");
  EXPECT_EQ(select(encode_mailbox_name("~peter/mail/\xE5\x8F\xB0\xE5\x8C\x97")),
            "A001 SELECT ~peter/mail/&U,BTFw-\r\n");
}

TEST(CommandSerializer, ListMailboxKeepsWildcardsUnquoted) {
  EXPECT_EQ(one_line({"RLIST", {Argument::astring(""), Argument::list_mailbox("#SHARED/%")}}),
            "A001 RLIST \"\" #SHARED/%\r\n");
  EXPECT_EQ(one_line({"LIST", {Argument::astring(""), Argument::list_mailbox("a b*")}}),
            "A001 LIST \"\" \"a b*\"\r\n");
}

TEST(CommandSerializer, SynchronizingLiteralSplitsIntoChunks) {
  const Chunks chunks = serialize_command(
      "A003",
      {"APPEND",
       {Argument::astring("saved-messages"), Argument::list({Argument::flag("\\Seen")}),
        Argument::literal("Subject: hi\r\n\r\nbody\r\n")}},
      {});
  ASSERT_EQ(chunks.size(), 2u);
  EXPECT_EQ(chunks[0], (CommandChunk{"A003 APPEND saved-messages (\\Seen) {21}\r\n", true}));
  EXPECT_EQ(chunks[1], (CommandChunk{"Subject: hi\r\n\r\nbody\r\n\r\n", false}));
}

TEST(CommandSerializer, TwoLiteralsGiveThreeChunks) {
  const Chunks chunks = serialize_command("A001",
                                          {"LOGIN",
                                           {Argument::literal("fr\xC3\xA9"
                                                              "d"),
                                            Argument::literal("")}},
                                          {});
  ASSERT_EQ(chunks.size(), 3u);
  EXPECT_EQ(chunks[0], (CommandChunk{"A001 LOGIN {5}\r\n", true}));
  EXPECT_EQ(chunks[1], (CommandChunk{"fr\xC3\xA9"
                                     "d {0}\r\n",
                                     true}));
  EXPECT_EQ(chunks[2], (CommandChunk{"\r\n", false}));
}

TEST(CommandSerializer, LiteralPlusNeedsNoContinuation) {
  SerializeOptions literal_plus;
  literal_plus.literal_plus = true;
  const Chunks chunks = serialize_command(
      "A004",
      {"SEARCH",
       {Argument::atom("CHARSET"), Argument::atom("UTF-8"), Argument::atom("SUBJECT"),
        Argument::astring("\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xB0")}},
      literal_plus);
  ASSERT_EQ(chunks.size(), 1u);
  // RFC 5092 §9: "C: A004 SEARCH CHARSET UTF-8 SUBJECT {14+}".
  EXPECT_EQ(chunks[0].bytes.substr(0, 39), "A004 SEARCH CHARSET UTF-8 SUBJECT {14+}");
  EXPECT_EQ(chunks[0].bytes.size(), 39u + 2 + 14 + 2);
  EXPECT_FALSE(chunks[0].await_continuation_after);
}

TEST(CommandSerializer, ExplicitLiteralModeOverridesOptions) {
  SerializeOptions literal_plus;
  literal_plus.literal_plus = true;
  const Command forced_sync{"X", {Argument::literal("ab", LiteralMode::synchronizing)}};
  EXPECT_EQ(serialize_command("A1", forced_sync, literal_plus).size(), 2u);
  const Command forced_plus{"X", {Argument::literal("ab", LiteralMode::non_synchronizing)}};
  EXPECT_EQ(serialize_command("A1", forced_plus, {}), (Chunks{{"A1 X {2+}\r\nab\r\n", false}}));
}

// A scenario line `APPEND ${mailbox} (\Seen) {literal}` after the engine's substitution.
TEST(CommandSerializer, RawCommandWithLiteralParts) {
  const RawCommand raw{{Argument::raw("APPEND INBOX (\\Seen) "), Argument::literal("hello"),
                        Argument::raw(" "),
                        Argument::literal("x", LiteralMode::non_synchronizing)}};
  const Chunks chunks = serialize_command("A005", raw, {});
  ASSERT_EQ(chunks.size(), 2u);
  EXPECT_EQ(chunks[0], (CommandChunk{"A005 APPEND INBOX (\\Seen) {5}\r\n", true}));
  EXPECT_EQ(chunks[1], (CommandChunk{"hello {1+}\r\nx\r\n", false}));
}

TEST(CommandSerializer, RawCommandWithoutTag) {
  EXPECT_EQ(serialize_command("", RawCommand{{Argument::raw("c2hlcmlkYW4=")}}, {}),
            (Chunks{{"c2hlcmlkYW4=\r\n", false}}));
  EXPECT_THROW(serialize_command("A+", RawCommand{}, {}), std::invalid_argument);
}

TEST(CommandSerializer, TagMustBeATag) {
  EXPECT_THROW(serialize_command("A 1", Command{"NOOP", {}}, {}), std::invalid_argument);
  EXPECT_THROW(serialize_command("", Command{"NOOP", {}}, {}), std::invalid_argument);
}

TEST(CommandSerializer, TagsFromTheGenerator) {
  TagGenerator tags;
  EXPECT_EQ(join_chunks(serialize_command(tags.next(), {"CAPABILITY", {}}, {})),
            "A001 CAPABILITY\r\n");
  EXPECT_EQ(join_chunks(serialize_command(tags.next(), {"LOGOUT", {}}, {})), "A002 LOGOUT\r\n");
}

TEST(CommandSerializer, SequenceRequiresAMember) {
  EXPECT_THROW(Argument::sequence(SequenceSet{}), std::invalid_argument);
}

}  // namespace
}  // namespace referee::imap
