#pragma once
// What `referee stress` prints at the end: throughput, latency per command type, each
// violation with its requirement, the transcript window, the seed and the files to rerun it.

#include <filesystem>
#include <ostream>
#include <vector>

#include "harness/cli/stress_options.hpp"
#include "harness/engine/result.hpp"
#include "harness/stress/runner.hpp"

namespace referee::cli {

void print_stress_report(const engine::RunResult& result, const stress::StressRun& run,
                         std::ostream& out, std::ostream& err);

// results.json in --out, and --json when given.
std::vector<std::filesystem::path> stress_output_files(const StressSettings& settings);

}  // namespace referee::cli
