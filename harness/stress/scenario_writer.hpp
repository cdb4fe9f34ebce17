#pragma once
// Writes shrunk stress streams as an ordinary scenario (docs/SCENARIO-LANGUAGE.md) a vendor
// can add to a regression suite: the clients, the test mailboxes as <setup>, every command in
// the replay order as a <command> step, and on the last one the expectation the server broke.
// Invariants the engine judges on every response (EXPUNGE during FETCH, EXISTS shrinking,
// syntax, close without BYE) need no expectation: `referee run` applies them anyway.

#include <chrono>
#include <string>

#include "harness/stress/invariants.hpp"
#include "harness/stress/stress_log.hpp"

namespace referee::stress {

std::string scenario_xml(const StressLog& log, const Finding& violation,
                         std::chrono::milliseconds timeout);

// The scenario id written for an invariant: "rfc3501/7.4.1/stress-no-expunge-during-...".
std::string scenario_id(const Invariant& broken);

}  // namespace referee::stress
