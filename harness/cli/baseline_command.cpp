#include "harness/cli/baseline_command.hpp"

#include <fmt/format.h>

#include "harness/cli/exit_code.hpp"
#include "reports/json/json_reader.hpp"

namespace referee::cli {

int baseline_command(const BaselineSettings& settings, std::ostream& out, std::ostream& err) {
  auto run = reports::json::read_results_file(settings.input);
  if (!run) {
    err << "referee: " << run.error().message << '\n';
    return as_int(ExitCode::usage_error);
  }
  out << reports::baseline::baseline_text(reports::baseline::baseline_from_run(*run));
  return as_int(ExitCode::conformant);
}

std::optional<reports::baseline::Baseline> load_baseline(const std::optional<std::filesystem::path>& path,
                                                         std::ostream& err) {
  if (!path) return reports::baseline::Baseline{};
  auto baseline = reports::baseline::read_baseline_file(*path);
  if (!baseline) {
    err << "referee: --baseline " << baseline.error().message << '\n';
    return std::nullopt;
  }
  return *baseline;
}

std::string baseline_summary(const engine::RunResult& run) {
  std::string known, unexpected, expired;
  auto add = [](std::string& list, const std::string& what, const std::string& detail) {
    list += fmt::format("\n  {}{}", what, detail.empty() ? "" : " (" + detail + ")");
  };
  for (const auto& scenario : run.scenarios) {
    const auto& mark = scenario.baseline;
    if (mark.status == engine::BaselineStatus::matched) add(known, scenario.id, mark.reason);
    if (mark.status == engine::BaselineStatus::unexpected_pass) add(unexpected, scenario.id, mark.reason);
    if (mark.status == engine::BaselineStatus::expired) add(expired, scenario.id, "expired " + mark.expires);
  }
  for (const auto& note : run.baseline_notes) {
    if (note.status == engine::BaselineStatus::unexpected_pass) add(unexpected, note.requirement, note.reason);
    if (note.status == engine::BaselineStatus::expired) add(expired, note.requirement, "expired " + note.expires);
  }
  std::string text;
  if (!known.empty()) text += "\nBaseline: known failures (they do not fail the run):" + known;
  if (!unexpected.empty()) text += "\nBaseline: unexpected passes (update the baseline):" + unexpected;
  if (!expired.empty()) text += "\nBaseline: expired entries (they fail the run):" + expired;
  return text.empty() ? text : text + "\n";
}

}  // namespace referee::cli
