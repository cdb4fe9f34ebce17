#include "harness/scenario/diagnostic.hpp"

#include <gtest/gtest.h>

namespace referee::scenario {
namespace {

TEST(Diagnostic, FormatsLikeACompiler) {
  EXPECT_EQ(format_diagnostic({Severity::error, "a.xml", 3, 7, "bad"}), "a.xml:3:7: error: bad");
  EXPECT_EQ(format_diagnostic({Severity::warning, "a.xml", 1, 1, "hm"}), "a.xml:1:1: warning: hm");
}

TEST(Diagnostic, WholeFileProblemsHaveNoPosition) {
  EXPECT_EQ(format_diagnostic({Severity::error, "a.xml", 0, 0, "cannot read"}),
            "a.xml: error: cannot read");
}

TEST(Diagnostic, WarningsAloneKeepTheValue) {
  const auto with_warning = make_load_result(42, {{Severity::warning, "f", 1, 1, "w"}});
  ASSERT_TRUE(with_warning);
  EXPECT_EQ(*with_warning.value, 42);
  EXPECT_EQ(with_warning.diagnostics.size(), 1u);
  const auto with_error = make_load_result(42, {{Severity::error, "f", 1, 1, "e"}});
  EXPECT_FALSE(with_error);
  EXPECT_TRUE(has_errors(with_error.diagnostics));
}

}  // namespace
}  // namespace referee::scenario
