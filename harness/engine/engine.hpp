#pragma once
// The engine's entry points for the CLI: run scenarios against a resolved target profile, and
// probe its servers (greeting and capabilities) for the report's first screen.
//
//   auto result = referee::engine::run_scenarios(profile, scenarios, catalogue,
//                                                {.jobs = 4, .run_id = "20261123T1412-8f3a"});
//
// Everything runs on one io_context on the calling thread; independent scenarios run
// concurrently (up to `jobs` at once), each client a coroutine.

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "harness/engine/result.hpp"
#include "harness/profile/model.hpp"
#include "harness/scenario/model.hpp"
#include "harness/scenario/requirement.hpp"

namespace referee::engine {

struct RunOptions {
  std::chrono::milliseconds default_timeout{5000};  // per step, unless the step says
  unsigned jobs = 1;                                // scenarios at once
  bool fail_fast = false;                           // start nothing new after a fail or error
  unsigned repeat = 1;                              // each scenario this many times
  bool redact = true;                               // passwords and AUTHENTICATE payloads
  std::string run_id;                               // in ${test.mailbox}; made up when empty
  std::function<void(const ScenarioResult&)> on_result;  // progress, called on the run thread
  // Set from any thread (a signal handler's) to end the run early: no scenario starts after
  // it, running ones stop after their current step (each step is bounded by its deadline)
  // and tear down as usual; the scenarios that did not run to the end are reported as not run.
  const std::atomic<bool>* interrupted = nullptr;
};

// Resolved profile: every server has a port (the CLI filled announced ports in). Fills
// scenarios, target, started_at and duration; servers and launch output are the CLI's.
RunResult run_scenarios(const profile::Profile& profile,
                        const std::vector<scenario::Scenario>& scenarios,
                        const scenario::RequirementCatalogue& catalogue, const RunOptions& options);

// Greeting and CAPABILITY of every profile server; a server that does not answer gets an
// empty greeting and the reason in `greeting` prefixed "unreachable: ".
std::vector<ServerInfo> probe_servers(const profile::Profile& profile,
                                      std::chrono::milliseconds timeout);

// A run id from the local time and a random suffix: "20261123T1412-8f3a".
std::string make_run_id();

}  // namespace referee::engine
