#pragma once
// <alternatives>: "the server MAY do any of these" (docs/SCENARIO-LANGUAGE.md). The candidates
// run in lock-step: at each step index the first remaining candidate's step is performed once
// and judged against every candidate whose step there is the same action. A candidate with a
// failing MUST-level check is dropped; SHOULD-level failures stay as warnings on it. A
// candidate whose next action differs from the one performed cannot be observed and is
// dropped too. The observed alternative is the completed candidate with the fewest warnings
// (document order breaks ties); none completing gives the block's `none` verdict.

#include <boost/asio/awaitable.hpp>

#include "harness/engine/run/scenario_context.hpp"
#include "harness/engine/run/step_executor.hpp"
#include "harness/scenario/model.hpp"

namespace referee::engine {

boost::asio::awaitable<void> run_alternatives(ScenarioContext& context, StepExecutor& executor,
                                              const scenario::AlternativesStep& block);

}  // namespace referee::engine
