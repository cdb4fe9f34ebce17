#include "reports/result_summary.hpp"

#include <gtest/gtest.h>

#include "reports/test/sample_run.hpp"

namespace referee::reports {
namespace {

using engine::Outcome;

TEST(ResultSummary, NamesRoundTrip) {
  for (auto outcome : kOutcomesWorstFirst) EXPECT_EQ(parse_outcome(outcome_name(outcome)), outcome);
  EXPECT_EQ(parse_outcome("passed"), std::nullopt);
  EXPECT_EQ(parse_level("SHOULD NOT"), scenario::Level::should_not);
  EXPECT_EQ(level_name(scenario::Level::must_not), "MUST NOT");
  EXPECT_EQ(parse_level("must"), std::nullopt);
}

TEST(ResultSummary, CountsByOutcomeAndByRfc) {
  auto run = testing::sample_run();
  auto counts = count_outcomes(run.scenarios);
  EXPECT_EQ(counts.total, 6u);
  EXPECT_EQ(counts.of(Outcome::fail), 1u);
  EXPECT_EQ(counts.of(Outcome::error), 1u);
  EXPECT_EQ(counts.of(Outcome::pass), 1u);
  auto by_rfc = totals_by_rfc(run.scenarios);
  ASSERT_EQ(by_rfc.size(), 3u);
  EXPECT_EQ(by_rfc[0].rfc, "2180");
  EXPECT_EQ(by_rfc[0].counts.total, 3u);
  EXPECT_EQ(by_rfc[2].rfc, "2221");
  EXPECT_EQ(by_rfc[2].counts.of(Outcome::not_applicable), 1u);
}

TEST(ResultSummary, SectionsCompareNumerically) {
  EXPECT_TRUE(section_less("4.2", "4.10"));
  EXPECT_FALSE(section_less("4.10", "4.2"));
  EXPECT_TRUE(section_less("4", "4.1"));
  EXPECT_FALSE(section_less("4.1", "4.1"));
  EXPECT_TRUE(section_less("3", "10"));
}

TEST(ResultSummary, RequirementMatrixTakesTheWorstCheckAndItsSentence) {
  auto run = testing::sample_run();
  auto extra = run.scenarios[3];  // the failing one, now passing under another id
  extra.id = "rfc2193/4.1/select-again";
  extra.checks[0].outcome = Outcome::pass;
  extra.checks.push_back(extra.checks[0]);
  extra.checks.back().requirement.clear();  // an expectation naming no requirement
  extra.checks.back().outcome = Outcome::fail;
  run.scenarios.push_back(extra);
  auto matrix = requirement_matrix(run);
  ASSERT_EQ(matrix.size(), 3u);
  EXPECT_EQ(matrix[0].requirement.id, "rfc2180-4.1.3-fetch-no");
  EXPECT_EQ(matrix[0].outcome, Outcome::warn);
  EXPECT_TRUE(matrix[0].requirement.text.empty());  // not in run.requirements
  EXPECT_EQ(matrix[1].requirement.id, "rfc2193-4.1-select-referral");
  EXPECT_EQ(matrix[1].outcome, Outcome::fail);
  EXPECT_EQ(matrix[1].requirement.text, "the server MUST return a referral");
  EXPECT_EQ(matrix[1].scenarios, (std::vector<std::string>{"rfc2193/4.1/select-remote-mailbox", "rfc2193/4.1/select-again"}));
  EXPECT_EQ(matrix[2].requirement.rfc, "3501");
  EXPECT_EQ(matrix[2].outcome, Outcome::pass);
}

}  // namespace
}  // namespace referee::reports
