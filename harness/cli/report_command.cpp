#include "harness/cli/report_command.hpp"

#include <fmt/format.h>

#include "harness/cli/baseline_command.hpp"
#include "harness/cli/exit_code.hpp"
#include "harness/cli/run_output.hpp"
#include "reports/html/html_report.hpp"
#include "reports/json/json_reader.hpp"
#include "reports/json/json_report.hpp"
#include "reports/junit/junit_report.hpp"
#include "reports/merge.hpp"

namespace referee::cli {
namespace {

// A comparison is one page, written like any report: atomically.
class ComparisonWriter final : public reports::ReportWriter {
 public:
  explicit ComparisonWriter(const std::vector<engine::RunResult>& runs) : runs_(runs) {}
  std::string_view format_name() const override { return "html"; }
  std::string_view default_file_name() const override { return "compare.html"; }
  void write(const engine::RunResult&, std::ostream& out) const override {
    reports::html::write_comparison(runs_, out);
  }

 private:
  const std::vector<engine::RunResult>& runs_;
};

std::optional<std::vector<engine::RunResult>> read_inputs(const ReportSettings& settings,
                                                          std::vector<std::string>& names,
                                                          std::ostream& err) {
  std::vector<engine::RunResult> runs;
  for (const auto& input : settings.inputs) {
    auto run = reports::json::read_results_file(input);
    if (!run) {
      err << "referee: " << run.error().message << '\n';
      return std::nullopt;
    }
    runs.push_back(std::move(*run));
    names.push_back(input.string());
  }
  return runs;
}

int write_all(const engine::RunResult& run, const ReportSettings& settings, std::ostream& out,
              std::ostream& err) {
  reports::json::JsonReportWriter json;
  reports::junit::JunitReportWriter junit(settings.strict);
  reports::html::HtmlReportWriter html;
  std::vector<ReportFile> files;
  if (settings.json_path) files.push_back({&json, *settings.json_path});
  if (settings.junit_path) files.push_back({&junit, *settings.junit_path});
  if (settings.html_path) files.push_back({&html, *settings.html_path});
  auto problems = write_report_files(run, files);
  for (const auto& problem : problems) err << "referee: " << problem << '\n';
  for (const auto& file : files) out << "Wrote " << file.path.string() << '\n';
  return problems.empty() ? 0 : 1;
}

int write_comparison(const std::vector<engine::RunResult>& runs, const ReportSettings& settings,
                     std::ostream& out, std::ostream& err) {
  if (settings.json_path || settings.junit_path) {
    err << "referee: report: these results are runs of different targets (not the shards of one "
           "run): they can only be compared, with --html\n";
    return as_int(ExitCode::usage_error);
  }
  ComparisonWriter writer(runs);
  auto problems = write_report_files(runs.front(), {{&writer, *settings.html_path}});
  for (const auto& problem : problems) err << "referee: " << problem << '\n';
  if (problems.empty()) out << "Wrote " << settings.html_path->string() << " (" << runs.size() << " targets compared)\n";
  return problems.empty() ? 0 : 1;
}

}  // namespace

int report_command(const ReportSettings& settings, std::ostream& out, std::ostream& err) {
  std::vector<std::string> names;
  auto runs = read_inputs(settings, names, err);
  if (!runs) return as_int(ExitCode::usage_error);
  auto baseline = load_baseline(settings.baseline_path, err);
  if (!baseline) return as_int(ExitCode::usage_error);
  if (runs->size() > 1 && !reports::are_shards(*runs)) return write_comparison(*runs, settings, out, err);
  engine::RunResult run;
  if (runs->size() == 1) {  // one run (or one shard of one) rendered again
    run = std::move(runs->front());
  } else {
    auto merged = reports::merge_shards(std::move(*runs), names);
    if (!merged) {
      err << "referee: report: " << merged.error().message << '\n';
      return as_int(ExitCode::usage_error);
    }
    run = std::move(*merged);
  }
  run.strict = run.strict || settings.strict;
  if (settings.baseline_path) {
    run.baseline_notes.clear();
    reports::baseline::apply_baseline(run, *baseline, reports::baseline::local_date());
  }
  return write_all(run, settings, out, err);
}

}  // namespace referee::cli
