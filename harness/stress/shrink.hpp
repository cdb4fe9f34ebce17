#pragma once
// Reduces failing streams to a minimal set of clients and commands that still breaks the same
// invariant when replayed one command at a time (delta debugging, Zeller 2002: drop clients,
// then chunks of commands, halving the chunks down to single commands).

#include <chrono>
#include <optional>
#include <string>

#include "harness/profile/model.hpp"
#include "harness/stress/invariants.hpp"
#include "harness/stress/runner.hpp"
#include "harness/stress/stress_log.hpp"

namespace referee::stress {

struct Shrunk {
  StressLog log;           // clients renumbered from 0, ends at the failing command
  Finding violation;       // as the last replay found it
  std::string summary;     // "4 clients, 812 commands -> 2 clients, 5 commands (93 replays)"
};

// nullopt when replaying `failing` serially does not break `broken` at all.
std::optional<Shrunk> shrink(const profile::Profile& profile, const StressLog& failing,
                             const Invariant& broken, const StressOptions& options,
                             std::chrono::seconds budget = std::chrono::seconds(60));

}  // namespace referee::stress
