#include "harness/cli/baseline_command.hpp"

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

}  // namespace referee::cli
