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

}  // namespace
}  // namespace referee::scenario
