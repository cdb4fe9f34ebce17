#pragma once
// `referee baseline RESULTS.json > FILE`, and reading --baseline files for run and report.

#include <filesystem>
#include <optional>
#include <ostream>

#include "harness/cli/options.hpp"
#include "reports/baseline/baseline.hpp"

namespace referee::cli {

// Prints a baseline of the run's failures on `out`. 0; 2 when the results cannot be read.
int baseline_command(const BaselineSettings& settings, std::ostream& out, std::ostream& err);

// The baseline at `path` (an empty one without a path); nullopt after printing why it cannot
// be used.
std::optional<reports::baseline::Baseline> load_baseline(const std::optional<std::filesystem::path>& path,
                                                         std::ostream& err);

}  // namespace referee::cli
