#pragma once
// `referee coverage [--target PROFILE] [RESULTS.json] [--json FILE]`: the requirement matrix
// of the catalogue (coverage.hpp) — requirement, RFC, section, level, the scenarios that check
// it, the fault modes that prove they can see it broken — then, with a profile, whether any of
// those scenarios applies to it, and with a run's results, the verdict per requirement or why
// it was not checked. Uncovered requirements are listed last.
#include <ostream>

#include "harness/cli/coverage_options.hpp"

namespace referee::cli {

// 0: every normative server requirement has a scenario and a proving fault mode; 1: some have
// not (listed); 2: the catalogue, profile or results could not be read.
int coverage_command(const CoverageSettings& settings, std::ostream& out, std::ostream& err);

}  // namespace referee::cli
