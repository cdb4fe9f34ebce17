#pragma once
// A small run with one of everything the reports show, shared by the tests of every format:
// a failing scenario (MUST broken, the failing step at a known transcript event, clients C1,
// C2 and a followed referral C1R, a literal, bytes XML cannot carry, "]]>" in server text),
// a warning, an info with an observed strategy, a pass, a not applicable and an error.

#include "harness/engine/result.hpp"

namespace referee::reports::testing {

engine::RunResult sample_run();

// The same run with times, ports, hosts and run ids replaced by fixed values, for golden files.
std::string normalise_volatile(std::string text);

}  // namespace referee::reports::testing
