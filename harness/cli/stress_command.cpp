#include "harness/cli/stress_command.hpp"

#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>

#include <fmt/format.h>

#include "harness/cli/build_info.hpp"
#include "harness/cli/catalogue_loading.hpp"
#include "harness/cli/exit_code.hpp"
#include "harness/cli/run_output.hpp"
#include "harness/cli/stress_report.hpp"
#include "harness/stress/runner.hpp"
#include "harness/stress/scenario_writer.hpp"
#include "harness/stress/shrink.hpp"
#include "harness/target/target_process.hpp"
#include "reports/json/json_report.hpp"

namespace referee::cli {
namespace {

namespace fs = std::filesystem;

// CPU seconds a process has used (utime + stime of /proc/PID/stat), or -1.
double process_cpu_seconds(std::optional<int> pid) {
  if (!pid) return -1;
  std::ifstream stat(fmt::format("/proc/{}/stat", *pid));
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  auto close = text.rfind(')');
  if (close == std::string::npos) return -1;
  std::istringstream fields(text.substr(close + 2));
  std::string field;
  double ticks = 0;
  for (int index = 3; fields >> field && index <= 15; ++index) {
    if (index == 14 || index == 15) ticks += std::stod(field);  // utime, stime
  }
  return ticks / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

stress::StressOptions options_for(const StressSettings& settings, std::ostream& out) {
  stress::StressOptions options;
  options.clients = settings.clients;
  options.duration = settings.duration;
  options.commands = settings.commands;
  options.seed = settings.seed;
  options.mix = settings.mix;
  options.mailboxes = settings.mailboxes;
  options.keep_going = settings.keep_going;
  options.timeout = settings.timeout;
  bool terminal = ::isatty(STDOUT_FILENO) == 1;
  if (!settings.quiet) {
    options.on_progress = [&out, terminal](const stress::StressProgress& progress) {
      std::string line = fmt::format("{:6.1f} s  {:>8.0f} commands/s  {} commands  {} violations",
                                     progress.elapsed_s, progress.per_second, progress.commands,
                                     progress.violations);
      out << (terminal ? "\r" + line : line + "\n") << std::flush;
    };
  }
  return options;
}

// The run itself: replay a file, or fresh streams; the replay file written on a violation.
stress::StressRun run_streams(const StressSettings& settings, profile::Profile& profile,
                              const stress::StressOptions& options, std::ostream& err) {
  if (!settings.replay) return stress::run_stress(profile, options);
  std::string problem;
  auto log = stress::read_log_file(*settings.replay, problem);
  if (!log) {
    stress::StressRun failed;
    failed.fatal_error = problem;
    err << "referee: " << problem << '\n';
    return failed;
  }
  return stress::replay_stress(profile, *log, options);
}

void write_failure_files(const StressSettings& settings, profile::Profile& profile,
                         const stress::StressOptions& options, stress::StressRun& run,
                         std::ostream& out) {
  if (!run.first_violation) return;
  stress::StressLog log = run.log;
  log.violation = std::string(run.first_violation->invariant.name);
  fs::path replay_file = settings.out_dir / "stress-replay.txt";
  if (auto problem = stress::write_log_file(log, replay_file); problem.empty()) {
    run.result.replay_file = replay_file.string();
  }
  if (!settings.shrink) return;
  out << "Shrinking the failing streams...\n" << std::flush;
  auto shrunk = stress::shrink(profile, log, run.first_violation->invariant, options);
  if (!shrunk) {
    run.result.shrink_summary = "not shrunk: replaying the streams one at a time did not break " +
                                std::string(run.first_violation->invariant.name) + " again";
    return;
  }
  run.result.shrink_summary = shrunk->summary;
  fs::path scenario_file = settings.out_dir / "stress-shrunk.xml";
  std::ofstream xml(scenario_file, std::ios::binary | std::ios::trunc);
  xml << stress::scenario_xml(shrunk->log, shrunk->violation, options.timeout);
  if (xml) run.result.shrunk_scenario = scenario_file.string();
}

// Why nothing can run, or empty.
std::string usage_problem(const StressSettings& settings, const profile::Profile& profile) {
  // Stress runs create and delete test mailboxes, as destructive scenarios do.
  if (!profile.destructive_allowed) {
    return "profile " + profile.name + " (" + profile.file +
           ") does not allow destructive runs (<test-mailboxes destructive=\"true\"/>): "
           "stress creates and deletes test mailboxes";
  }
  return prepare_out_dir(settings.out_dir);
}

// Launches the target (if the profile says how), runs, and stops it whatever happened.
stress::StressRun launch_and_run(const StressSettings& settings, profile::Profile& profile,
                                 const stress::StressOptions& options, engine::RunResult& result,
                                 std::ostream& out, std::ostream& err) {
  target::TargetProcess target({.extra_launch_args = settings.fixture_args});
  stress::StressRun run;
  if (auto launched = target.launch(profile); !launched) {
    run.fatal_error = launched.error().message;
  } else {
    double server_before = process_cpu_seconds(target.pid());
    run = run_streams(settings, profile, options, err);
    double server_after = process_cpu_seconds(target.pid());
    if (server_before >= 0 && server_after >= 0) run.result.server_cpu_s = server_after - server_before;
    if (run.fatal_error.empty()) write_failure_files(settings, profile, options, run, out);
  }
  if (options.on_progress && ::isatty(STDOUT_FILENO) == 1) out << '\n';
  target.stop();
  result.launch_output = target.output();
  return run;
}

}  // namespace

int stress_command(const StressSettings& settings, std::ostream& out, std::ostream& err) {
  auto profile = load_target(settings.target, settings.profile_variables, err, !settings.quiet);
  if (!profile) return as_int(ExitCode::usage_error);
  if (auto problem = usage_problem(settings, *profile); !problem.empty()) {
    err << "referee: " << problem << '\n';
    return as_int(ExitCode::usage_error);
  }
  StressSettings chosen = settings;
  if (!chosen.seed_given) chosen.seed = std::random_device{}();
  stress::StressOptions options = options_for(chosen, out);
  engine::RunResult result;
  result.suite_version = suite_version();
  result.git_commit = git_commit();
  result.target = profile->name + " (" + profile->file + ")";
  stress::StressRun run = launch_and_run(chosen, *profile, options, result, out, err);
  result.fatal_error = run.fatal_error;
  result.duration = std::chrono::microseconds(static_cast<long long>(run.result.duration_s * 1e6));
  result.stress = run.result;
  print_stress_report(result, run, out, err);
  for (const auto& path : stress_output_files(settings)) {
    reports::json::JsonReportWriter json;
    if (auto error = reports::write_report_file(json, result, path)) {
      err << "referee: " << path.string() << ": " << error.message() << '\n';
    }
  }
  if (!run.fatal_error.empty()) return as_int(ExitCode::target_unreachable);
  return as_int(run.result.violations > 0 ? ExitCode::non_conformant : ExitCode::conformant);
}

}  // namespace referee::cli
