#pragma once
// `referee stress`: N clients on the profile's `main` server, each running its own random
// command stream (no lock-step: the server sees real concurrency) against K test mailboxes
// created for the run and deleted afterwards, every response checked live (checker.hpp).
//
//   auto run = referee::stress::run_stress(profile, {.clients = 10, .seed = 42});
//   if (run.result.violations > 0) write_log_file(run.log, "stress-replay.txt");
//
// Replay re-runs a log's commands one at a time in their logged order, so a run replays the
// same way every time (docs/STRESS.md explains what that does and does not reproduce).

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "harness/engine/stress_result.hpp"
#include "harness/profile/model.hpp"
#include "harness/stress/invariants.hpp"
#include "harness/stress/mix.hpp"
#include "harness/stress/stress_log.hpp"

namespace referee::stress {

struct StressProgress {
  double elapsed_s = 0;
  std::uint64_t commands = 0;
  double per_second = 0;       // over the last interval
  std::uint64_t violations = 0;
};

struct StressOptions {
  unsigned clients = 10;
  std::chrono::milliseconds duration{30000};  // ignored when `commands` is set
  std::optional<std::uint64_t> commands;      // total commands, all clients together
  std::uint64_t seed = 1;
  Mix mix = default_mix();
  unsigned mailboxes = 3;
  bool keep_going = false;                    // count violations instead of stopping
  std::chrono::milliseconds timeout{3000};    // every command's deadline
  std::string run_id;                         // in the mailbox names; made up when empty
  std::size_t window = 32;                    // transcript events kept per client
  std::function<void(const StressProgress&)> on_progress;  // about once a second
};

struct StressRun {
  engine::StressResult result;
  StressLog log;                    // the commands up to the first violation, in answer order
  std::string fatal_error;          // the server could not be reached or the setup failed
  std::optional<Finding> first_violation;
  std::uint64_t first_violation_index = 0;
  std::vector<std::string> first_window;  // the transcript window at the first violation
};

// A concurrent run with fresh random streams.
StressRun run_stress(const profile::Profile& profile, const StressOptions& options);
// The log's commands one at a time, in order, on the log's mailboxes (deleted and created
// afresh). Stops at the first violation unless options.keep_going.
StressRun replay_stress(const profile::Profile& profile, const StressLog& log,
                        const StressOptions& options);

}  // namespace referee::stress
