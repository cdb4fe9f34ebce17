#include "harness/cli/coverage_options.hpp"

namespace referee::cli {

void add_coverage_command(CLI::App& app, RawCoverage& raw) {
  auto* coverage = app.add_subcommand("coverage", "Requirement matrix: scenarios and proving fault modes per requirement");
  coverage->add_option("results", raw.results, "results.json of a run: the verdict per requirement");
  coverage->add_option("--target", raw.target, "Target profile: which requirements its scenarios can check");
  coverage->add_option("--json", raw.json_path, "Also write the matrix as JSON to this file");
  coverage->add_option("--scenarios", raw.scenarios_dir, "Scenario directory (default: the built-in catalogue)");
  coverage->add_option("--requirements", raw.requirements_file, "Requirements catalogue (default: the built-in one)");
}

CoverageSettings make_coverage_settings(const RawCoverage& raw, const Paths& paths) {
  CoverageSettings settings{.scenarios_dir = paths.scenarios_dir(),
                            .requirements_file = paths.requirements_file(),
                            .profile_variables = profile_variables(paths)};
  if (!raw.scenarios_dir.empty()) settings.scenarios_dir = raw.scenarios_dir;
  if (!raw.requirements_file.empty()) settings.requirements_file = raw.requirements_file;
  if (!raw.target.empty()) settings.target = raw.target;
  if (!raw.results.empty()) settings.results = raw.results;
  if (!raw.json_path.empty()) settings.json_path = raw.json_path;
  return settings;
}

}  // namespace referee::cli
