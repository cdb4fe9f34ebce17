#include "harness/engine/match/outcome.hpp"

#include <gtest/gtest.h>

namespace referee::engine {
namespace {

using scenario::Level;

TEST(Outcome, BrokenRequirementsFollowTheVerdictPolicy) {
  EXPECT_EQ(outcome_when_broken(Level::must), Outcome::fail);
  EXPECT_EQ(outcome_when_broken(Level::must_not), Outcome::fail);
  EXPECT_EQ(outcome_when_broken(Level::should), Outcome::warn);
  EXPECT_EQ(outcome_when_broken(Level::should_not), Outcome::warn);
  EXPECT_EQ(outcome_when_broken(Level::may), Outcome::info);  // a MAY absent is never a fail
}

TEST(Outcome, ObservedAlternativesCarryTheirLevel) {
  EXPECT_EQ(outcome_when_observed(Level::may), Outcome::info);
  EXPECT_EQ(outcome_when_observed(Level::should_not), Outcome::warn);
  EXPECT_EQ(outcome_when_observed(Level::must_not), Outcome::fail);
}

TEST(Outcome, AScenarioIsItsWorstCheck) {
  std::vector<CheckResult> checks(3);
  EXPECT_EQ(aggregate(checks), Outcome::pass);
  checks[1].outcome = Outcome::info;
  checks[2].outcome = Outcome::warn;
  EXPECT_EQ(aggregate(checks), Outcome::warn);
  checks[0].outcome = Outcome::not_applicable;
  EXPECT_EQ(aggregate(checks), Outcome::warn);
  checks[0].outcome = Outcome::error;
  EXPECT_EQ(aggregate(checks), Outcome::error);
  EXPECT_EQ(aggregate({}), Outcome::pass);
}

TEST(Outcome, StrictCountsWarningsAsFailures) {
  EXPECT_FALSE(is_failure(Outcome::warn, false));
  EXPECT_TRUE(is_failure(Outcome::warn, true));
  EXPECT_TRUE(is_failure(Outcome::error, false));
  EXPECT_FALSE(is_failure(Outcome::info, true));
  EXPECT_EQ(to_string(Outcome::not_applicable), "not applicable");
  EXPECT_EQ(to_string(Level::should_not), "SHOULD NOT");
}

}  // namespace
}  // namespace referee::engine
