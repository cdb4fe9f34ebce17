#include "harness/cli/doctor_command.hpp"

#include <fmt/format.h>

#include "harness/cli/catalogue_loading.hpp"
#include "harness/cli/doctor_output.hpp"
#include "harness/cli/exit_code.hpp"
#include "harness/engine/doctor/doctor.hpp"
#include "harness/engine/doctor/hints.hpp"
#include "harness/engine/engine.hpp"
#include "harness/target/target_process.hpp"

namespace referee::cli {
namespace {

engine::DoctorCheck launch_check(const profile::Profile& profile, const target::TargetProcess& target,
                                 const target::TargetResult<void>& launched) {
  engine::DoctorCheck check{.kind = "launch", .subject = "launch hook"};
  if (!launched) {
    check.verdict = engine::DoctorVerdict::fail;
    check.summary = launched.error().message;
    const std::string where =
        profile.launch ? engine::profile_location(profile.launch->where) : profile.file;
    check.hint = fmt::format("launch hook ({}): {}; fix its command, arguments or ready-line there "
                             "(or give every server a port)", where, launched.error().message);
    return check;
  }
  std::string ports;
  for (const auto& server : profile.servers) {
    ports += fmt::format("{}{}={}", ports.empty() ? "" : " ", server.id, server.port.value_or(0));
  }
  const std::string ready = target.ready_line();
  check.summary = (ready.empty() ? "every server accepts connections" : "ready: " + ready) +
                  " (ports " + ports + ")";
  return check;
}

}  // namespace

int doctor_command(const DoctorSettings& settings, std::ostream& out, std::ostream& err) {
  auto catalogue = load_catalogue(settings.catalogue, err, false);
  if (!catalogue) return as_int(ExitCode::usage_error);
  auto profile = load_target(settings.target, settings.profile_variables, err, true);
  if (!profile) return as_int(ExitCode::usage_error);
  DoctorReport report{.target = profile->name + " (" + profile->file + ")",
                      .run_id = engine::make_run_id()};
  target::TargetProcess target;
  auto launched = target.launch(*profile);
  if (profile->launch || !launched) report.checks.push_back(launch_check(*profile, target, launched));
  if (launched) {
    auto checks = engine::run_doctor(*profile, catalogue->scenarios,
                                     {.timeout = settings.timeout, .run_id = report.run_id});
    report.checks.insert(report.checks.end(), checks.begin(), checks.end());
  }
  target.stop();
  print_doctor_report(report, out);
  if (settings.json_path) {
    if (auto problem = write_doctor_json(report, *settings.json_path); !problem.empty()) {
      err << "referee: " << problem << '\n';
    }
  }
  return engine::target_usable(report.checks) ? 0 : 1;
}

}  // namespace referee::cli
