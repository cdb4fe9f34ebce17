#include "harness/cli/report_options.hpp"

namespace referee::cli {

void add_report_command(CLI::App& app, RawReport& raw) {
  auto* report = app.add_subcommand(
      "report",
      "Render results.json files again: one run, the shards of one run (merged), or runs of "
      "several targets (compared, --html only)");
  report->add_option("results", raw.inputs, "results.json files")->required();
  report->add_option("--json", raw.json_path, "Write the (merged) JSON results to this file");
  report->add_option("--junit", raw.junit_path, "Write JUnit XML to this file");
  report->add_option("--html", raw.html_path, "Write the HTML report (or comparison) to this file");
  report->add_option("--baseline", raw.baseline_path, "Known failures: marked in the reports");
  report->add_flag("--strict", raw.strict, "Count warnings (SHOULD) as failures");
}

ReportSettings make_report_settings(const RawReport& raw, std::vector<UsageError>& errors) {
  ReportSettings settings;
  for (const auto& input : raw.inputs) settings.inputs.emplace_back(input);
  if (!raw.json_path.empty()) settings.json_path = raw.json_path;
  if (!raw.junit_path.empty()) settings.junit_path = raw.junit_path;
  if (!raw.html_path.empty()) settings.html_path = raw.html_path;
  if (!raw.baseline_path.empty()) settings.baseline_path = raw.baseline_path;
  settings.strict = raw.strict;
  if (!settings.json_path && !settings.junit_path && !settings.html_path) {
    errors.push_back({"report: nothing to write: give --html, --junit and/or --json"});
  }
  return settings;
}

}  // namespace referee::cli
