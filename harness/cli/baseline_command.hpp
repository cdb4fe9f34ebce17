#pragma once
// `referee baseline RESULTS.json > FILE`, and reading --baseline files for run and report.

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "harness/cli/options.hpp"
#include "reports/baseline/baseline.hpp"

namespace referee::cli {

// Prints a baseline of the run's failures on `out`. 0; 2 when the results cannot be read.
int baseline_command(const BaselineSettings& settings, std::ostream& out, std::ostream& err);

// The baseline at `path` (an empty one without a path); nullopt after printing why it cannot
// be used.
std::optional<reports::baseline::Baseline> load_baseline(const std::optional<std::filesystem::path>& path,
                                                         std::ostream& err);

// What --baseline did to this run, for the console: known failures (not failing the run),
// unexpected passes, expired entries; "" without baseline marks.
//   Baseline: 1 known failure: rfc2193/3/no-referral-loop (fixed in 4.2)
std::string baseline_summary(const engine::RunResult& run);

}  // namespace referee::cli
