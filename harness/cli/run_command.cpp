#include "harness/cli/run_command.hpp"

#include <unistd.h>

#include <cstdlib>
#include <set>

#include <fmt/format.h>

#include "harness/cli/baseline_command.hpp"
#include "harness/cli/build_info.hpp"
#include "harness/cli/catalogue_loading.hpp"
#include "harness/cli/console.hpp"
#include "harness/cli/exit_code.hpp"
#include "harness/cli/failure_report.hpp"
#include "harness/cli/interruption.hpp"
#include "harness/cli/run_output.hpp"
#include "harness/cli/shard.hpp"
#include "harness/engine/engine.hpp"
#include "harness/engine/match/outcome.hpp"
#include "harness/engine/run/scenario_runner.hpp"
#include "harness/target/target_process.hpp"

namespace referee::cli {
namespace {

struct RunPlan {
  const RunSettings& settings;
  profile::Profile& profile;
  const std::vector<scenario::Scenario>& scenarios;
  const scenario::RequirementCatalogue& catalogue;
  std::string run_id;
  Interruption& interruption;
};

// "server alpha (127.0.0.1:143) unreachable: connection refused", or empty.
std::string unreachable_servers(const std::vector<engine::ServerInfo>& servers) {
  std::string problems;
  for (const auto& server : servers) {
    if (!server.greeting.starts_with("unreachable: ")) continue;
    problems += fmt::format("{}server {} ({}) {}", problems.empty() ? "" : "\n", server.id,
                            server.address, server.greeting);
  }
  return problems;
}

// docs/PROFILE.md: a reset hook runs between scenarios, so with one they run one at a time.
engine::RunResult run_with_resets(const RunPlan& plan, target::TargetProcess& target,
                                  engine::RunOptions options) {
  engine::RunResult run;
  auto report = std::move(options.on_result);
  options.repeat = 1;
  for (const auto& scenario : plan.scenarios) {
    for (unsigned repetition = 0; repetition < plan.settings.repeat; ++repetition) {
      if (plan.interruption.flag()) {
        run.scenarios.push_back(engine::not_run_result(scenario, repetition));
        continue;
      }
      if (auto reset = target.reset(plan.profile); !reset) {
        run.fatal_error = reset.error().message;
        return run;
      }
      options.on_result = [&](const engine::ScenarioResult& result) {
        auto renumbered = result;
        renumbered.repetition = repetition;
        report(renumbered);
      };
      auto single = engine::run_scenarios(plan.profile, {scenario}, plan.catalogue, options);
      if (run.started_at.empty()) run.started_at = single.started_at;
      run.target = single.target;
      run.duration += single.duration;
      for (auto& result : single.scenarios) {
        result.repetition = repetition;
        run.scenarios.push_back(std::move(result));
      }
      if (plan.settings.fail_fast && engine::is_failure(run.scenarios.back().outcome, false)) return run;
    }
  }
  return run;
}

engine::RunResult run_scenarios(const RunPlan& plan, target::TargetProcess& target, Console& console) {
  engine::RunOptions options{.default_timeout = plan.settings.timeout,
                             .jobs = plan.settings.jobs,
                             .fail_fast = plan.settings.fail_fast,
                             .repeat = plan.settings.repeat,
                             .redact = plan.settings.redact,
                             .run_id = plan.run_id,
                             .on_result = [&console](const engine::ScenarioResult& result) {
                               console.scenario_finished(result);
                             },
                             .interrupted = &plan.interruption.flag()};
  if (plan.profile.reset) return run_with_resets(plan, target, std::move(options));
  return engine::run_scenarios(plan.profile, plan.scenarios, plan.catalogue, options);
}

// Launch, probe, run; the launched target is stopped whatever happens.
// What namespace discovery saw after logging in, as the server's capabilities after login
// (the first user's answer that had any).
void add_capabilities_after_login(engine::RunResult& run) {
  for (auto& server : run.servers) {
    for (const auto& space : run.namespaces) {
      if (space.server != server.id || space.capabilities.empty()) continue;
      server.capabilities_after_login = space.capabilities;
      break;
    }
  }
}

engine::RunResult execute(const RunPlan& plan, Console& console) {
  // Signals are the Interruption's: the target is stopped below, after the run has wound down.
  target::TargetProcess target({.extra_launch_args = plan.settings.fixture_args,
                                .stop_on_signals = false});
  engine::RunResult run;
  std::vector<engine::ServerInfo> servers;
  if (auto launched = target.launch(plan.profile); !launched) {
    run.fatal_error = launched.error().message;
  } else {
    plan.interruption.set_target_pid(target.pid().value_or(0));
    servers = engine::probe_servers(plan.profile, plan.settings.timeout);
    run.fatal_error = unreachable_servers(servers);
    if (run.fatal_error.empty()) run = run_scenarios(plan, target, console);
  }
  console.finish();
  target.stop();
  run.servers = std::move(servers);
  add_capabilities_after_login(run);
  run.interrupted = plan.interruption.signal_name();
  run.launch_output = target.output();
  run.suite_version = suite_version();
  run.git_commit = git_commit();
  run.catalogue_version = catalogue_version(plan.settings.catalogue.scenarios_dir);
  if (run.target.empty()) run.target = plan.profile.name + " (" + plan.profile.file + ")";
  return run;
}

void print_conclusion(const RunPlan& plan, const engine::RunResult& run, bool color,
                      std::ostream& out, std::ostream& err) {
  bool quiet = plan.settings.verbosity == Verbosity::quiet;
  FailureReportStyle style{color, plan.settings.strict,
                           plan.settings.verbosity == Verbosity::verbose ? 20u : 8u};
  std::string failures;
  for (const auto& scenario : run.scenarios) {
    if (scenario.baseline.status == engine::BaselineStatus::matched) continue;  // listed below
    auto block = describe_failure(scenario, plan.catalogue, style);
    if (!block.empty()) failures += "\n" + block;
  }
  if (!failures.empty()) out << "\nFailures:" << failures;
  out << baseline_summary(run);
  if (!run.fatal_error.empty()) {
    err << "referee: the target could not be launched or reached:\n" << run.fatal_error << '\n';
  }
  if (!run.interrupted.empty()) {
    err << "referee: interrupted by " << run.interrupted
        << ": scenarios that did not run to the end are reported as not run\n";
  }
  out << '\n' << summary_counts(run) << fmt::format(" in {:.1f} s\n", run.duration.count() / 1e6);
  if (!quiet) out << "Target: " << run.target << "\nResults: " << plan.settings.out_dir.string() << '\n';
  out << "HTML report: " << std::filesystem::absolute(html_report_path(plan.settings)).string() << '\n';
}

// What the reports show besides the scenarios: how referee was called, and the sentence of
// every requirement a check named.
void add_run_metadata(engine::RunResult& run, const RunPlan& plan) {
  run.command_line = plan.settings.command_line;
  run.command_line.insert(run.command_line.begin(), "referee");
  run.run_id = plan.run_id;
  run.shard = plan.settings.shard;
  run.strict = plan.settings.strict;
  std::set<std::string> named;
  for (const auto& scenario : run.scenarios) {
    for (const auto& check : scenario.checks) named.insert(check.requirement);
  }
  for (const auto& id : named) {
    auto found = plan.catalogue.find(id);
    if (found == plan.catalogue.end()) continue;
    const auto& requirement = found->second;
    run.requirements.push_back({requirement.id, requirement.rfc, requirement.section, requirement.level,
                                requirement.text});
  }
}

}  // namespace

int run_command(const RunSettings& settings, std::ostream& out, std::ostream& err) {
  bool show_warnings = settings.verbosity != Verbosity::quiet;
  auto catalogue = load_catalogue(settings.catalogue, err, show_warnings);
  if (!catalogue) return as_int(ExitCode::usage_error);
  auto selected = select_scenarios(catalogue->scenarios, catalogue->requirements, settings.selection);
  if (selected.empty()) {
    err << "referee: no scenario matches the selection\n";
    return as_int(ExitCode::usage_error);
  }
  selected = shard_of(selected, settings.shard);
  auto baseline = load_baseline(settings.baseline_path, err);
  if (!baseline) return as_int(ExitCode::usage_error);
  auto profile = load_target(settings.target, settings.profile_variables, err, show_warnings);
  if (!profile) return as_int(ExitCode::usage_error);
  if (auto problem = prepare_out_dir(settings.out_dir); !problem.empty()) {
    err << "referee: " << problem << '\n';
    return as_int(ExitCode::usage_error);
  }
  bool terminal = ::isatty(STDOUT_FILENO) == 1;
  bool color = use_color(settings.color, terminal, std::getenv("NO_COLOR"), std::getenv("TERM"));
  Console console(out, {color, terminal, settings.strict, settings.verbosity},
                  selected.size() * settings.repeat);
  Interruption interruption(err);
  RunPlan plan{settings, *profile, selected, catalogue->requirements, engine::make_run_id(), interruption};
  auto run = execute(plan, console);
  add_run_metadata(run, plan);
  reports::baseline::apply_baseline(run, *baseline, reports::baseline::local_date());
  for (const auto& problem : write_run_outputs(run, settings)) err << "referee: " << problem << '\n';
  print_conclusion(plan, run, color, out, err);
  return as_int(exit_code_for(run, settings.strict));
}

}  // namespace referee::cli
