// Checks and the requirements catalogue: every rule the engine judges on its own is in
// scenarios/requirements.xml (there is no built-in fallback), and appending a candidate's
// checks can cap their outcome (alternatives' none="warn").
#include "harness/engine/run/checks.hpp"

#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "harness/engine/test/engine_test_support.hpp"
#include "harness/scenario/requirement_loader.hpp"

namespace referee::engine::test {
namespace {

TEST(Checks, EveryImplicitRuleIsInTheRequirementsCatalogue) {
  const char* source = std::getenv("REFEREE_SOURCE_DIR");
  ASSERT_NE(source, nullptr) << "run through ctest";
  auto loaded = scenario::load_requirements(std::filesystem::path(source) / "scenarios/requirements.xml");
  ASSERT_TRUE(loaded.value.has_value());
  const RequirementCatalogue& catalogue = *loaded.value;
  for (std::string_view id : {rule::response_syntax, rule::no_expunge_during_fetch,
                              rule::exists_never_decreases, rule::bye_before_close,
                              rule::url_syntax, rule::referral_loop, rule::max_hops,
                              rule::no_referral_to_referral, rule::unlisted_referral_host}) {
    EXPECT_TRUE(find_requirement(catalogue, id).has_value()) << id;
  }
  auto password_catching = find_requirement(catalogue, rule::unlisted_referral_host);
  ASSERT_TRUE(password_catching.has_value());
  EXPECT_EQ(password_catching->level, Level::must_not);
  for (const char* id : {"rfc3501-6.1.2-noop-succeeds", "rfc2180-4.4.2-copy-original-numbers"}) {
    EXPECT_TRUE(find_requirement(catalogue, id).has_value()) << id;
  }
  EXPECT_FALSE(find_requirement(RequirementCatalogue{}, rule::unlisted_referral_host).has_value());
}

TEST(Checks, AppendCapsOutcomesAtTheGivenLevel) {
  RequirementCatalogue catalogue = test_catalogue();
  CheckRecorder candidate(catalogue, "2180", "4.4");
  candidate.record(Finding{"rfc2180-4.4.1-pending-expunge-to-copy", false, "s", "e", "o", "C1", {}, {}});
  candidate.record(Finding{"rfc2180-3.2-ghost-delete", true, "s", "e", "o", "C1", {}, {}});
  CheckRecorder capped(catalogue, "2180", "4.4");
  capped.append(candidate, Outcome::warn);
  ASSERT_EQ(capped.checks().size(), 2u);
  EXPECT_EQ(capped.checks()[0].outcome, Outcome::warn);
  EXPECT_EQ(capped.checks()[1].outcome, Outcome::pass);
  EXPECT_TRUE(capped.broken(0));
  // The engine's own rules keep their outcome: a URL that does not parse is a fail anywhere.
  CheckRecorder with_url(catalogue, "2193", "3");
  with_url.record(Finding{std::string(rule::url_syntax), false, "s", "e", "o", "C1", {}, {}});
  capped.append(with_url, Outcome::warn);
  EXPECT_EQ(capped.checks().back().outcome, Outcome::fail);
  CheckRecorder kept(catalogue, "2180", "4.4");
  kept.append(candidate);
  EXPECT_EQ(kept.checks()[0].outcome, Outcome::fail);
}

}  // namespace
}  // namespace referee::engine::test
