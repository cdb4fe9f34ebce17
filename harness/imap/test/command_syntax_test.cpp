#include "harness/imap/command_syntax.hpp"

#include <gtest/gtest.h>

namespace referee::imap {
namespace {

TEST(CommandSyntax, AtomExcludesAtomSpecials) {
  EXPECT_TRUE(is_atom("INBOX"));
  EXPECT_FALSE(is_atom("\\Seen"));  // "\" is a quoted-special; flags have their own rule
  EXPECT_TRUE(is_atom("BODY.PEEK"));
  EXPECT_FALSE(is_atom(""));
  // atom-specials, CTL (DEL, 0x01) and, with the terminating byte, NUL.
  for (char special : std::string_view("(){ %*\"\\]\x7f\x01", 12)) {
    EXPECT_FALSE(is_atom(std::string("a") + special)) << int(special);
  }
  EXPECT_FALSE(is_atom("caf\xC3\xA9"));  // CHAR is 7-bit
}

TEST(CommandSyntax, FlagIsBackslashAtomOrAtom) {
  EXPECT_TRUE(is_flag("\\Seen"));
  EXPECT_TRUE(is_flag("$Forwarded"));
  EXPECT_FALSE(is_flag("\\"));
  EXPECT_FALSE(is_flag("\\\\Seen"));
  EXPECT_FALSE(is_flag("\\*"));  // "\*" is flag-perm, only in PERMANENTFLAGS
}

TEST(CommandSyntax, AstringAllowsCloseBracket) {
  EXPECT_TRUE(is_astring_atom("a]b"));
  EXPECT_FALSE(is_atom("a]b"));
  EXPECT_FALSE(is_astring_atom("a*b"));
}

TEST(CommandSyntax, ListMailboxAllowsWildcards) {
  EXPECT_TRUE(is_list_mailbox_atom("#SHARED/%"));
  EXPECT_TRUE(is_list_mailbox_atom("*"));
  EXPECT_FALSE(is_list_mailbox_atom("a b"));
  EXPECT_FALSE(is_list_mailbox_atom(""));
}

TEST(CommandSyntax, TagExcludesPlus) {
  EXPECT_TRUE(is_tag("A001"));
  EXPECT_TRUE(is_tag("a]"));
  EXPECT_FALSE(is_tag("A+1"));
  EXPECT_FALSE(is_tag("*"));
  EXPECT_FALSE(is_tag(""));
}

TEST(CommandSyntax, QuotedEscapesQuotedSpecials) {
  EXPECT_EQ(quote(""), "\"\"");
  EXPECT_EQ(quote("a \"b\" \\c"), "\"a \\\"b\\\" \\\\c\"");
  EXPECT_TRUE(can_be_quoted("tab\tok"));
  EXPECT_FALSE(can_be_quoted("cr\r"));
  EXPECT_FALSE(can_be_quoted("lf\n"));
  EXPECT_FALSE(can_be_quoted(std::string("nul\0", 4)));
  EXPECT_FALSE(can_be_quoted("\xC3\xA9"));
  EXPECT_THROW(quote("\r\n"), std::invalid_argument);
}

}  // namespace
}  // namespace referee::imap
