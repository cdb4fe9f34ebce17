#include "harness/imap/value.hpp"

#include <gtest/gtest.h>

namespace referee::imap {
namespace {

TEST(Value, AtomComparesIgnoringCase) {
  const Value atom = Value::atom("\\Seen");
  EXPECT_TRUE(atom.is_atom("\\SEEN"));
  EXPECT_FALSE(atom.is_atom("\\Seen2"));
  EXPECT_FALSE(Value::quoted("\\Seen").is_atom("\\Seen"));
}

TEST(Value, AsStringCoversAstringAndNstringKinds) {
  EXPECT_EQ(Value::atom("INBOX").as_string(), "INBOX");
  EXPECT_EQ(Value::quoted("a b").as_string(), "a b");
  EXPECT_EQ(Value::literal("x\r\ny").as_string(), "x\r\ny");
  EXPECT_EQ(Value::number_value(42).as_string(), "42");
  EXPECT_EQ(Value::nil().as_string(), std::nullopt);
  EXPECT_EQ(Value::list({}).as_string(), std::nullopt);
}

TEST(Value, AsNumberOnlyForNumbers) {
  EXPECT_EQ(Value::number_value(18446744073709551615ULL).as_number(), 18446744073709551615ULL);
  EXPECT_EQ(Value::atom("12a").as_number(), std::nullopt);
  EXPECT_EQ(Value::quoted("12").as_number(), std::nullopt);
}

TEST(Value, KindPredicates) {
  EXPECT_TRUE(Value::nil().is_nil());
  EXPECT_FALSE(Value::atom("NIL").is_nil());
  EXPECT_TRUE(Value::list({Value::nil()}).is_list());
  EXPECT_FALSE(Value::atom("x").is_list());
}

TEST(Value, ToImapReSerialisesCanonically) {
  const Value value = Value::list({
      Value::atom("FLAGS"),
      Value::list({Value::atom("\\Seen"), Value::atom("$Junk")}),
      Value::atom("UID"),
      Value::number_value(7),
      Value::nil(),
      Value::quoted("say \"hi\" \\ bye"),
      Value::literal("a\r\nb"),
      Value::literal(std::string("\0\1", 2), true),
  });
  using namespace std::string_literals;
  EXPECT_EQ(value.to_imap(), "(FLAGS (\\Seen $Junk) UID 7 NIL \"say \\\"hi\\\" \\\\ bye\" {4}\r\na\r\nb ~{2}\r\n\0\1)"s);
}

TEST(Value, QuotedTextThatCannotBeQuotedBecomesALiteral) {
  EXPECT_EQ(Value::quoted("a\nb").to_imap(), "{3}\r\na\nb");
}

TEST(Value, CaseHelpers) {
  EXPECT_TRUE(iequals("Fetch", "FETCH"));
  EXPECT_FALSE(iequals("FETCH", "FETCHX"));
  EXPECT_EQ(to_upper("body[header.fields (from)]"), "BODY[HEADER.FIELDS (FROM)]");
}

}  // namespace
}  // namespace referee::imap
