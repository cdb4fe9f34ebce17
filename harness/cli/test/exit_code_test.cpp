#include "harness/cli/exit_code.hpp"

#include <gtest/gtest.h>

namespace referee::cli {
namespace {

using engine::Outcome;

engine::RunResult run_with(std::initializer_list<Outcome> outcomes) {
  engine::RunResult run;
  for (auto outcome : outcomes) {
    engine::ScenarioResult scenario;
    scenario.outcome = outcome;
    run.scenarios.push_back(scenario);
  }
  return run;
}

TEST(ExitCode, PassInfoAndNotApplicableAreConformant) {
  EXPECT_EQ(exit_code_for(run_with({Outcome::pass, Outcome::info, Outcome::not_applicable}), false),
            ExitCode::conformant);
  EXPECT_EQ(exit_code_for(run_with({}), true), ExitCode::conformant);
}

TEST(ExitCode, FailOrErrorIsNonConformant) {
  EXPECT_EQ(exit_code_for(run_with({Outcome::pass, Outcome::fail}), false), ExitCode::non_conformant);
  // DECISIONS.md: an error exits 3 only when the target could not be reached, otherwise 1.
  EXPECT_EQ(exit_code_for(run_with({Outcome::error}), false), ExitCode::non_conformant);
}

TEST(ExitCode, WarnFailsOnlyWithStrict) {
  EXPECT_EQ(exit_code_for(run_with({Outcome::warn, Outcome::pass}), false), ExitCode::conformant);
  EXPECT_EQ(exit_code_for(run_with({Outcome::warn, Outcome::pass}), true), ExitCode::non_conformant);
}

TEST(ExitCode, TargetNotReachedWinsOverEverything) {
  auto run = run_with({Outcome::fail});
  run.fatal_error = "launch hook: exited with status 1 before printing \"READY\"";
  EXPECT_EQ(exit_code_for(run, false), ExitCode::target_unreachable);
  EXPECT_EQ(as_int(ExitCode::target_unreachable), 3);
  EXPECT_EQ(as_int(ExitCode::usage_error), 2);
}

}  // namespace
}  // namespace referee::cli
