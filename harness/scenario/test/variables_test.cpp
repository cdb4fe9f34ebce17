#include "harness/scenario/variables.hpp"

#include <gtest/gtest.h>

namespace referee::scenario {
namespace {

TEST(Variables, FindsEveryReferenceInOrder) {
  const auto references = find_variable_references("SELECT ${mailbox.remote} $x ${n}");
  ASSERT_EQ(references.size(), 2u);
  EXPECT_EQ(references[0].name, "mailbox.remote");
  EXPECT_EQ(references[0].offset, 7u);
  EXPECT_EQ(references[1].name, "n");
  EXPECT_TRUE(references[1].terminated);
}

TEST(Variables, ReportsAnUnterminatedReference) {
  const auto references = find_variable_references("a ${open");
  ASSERT_EQ(references.size(), 1u);
  EXPECT_FALSE(references[0].terminated);
}

TEST(Variables, KnowsTheBuiltIns) {
  for (const char* name : {"server.main.host", "server.other.port", "server.retired.id",
                           "user.local.login", "user.homed-elsewhere.password", "mailbox.remote",
                           "test.mailbox"}) {
    EXPECT_TRUE(is_builtin_variable(name)) << name;
  }
  for (const char* name : {"server.main", "server.main.password", "user.local.host", "mailbox",
                           "test.other", "count", "C1R.mailbox", "server..host", ""}) {
    EXPECT_FALSE(is_builtin_variable(name)) << name;
  }
}

TEST(Variables, ReplacesReferencesWithAPlaceholder) {
  EXPECT_EQ(replace_variables("^\\* ${n} EXISTS$", "x"), "^\\* x EXISTS$");
  EXPECT_EQ(replace_variables("no variables", "x"), "no variables");
  EXPECT_EQ(replace_variables("tail ${open", "x"), "tail x");
}

TEST(Variables, SplitsAPathIntoComponents) {
  const VariablePath path = split_variable_path("test.mailbox/my box/${x/y}");
  EXPECT_EQ(path.base, "test.mailbox");
  EXPECT_EQ(path.components, (std::vector<std::string>{"my box", "${x/y}"}));
}

// Components are Unicode names (UTF-8 in the XML), sent in modified UTF-7 by the engine.
TEST(Variables, PathComponentsMayHoldSpacesPercentAndNonAscii) {
  for (const char* fine : {"box", "my box", "100%41", "Entw\xC3\xBCrfe-\xE6\x97\xA5", "Tom & Jerry",
                           "a;b?c#d", "*", "${test.leaf}"}) {
    EXPECT_EQ(path_component_problem(fine), "") << fine;
  }
}

TEST(Variables, PathComponentProblemsAreNamed) {
  EXPECT_EQ(path_component_problem(""), "an empty path component");
  EXPECT_NE(path_component_problem("a.b").find("the character '.'"), std::string::npos);
  EXPECT_NE(path_component_problem("a\"b").find("the character '\"'"), std::string::npos);
  EXPECT_NE(path_component_problem("a\tb").find("the character '\t'"), std::string::npos);
  EXPECT_EQ(path_component_problem("caf\xE9"), "a path component that is not UTF-8");
  EXPECT_NE(path_component_problem(" lead").find("starts or ends with a space"), std::string::npos);
  EXPECT_NE(path_component_problem("trail ").find("starts or ends with a space"), std::string::npos);
}

}  // namespace
}  // namespace referee::scenario
