#pragma once
// `referee run`: load, select, launch the target, probe it, run, write results, explain
// failures, and return the exit code (0 conformant, 1 non-conformant, 2 nothing run because
// of options or files, 3 target not launched or not reachable).

#include <ostream>

#include "harness/cli/options.hpp"

namespace referee::cli {

int run_command(const RunSettings& settings, std::ostream& out, std::ostream& err);

}  // namespace referee::cli
