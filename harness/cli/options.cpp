#include "harness/cli/options.hpp"

#include <cstdlib>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "harness/cli/report_options.hpp"
#include "harness/cli/shard.hpp"
#include "harness/cli/build_info.hpp"
#include "harness/scenario/duration.hpp"

namespace referee::cli {
namespace {

// What CLI11 fills in; checked and converted into the settings afterwards.
struct RawSelection {
  std::string filter;
  std::vector<std::string> rfcs;
  std::vector<std::string> levels;
  std::string scenarios_dir;
  std::string requirements_file;
};

struct RawRun {
  RawSelection selection;
  std::string target;
  std::vector<std::string> strategies;
  std::vector<std::string> faults;
  unsigned jobs = 1;
  std::string timeout = "5s";
  bool fail_fast = false;
  unsigned repeat = 1;
  bool strict = false;
  bool no_redact = false;
  std::string out_dir = "results";
  std::string json_path;
  std::string junit_path;
  std::string html_path;
  std::string baseline_path;
  std::string shard;
  std::string color = "auto";
  bool quiet = false;
  bool verbose = false;
};

struct RawDoctor {
  RawSelection catalogue;  // only --scenarios and --requirements
  std::string target;
  std::string timeout = "5s";
  std::string json_path;
};

struct RawValidate {
  std::vector<std::string> files;
  std::string requirements_file;
};


void add_selection_options(CLI::App& command, RawSelection& raw) {
  command.add_option("--filter", raw.filter,
                     "Scenario ids to run: globs separated by ':', negatives after '-' "
                     "(e.g. 'rfc2193/*:-*/rename*')");
  command.add_option("--rfc", raw.rfcs, "Only scenarios of these RFCs (e.g. 2193; repeatable)")
      ->delimiter(',');
  command.add_option("--level", raw.levels,
                     "Only scenarios checking a requirement of this level: MUST, SHOULD, MAY "
                     "(MUST includes MUST NOT; repeatable)")
      ->delimiter(',');
  command.add_option("--scenarios", raw.scenarios_dir, "Scenario directory (default: the catalogue)");
  command.add_option("--requirements", raw.requirements_file, "Requirements catalogue file");
}

void add_verbosity_options(CLI::App& command, bool& quiet, bool& verbose) {
  auto* quiet_flag = command.add_flag("-q,--quiet", quiet, "Print failures and the summary only");
  command.add_flag("-v,--verbose", verbose, "Print every check and longer transcript excerpts")
      ->excludes(quiet_flag);
}

void add_run_options(CLI::App& run, RawRun& raw) {
  add_selection_options(run, raw.selection);
  run.add_option("--target", raw.target,
                 "Target profile (default: the built-in reference servers, "
                 "fixtures/targets/reference.xml)");
  run.add_option("--fixture-strategy", raw.strategies,
                 "KEY=VALUE for the built-in target's fixture server (repeatable)");
  run.add_option("--fixture-fault", raw.faults,
                 "Fault NAME for the built-in target's fixture server (repeatable)");
  run.add_option("-j,--jobs", raw.jobs, "Scenarios run at once")->check(CLI::Range(1u, 1024u));
  run.add_option("--timeout", raw.timeout,
                 "Default deadline of every step, and of a scenario's setup and teardown as a "
                 "whole (500ms, 5s, 1m)");
  run.add_flag("--fail-fast", raw.fail_fast, "Start no new scenario after a failure");
  run.add_option("--repeat", raw.repeat, "Run each scenario N times")->check(CLI::Range(1u, 100000u));
  run.add_flag("--strict", raw.strict, "Count warnings (SHOULD) as failures");
  run.add_flag("--no-redact", raw.no_redact, "Show passwords and AUTHENTICATE data in transcripts");
  run.add_option("--out", raw.out_dir,
                 "Directory for results.json, junit.xml, report.html and transcripts/");
  run.add_option("--json", raw.json_path, "Also write the JSON results to this file");
  run.add_option("--junit", raw.junit_path, "Also write JUnit XML to this file");
  run.add_option("--html", raw.html_path, "Also write the HTML report to this file");
  run.add_option("--baseline", raw.baseline_path,
                 "Known failures (referee baseline): they do not fail the run");
  run.add_option("--shard", raw.shard,
                 "K/N: run every N-th selected scenario from the K-th (default: CI_NODE_INDEX/"
                 "CI_NODE_TOTAL when set)");
  run.add_option("--color", raw.color, "auto, always or never (auto honours NO_COLOR)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  add_verbosity_options(run, raw.quiet, raw.verbose);
}

void add_doctor_options(CLI::App& doctor, RawDoctor& raw) {
  doctor.add_option("--target", raw.target,
                    "Target profile (default: the built-in reference servers, "
                    "fixtures/targets/reference.xml)");
  doctor.add_option("--json", raw.json_path, "Also write the checks as JSON to this file (docs/DOCTOR.md)");
  doctor.add_option("--timeout", raw.timeout, "Deadline of each check (500ms, 5s, 1m)");
  doctor.add_option("--scenarios", raw.catalogue.scenarios_dir, "Scenario directory (default: the catalogue)");
  doctor.add_option("--requirements", raw.catalogue.requirements_file, "Requirements catalogue file");
}

Selection make_selection(const RawSelection& raw, std::vector<UsageError>& errors) {
  Selection selection{IdFilter(raw.filter), {}, {}};
  for (const auto& text : raw.rfcs) {
    if (auto rfc = normalise_rfc(text)) {
      selection.rfcs.push_back(*rfc);
    } else {
      errors.push_back({fmt::format("--rfc \"{}\": expected an RFC number such as 2193", text)});
    }
  }
  for (const auto& text : raw.levels) {
    if (auto level = parse_level_family(text)) {
      selection.levels.push_back(*level);
    } else {
      errors.push_back({fmt::format("--level \"{}\": expected MUST, SHOULD or MAY", text)});
    }
  }
  return selection;
}

CatalogueFiles make_catalogue_files(const RawSelection& raw, const Paths& paths) {
  namespace fs = std::filesystem;
  return {raw.scenarios_dir.empty() ? paths.scenarios_dir() : fs::path(raw.scenarios_dir),
          raw.requirements_file.empty() ? paths.requirements_file() : fs::path(raw.requirements_file)};
}

Verbosity make_verbosity(bool quiet, bool verbose) {
  return quiet ? Verbosity::quiet : verbose ? Verbosity::verbose : Verbosity::normal;
}

// --fixture-strategy and --fixture-fault become the fixture server's --strategy and --fault.
std::vector<std::string> make_fixture_args(const RawRun& raw, bool builtin,
                                           std::vector<UsageError>& errors) {
  std::vector<std::string> args;
  if (!builtin && (!raw.strategies.empty() || !raw.faults.empty())) {
    errors.push_back({"--fixture-strategy and --fixture-fault apply only to the built-in "
                      "target (fixtures/targets/reference.xml)"});
  }
  for (const auto& strategy : raw.strategies) {
    auto equals = strategy.find('=');
    if (equals == std::string::npos || equals == 0) {
      errors.push_back({fmt::format("--fixture-strategy \"{}\": expected KEY=VALUE", strategy)});
    }
    args.insert(args.end(), {"--strategy", strategy});
  }
  for (const auto& fault : raw.faults) args.insert(args.end(), {"--fault", fault});
  return args;
}

RunSettings make_run_settings(const RawRun& raw, const Paths& paths, std::vector<UsageError>& errors) {
  RunSettings settings;
  settings.selection = make_selection(raw.selection, errors);
  settings.catalogue = make_catalogue_files(raw.selection, paths);
  settings.target = raw.target.empty() ? paths.builtin_target() : std::filesystem::path(raw.target);
  settings.target_is_builtin = raw.target.empty() || same_file(settings.target, paths.builtin_target());
  settings.profile_variables = profile_variables(paths);
  settings.fixture_args = make_fixture_args(raw, settings.target_is_builtin, errors);
  settings.jobs = raw.jobs;
  if (auto timeout = scenario::parse_duration(raw.timeout)) {
    settings.timeout = *timeout;
  } else {
    errors.push_back({fmt::format("--timeout \"{}\": {}", raw.timeout, scenario::duration_syntax_help)});
  }
  settings.fail_fast = raw.fail_fast;
  settings.repeat = raw.repeat;
  settings.strict = raw.strict;
  settings.redact = !raw.no_redact;
  settings.out_dir = raw.out_dir;
  if (!raw.json_path.empty()) settings.json_path = raw.json_path;
  if (!raw.junit_path.empty()) settings.junit_path = raw.junit_path;
  if (!raw.html_path.empty()) settings.html_path = raw.html_path;
  if (!raw.baseline_path.empty()) settings.baseline_path = raw.baseline_path;
  auto shard = choose_shard(raw.shard, std::getenv("CI_NODE_INDEX"), std::getenv("CI_NODE_TOTAL"));
  if (!shard.error.empty()) errors.push_back({shard.error});
  settings.shard = shard.shard;
  settings.color = raw.color == "always"  ? ColorChoice::always
                   : raw.color == "never" ? ColorChoice::never
                                          : ColorChoice::automatic;
  settings.verbosity = make_verbosity(raw.quiet, raw.verbose);
  return settings;
}

DoctorSettings make_doctor_settings(const RawDoctor& raw, const Paths& paths,
                                    std::vector<UsageError>& errors) {
  DoctorSettings settings;
  settings.catalogue = make_catalogue_files(raw.catalogue, paths);
  settings.target = raw.target.empty() ? paths.builtin_target() : std::filesystem::path(raw.target);
  settings.profile_variables = profile_variables(paths);
  if (auto timeout = scenario::parse_duration(raw.timeout)) {
    settings.timeout = *timeout;
  } else {
    errors.push_back({fmt::format("--timeout \"{}\": {}", raw.timeout, scenario::duration_syntax_help)});
  }
  if (!raw.json_path.empty()) settings.json_path = raw.json_path;
  return settings;
}

// The options of every subcommand, filled by one parse.
struct RawCommandLine {
  RawRun run;
  RawSelection list;
  bool list_quiet = false;
  bool list_verbose = false;
  RawValidate validate;
  RawReport report;
  std::string baseline_input;
  RawStress stress;
  RawDoctor doctor;
  RawCoverage coverage;
};

void define_commands(CLI::App& app, RawCommandLine& raw, const Paths& paths) {
  app.require_subcommand(1);
  app.set_version_flag("--version", version_text(paths));
  add_run_options(*app.add_subcommand("run", "Run scenarios against a target"), raw.run);
  auto* list = app.add_subcommand("list", "List the selected scenario ids");
  add_selection_options(*list, raw.list);
  add_verbosity_options(*list, raw.list_quiet, raw.list_verbose);
  add_stress_options(*app.add_subcommand("stress", "Many clients, random commands, invariants checked live"),
                     raw.stress);
  add_doctor_options(*app.add_subcommand("doctor", "Check a target profile against the live servers"),
                     raw.doctor);
  auto* validate = app.add_subcommand("validate", "Check scenario, profile and requirement files");
  validate->add_option("files", raw.validate.files, "Files or directories (every *.xml below) to check")->required();
  validate->add_option("--requirements", raw.validate.requirements_file,
                       "Requirements catalogue scenarios are checked against");
  add_report_command(app, raw.report);
  add_coverage_command(app, raw.coverage);
  auto* baseline = app.add_subcommand("baseline", "Print a baseline of a run's failures (for --baseline)");
  baseline->add_option("results", raw.baseline_input, "results.json of the run")->required();
}

Command make_command(const CLI::App& app, const RawCommandLine& raw, const Paths& paths,
                     std::vector<UsageError>& errors) {
  if (app.got_subcommand("run")) return make_run_settings(raw.run, paths, errors);
  if (app.got_subcommand("report")) return make_report_settings(raw.report, errors);
  if (app.got_subcommand("doctor")) return make_doctor_settings(raw.doctor, paths, errors);
  if (app.got_subcommand("baseline")) return BaselineSettings{raw.baseline_input};
  if (app.got_subcommand("coverage")) return make_coverage_settings(raw.coverage, paths);
  if (app.got_subcommand("stress")) {
    std::vector<std::string> problems;
    StressSettings settings = make_stress_settings(raw.stress, paths, problems);
    for (auto& problem : problems) errors.push_back({std::move(problem)});
    return settings;
  }
  if (app.got_subcommand("list")) {
    return ListSettings{make_selection(raw.list, errors), make_catalogue_files(raw.list, paths),
                        make_verbosity(raw.list_quiet, raw.list_verbose)};
  }
  ValidateSettings validate;
  for (const auto& file : raw.validate.files) validate.files.emplace_back(file);
  validate.requirements_file = raw.validate.requirements_file.empty()
                                   ? paths.requirements_file()
                                   : std::filesystem::path(raw.validate.requirements_file);
  validate.profile_variables = profile_variables(paths);
  return validate;
}

}  // namespace

ParsedCommandLine parse_command_line(const std::vector<std::string>& args, const Paths& paths) {
  CLI::App app("Referee: conformance tests for IMAP referrals (RFC 2193, 2221, 2180)", "referee");
  RawCommandLine raw;
  define_commands(app, raw, paths);
  std::vector<const char*> argv{"referee"};
  for (const auto& arg : args) argv.push_back(arg.c_str());
  ParsedCommandLine parsed;
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& error) {
    std::ostringstream out, err;
    int code = app.exit(error, out, err);
    parsed.output = out.str();
    parsed.errors = err.str();
    parsed.exit_code = code == 0 ? 0 : 2;
    return parsed;
  }
  std::vector<UsageError> errors;
  Command command = make_command(app, raw, paths, errors);
  if (auto* run = std::get_if<RunSettings>(&command)) run->command_line = args;
  if (errors.empty()) {
    parsed.command = std::move(command);
    return parsed;
  }
  for (const auto& error : errors) parsed.errors += "referee: " + error.message + "\n";
  parsed.errors += "Run with --help for more information.\n";
  parsed.exit_code = 2;
  return parsed;
}

}  // namespace referee::cli
