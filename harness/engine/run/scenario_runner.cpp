#include "harness/engine/run/scenario_runner.hpp"

#include <exception>

#include "harness/engine/doctor/preflight.hpp"
#include "harness/engine/run/client_setup.hpp"
#include "harness/engine/run/setup_subscriptions.hpp"
#include "harness/engine/run/isolation.hpp"
#include "harness/engine/run/step_executor.hpp"

namespace referee::engine {
namespace {

ScenarioResult result_header(const scenario::Scenario& scenario, unsigned repetition) {
  ScenarioResult result{.id = scenario.id,
                        .title = scenario.title,
                        .rfc = scenario.rfc,
                        .section = scenario.section,
                        .file = scenario.where.file,
                        .repetition = repetition};
  for (const auto& quote : scenario.quotes) {
    result.quotes.push_back("RFC " + quote.rfc + " §" + quote.section + ": " + quote.text);
  }
  return result;
}

constexpr std::string_view interrupted_reason = "not run to the end: the run was interrupted";

// Runs the scenario's phases; returns a not-applicable reason when gating says so, or when
// an interruption cut the steps short.
// What the setup did (or attempted) and the teardown must undo.
struct Isolation {
  bool mailboxes = false;
  std::vector<AddedSubscription> subscriptions;
};

boost::asio::awaitable<std::optional<std::string>> run_phases(ScenarioContext& context,
                                                              Isolation& isolation) {
  auto not_applicable = co_await open_clients(context);
  if (not_applicable || context.stopped()) co_return not_applicable;
  const auto& setup = context.scenario.setup;
  isolation.mailboxes = setup.has_value() && !setup->mailboxes.empty();
  context.begin_phase("setup");
  if (isolation.mailboxes) co_await prepare_test_mailboxes(context);
  if (setup && !setup->subscriptions.empty() && !context.stopped()) {
    isolation.subscriptions = co_await prepare_subscriptions(context);
  }
  context.end_phase();
  if (!context.stopped()) {
    StepExecutor executor(context);
    co_await executor.run(context.scenario.steps);
    if (executor.cut_short()) co_return std::string(interrupted_reason);
  }
  co_return std::nullopt;
}

// Every client logs out first, then the test mailboxes go ("whatever the outcome"): a server
// may refuse to delete a mailbox some session still has selected (RFC 2180 §3.1). All of it
// under one deadline; once it has passed, connections are only closed, and the test mailboxes
// left are deleted at the end of the run (run_teardown.hpp).
boost::asio::awaitable<void> tear_down(ScenarioContext& context, const Isolation& isolation) {
  context.begin_phase("teardown");
  co_await context.close_clients();
  if (!isolation.subscriptions.empty() && !context.phase_expired()) {
    co_await undo_subscriptions(context, isolation.subscriptions);
  }
  if (isolation.mailboxes && !context.phase_expired()) co_await remove_test_mailboxes(context);
  co_await context.close_clients();
  context.end_phase();
}

}  // namespace

ScenarioResult not_run_result(const scenario::Scenario& scenario, unsigned repetition) {
  ScenarioResult result = result_header(scenario, repetition);
  result.outcome = Outcome::not_applicable;
  result.reason = "not run: the run was interrupted";
  return result;
}

boost::asio::awaitable<ScenarioResult> run_scenario(boost::asio::any_io_executor executor,
                                                    const profile::Profile& profile,
                                                    const scenario::Scenario& scenario,
                                                    const scenario::RequirementCatalogue& catalogue,
                                                    const EngineSettings& settings,
                                                    unsigned repetition) {
  auto started = net::Clock::now();
  ScenarioResult result = result_header(scenario, repetition);
  if (auto reason = gate_on_profile(profile, scenario)) {
    result.outcome = Outcome::not_applicable;
    result.reason = std::move(*reason);
    co_return result;
  }
  if (auto hint = gate_on_preflight(profile, scenario, settings.namespaces)) {
    result.outcome = Outcome::error;
    result.reason = std::move(*hint);
    co_return result;
  }
  ScenarioContext context(executor, profile, scenario, catalogue, settings, repetition);
  std::optional<std::string> not_applicable;
  Isolation isolation;
  try {
    not_applicable = co_await run_phases(context, isolation);
    co_await tear_down(context, isolation);
  } catch (const std::exception& bug) {
    // A programming error of the engine: report it on this scenario, keep the run going.
    context.checks.scenario_error(std::string("internal error: ") + bug.what());
  }
  co_await context.close_clients();  // nothing left to close unless an exception came
  result.checks = context.checks.checks();
  result.outcome = not_applicable ? Outcome::not_applicable : context.checks.outcome();
  result.reason = not_applicable ? *not_applicable : context.checks.error().value_or("");
  result.strategies = std::move(context.strategies);
  result.transcript = context.take_transcript_lines();
  result.duration = std::chrono::duration_cast<std::chrono::microseconds>(net::Clock::now() - started);
  co_return result;
}

}  // namespace referee::engine
