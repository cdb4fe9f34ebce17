#pragma once
// `referee stress`: launches the target, runs (or replays) the stress streams, writes the
// results, the replay file and (with --shrink) a scenario, and returns run's exit codes.

#include <ostream>

#include "harness/cli/stress_options.hpp"

namespace referee::cli {

int stress_command(const StressSettings& settings, std::ostream& out, std::ostream& err);

}  // namespace referee::cli
