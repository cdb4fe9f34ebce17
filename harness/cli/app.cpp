#include "harness/cli/app.hpp"

#include <filesystem>
#include <variant>

#include "harness/cli/baseline_command.hpp"
#include "harness/cli/coverage_command.hpp"
#include "harness/cli/list_command.hpp"
#include "harness/cli/options.hpp"
#include "harness/cli/paths.hpp"
#include "harness/cli/report_command.hpp"
#include "harness/cli/run_command.hpp"
#include "harness/cli/stress_command.hpp"
#include "harness/cli/validate_command.hpp"

namespace referee::cli {
namespace {

struct Dispatch {
  std::ostream& out;
  std::ostream& err;

  int operator()(const RunSettings& settings) const { return run_command(settings, out, err); }
  int operator()(const ListSettings& settings) const { return list_command(settings, out, err); }
  int operator()(const StressSettings& settings) const { return stress_command(settings, out, err); }
  int operator()(const ValidateSettings& settings) const {
    return validate_command(settings, out, err);
  }
  int operator()(const ReportSettings& settings) const { return report_command(settings, out, err); }
  int operator()(const BaselineSettings& settings) const { return baseline_command(settings, out, err); }
  int operator()(const CoverageSettings& settings) const { return coverage_command(settings, out, err); }
};

}  // namespace

int run_referee(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Paths paths = default_paths();
  export_schema_dir(paths);
  ParsedCommandLine parsed = parse_command_line(args, paths);
  out << parsed.output;
  err << parsed.errors;
  if (!parsed.command) return parsed.exit_code;
  if (std::error_code error; !std::filesystem::is_directory(paths.data_dir, error)) {
    err << "referee: no data directory at " << paths.data_dir.string() << " (" << paths.data_dir_origin
        << "): an installed referee keeps it in PREFIX/share/referee beside PREFIX/bin; "
           "set REFEREE_DATA_DIR to where the catalogue is\n";
    return 2;
  }
  return std::visit(Dispatch{out, err}, *parsed.command);
}

}  // namespace referee::cli
