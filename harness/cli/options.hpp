#pragma once
// The command line: `referee run`, `list`, `validate FILE...`, `report RESULTS...`,
// `baseline RESULTS`. Parsing and
// checking only; what each command does lives in its own file.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "harness/cli/paths.hpp"
#include "harness/cli/selection.hpp"
#include "harness/engine/result.hpp"
#include "harness/cli/coverage_options.hpp"
#include "harness/cli/stress_options.hpp"

namespace referee::cli {

enum class ColorChoice { automatic, always, never };
enum class Verbosity { quiet, normal, verbose };

// Where the scenarios and their requirement catalogue come from (run and list).
struct CatalogueFiles {
  std::filesystem::path scenarios_dir;
  std::filesystem::path requirements_file;
};

struct RunSettings {
  Selection selection;
  CatalogueFiles catalogue;
  std::filesystem::path target;
  bool target_is_builtin = true;
  ProfileVariables profile_variables;        // ${NAME} fallbacks for the target's hooks
  std::vector<std::string> fixture_args;     // "--strategy", "K=V", "--fault", "NAME", ...
  unsigned jobs = 1;
  std::chrono::milliseconds timeout{5000};   // per step, unless the step says
  bool fail_fast = false;
  unsigned repeat = 1;
  bool strict = false;
  bool redact = true;
  std::filesystem::path out_dir = "results";
  std::optional<std::filesystem::path> json_path;   // extra copies, besides DIR/…
  std::optional<std::filesystem::path> junit_path;
  std::optional<std::filesystem::path> html_path;
  std::optional<std::filesystem::path> baseline_path;
  engine::Shard shard;                               // --shard K/N or CI_NODE_INDEX/TOTAL
  std::vector<std::string> command_line;             // as given, for the reports
  ColorChoice color = ColorChoice::automatic;
  Verbosity verbosity = Verbosity::normal;
};

// `referee report RESULTS.json… [--json F] [--junit F] [--html F]`: re-render one run, merge
// shards, or compare targets (report_command.hpp).
struct ReportSettings {
  std::vector<std::filesystem::path> inputs;
  std::optional<std::filesystem::path> json_path;
  std::optional<std::filesystem::path> junit_path;
  std::optional<std::filesystem::path> html_path;
  std::optional<std::filesystem::path> baseline_path;
  bool strict = false;
};

// `referee baseline RESULTS.json`: a baseline file from a run, on stdout.
struct BaselineSettings {
  std::filesystem::path input;
};

struct ListSettings {
  Selection selection;
  CatalogueFiles catalogue;
  Verbosity verbosity = Verbosity::normal;
};

struct ValidateSettings {
  std::vector<std::filesystem::path> files;
  std::filesystem::path requirements_file;
  ProfileVariables profile_variables;        // ${NAME} fallbacks for profiles' hooks
};

using Command = std::variant<RunSettings, ListSettings, ValidateSettings, ReportSettings, BaselineSettings,
                             StressSettings, CoverageSettings>;

// Either a command to execute, or what to print and the exit code to return at once (help,
// version: 0; anything wrong with the options: 2).
struct ParsedCommandLine {
  std::optional<Command> command;
  int exit_code = 0;
  std::string output;   // for stdout (help, version)
  std::string errors;   // for stderr
};

ParsedCommandLine parse_command_line(const std::vector<std::string>& args, const Paths& paths);

}  // namespace referee::cli
