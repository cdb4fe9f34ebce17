#include "harness/cli/console.hpp"

#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace referee::cli {
namespace {

using engine::Outcome;
using ::testing::HasSubstr;
using ::testing::Not;

engine::ScenarioResult finished(std::string id, Outcome outcome) {
  engine::ScenarioResult scenario;
  scenario.id = std::move(id);
  scenario.outcome = outcome;
  scenario.duration = std::chrono::milliseconds(12);
  return scenario;
}

TEST(UseColor, AutoFollowsTheTerminalNoColorAndTerm) {
  EXPECT_TRUE(use_color(ColorChoice::automatic, true, nullptr, "xterm"));
  EXPECT_FALSE(use_color(ColorChoice::automatic, false, nullptr, "xterm"));
  EXPECT_FALSE(use_color(ColorChoice::automatic, true, "1", "xterm"));
  EXPECT_TRUE(use_color(ColorChoice::automatic, true, "", "xterm"));  // empty NO_COLOR: unset
  EXPECT_FALSE(use_color(ColorChoice::automatic, true, nullptr, "dumb"));
  EXPECT_TRUE(use_color(ColorChoice::always, false, "1", "dumb"));  // asked for explicitly
  EXPECT_FALSE(use_color(ColorChoice::never, true, nullptr, "xterm"));
}

TEST(Console, PlainOutputHasOneLinePerScenario) {
  std::ostringstream out;
  Console console(out, {.color = false, .live = false}, 2);
  console.scenario_finished(finished("rfc2193/3/a", Outcome::pass));
  console.scenario_finished(finished("rfc2193/3/b", Outcome::not_applicable));
  console.finish();
  EXPECT_EQ(out.str(), "PASS  rfc2193/3/a (12.0 ms)\nN/A   rfc2193/3/b (12.0 ms)\n");
}

TEST(Console, QuietPrintsOnlyFailuresAndStrictMakesWarningsFailures) {
  std::ostringstream out;
  Console console(out, {.strict = true, .verbosity = Verbosity::quiet}, 3);
  console.scenario_finished(finished("a", Outcome::pass));
  console.scenario_finished(finished("b", Outcome::warn));
  console.scenario_finished(finished("c", Outcome::fail));
  EXPECT_EQ(out.str(), "WARN  b (12.0 ms)\nFAIL  c (12.0 ms)\n");
  EXPECT_EQ(console.counts().at(Outcome::pass), 1u);
}

TEST(Console, LiveProgressLineIsRewrittenAndFailuresStayAboveIt) {
  std::ostringstream out;
  Console console(out, {.live = true}, 2);
  console.scenario_finished(finished("rfc2193/3/a", Outcome::pass));
  EXPECT_EQ(out.str(), "[1/2] 1 pass, 0 fail, 0 warn, 0 info, 0 error | rfc2193/3/a");
  console.scenario_finished(finished("rfc2193/3/b", Outcome::fail));
  console.finish();
  EXPECT_EQ(out.str(),
            "[1/2] 1 pass, 0 fail, 0 warn, 0 info, 0 error | rfc2193/3/a"
            "\r\033[KFAIL  rfc2193/3/b (12.0 ms)\n"
            "[2/2] 1 pass, 1 fail, 0 warn, 0 info, 0 error | rfc2193/3/b"
            "\r\033[K");
}

TEST(Console, ColorWrapsTheLabel) {
  EXPECT_EQ(outcome_label(Outcome::fail, true), "\033[1;31mFAIL \033[0m");
  EXPECT_EQ(outcome_label(Outcome::error, false), "ERROR");
}

TEST(Console, VerboseListsEveryCheck) {
  std::ostringstream out;
  Console console(out, {.verbosity = Verbosity::verbose}, 1);
  auto scenario = finished("a", Outcome::pass);
  engine::CheckResult check;
  check.requirement = "rfc2193-3-capability";
  check.summary = "MAILBOX-REFERRALS in CAPABILITY";
  scenario.checks.push_back(check);
  console.scenario_finished(scenario);
  EXPECT_THAT(out.str(), HasSubstr("PASS  rfc2193-3-capability (MUST): MAILBOX-REFERRALS in CAPABILITY"));
}

TEST(Console, SummaryCountsEveryOutcome) {
  engine::RunResult run;
  run.scenarios = {finished("a", Outcome::pass), finished("b", Outcome::fail),
                   finished("c", Outcome::pass)};
  EXPECT_EQ(summary_counts(run),
            "3 scenarios: 2 pass, 1 fail, 0 warn, 0 info, 0 not applicable, 0 error");
}

}  // namespace
}  // namespace referee::cli
