#include "harness/cli/run_output.hpp"

#include <fstream>

#include <fmt/format.h>

#include "reports/html/html_report.hpp"
#include "reports/json/json_report.hpp"
#include "reports/junit/junit_report.hpp"
#include "reports/transcript_text.hpp"

namespace referee::cli {
namespace {

namespace fs = std::filesystem;

std::string write_transcripts(const engine::RunResult& run, const fs::path& directory) {
  std::error_code error;
  fs::remove_all(directory, error);
  fs::create_directories(directory, error);
  if (error) return fmt::format("{}: {}", directory.string(), error.message());
  for (const auto& scenario : run.scenarios) {
    auto path = directory / reports::transcript_file_name(scenario);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << reports::transcript_file_text(scenario);
    if (!out) return fmt::format("{}: could not be written", path.string());
  }
  return {};
}

}  // namespace

std::string prepare_out_dir(const fs::path& out_dir) {
  std::error_code error;
  fs::create_directories(out_dir, error);
  if (error || !fs::is_directory(out_dir)) {
    return fmt::format("--out {}: {}", out_dir.string(),
                       error ? error.message() : std::string("not a directory"));
  }
  return {};
}

std::vector<std::string> write_report_files(const engine::RunResult& run, const std::vector<ReportFile>& files) {
  std::vector<std::string> problems;
  for (const auto& file : files) {
    if (auto error = reports::write_report_file(*file.writer, run, file.path)) {
      problems.push_back(fmt::format("{}: {}", file.path.string(), error.message()));
    }
  }
  return problems;
}

fs::path html_report_path(const RunSettings& settings) {
  return settings.html_path.value_or(settings.out_dir / reports::html::HtmlReportWriter().default_file_name());
}

std::vector<std::string> write_run_outputs(const engine::RunResult& run, const RunSettings& settings) {
  reports::json::JsonReportWriter json;
  reports::junit::JunitReportWriter junit(settings.strict);
  reports::html::HtmlReportWriter html;
  std::vector<ReportFile> files;
  for (const reports::ReportWriter* writer : {static_cast<const reports::ReportWriter*>(&json),
                                              static_cast<const reports::ReportWriter*>(&junit),
                                              static_cast<const reports::ReportWriter*>(&html)}) {
    files.push_back({writer, settings.out_dir / writer->default_file_name()});
  }
  if (settings.json_path) files.push_back({&json, *settings.json_path});
  if (settings.junit_path) files.push_back({&junit, *settings.junit_path});
  if (settings.html_path) files.push_back({&html, *settings.html_path});
  auto problems = write_report_files(run, files);
  if (auto problem = write_transcripts(run, settings.out_dir / "transcripts"); !problem.empty()) {
    problems.push_back(problem);
  }
  return problems;
}

}  // namespace referee::cli
