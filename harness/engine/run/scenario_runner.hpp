#pragma once
// One scenario from start to result: gating, clients, setup, steps, teardown (always), and the
// result with its checks, strategies and transcript.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include "harness/engine/result.hpp"
#include "harness/engine/run/scenario_context.hpp"

namespace referee::engine {

boost::asio::awaitable<ScenarioResult> run_scenario(boost::asio::any_io_executor executor,
                                                    const profile::Profile& profile,
                                                    const scenario::Scenario& scenario,
                                                    const scenario::RequirementCatalogue& catalogue,
                                                    const EngineSettings& settings,
                                                    unsigned repetition);

// A scenario the run did not start because it was interrupted.
ScenarioResult not_run_result(const scenario::Scenario& scenario, unsigned repetition);

}  // namespace referee::engine
