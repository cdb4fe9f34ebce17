#include "harness/cli/exit_code.hpp"

#include <algorithm>

#include "reports/baseline/baseline.hpp"

namespace referee::cli {

int as_int(ExitCode code) { return static_cast<int>(code); }

ExitCode exit_code_for(const engine::RunResult& run, bool strict) {
  if (!run.interrupted.empty()) return ExitCode::interrupted;
  if (!run.fatal_error.empty()) return ExitCode::target_unreachable;
  // Baseline marks (--baseline) excuse known failures and add expired entries.
  return reports::baseline::run_fails(run, strict) ? ExitCode::non_conformant : ExitCode::conformant;
}

}  // namespace referee::cli
