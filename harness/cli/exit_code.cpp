#include "harness/cli/exit_code.hpp"

#include <algorithm>

#include "harness/engine/match/outcome.hpp"

namespace referee::cli {

int as_int(ExitCode code) { return static_cast<int>(code); }

ExitCode exit_code_for(const engine::RunResult& run, bool strict) {
  if (!run.interrupted.empty()) return ExitCode::interrupted;
  if (!run.fatal_error.empty()) return ExitCode::target_unreachable;
  bool failed = std::any_of(run.scenarios.begin(), run.scenarios.end(),
                            [strict](const engine::ScenarioResult& scenario) {
                              return engine::is_failure(scenario.outcome, strict);
                            });
  return failed ? ExitCode::non_conformant : ExitCode::conformant;
}

}  // namespace referee::cli
