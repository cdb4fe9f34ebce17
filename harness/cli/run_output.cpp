#include "harness/cli/run_output.hpp"

#include <fstream>

#include <fmt/format.h>

#include "harness/cli/transcript_text.hpp"
#include "reports/json/json_report.hpp"

namespace referee::cli {
namespace {

namespace fs = std::filesystem;

std::string write_transcripts(const engine::RunResult& run, const fs::path& directory) {
  std::error_code error;
  fs::remove_all(directory, error);
  fs::create_directories(directory, error);
  if (error) return fmt::format("{}: {}", directory.string(), error.message());
  for (const auto& scenario : run.scenarios) {
    auto path = directory / transcript_file_name(scenario);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << transcript_file_text(scenario);
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

std::vector<std::string> write_run_outputs(const engine::RunResult& run, const RunSettings& settings) {
  std::vector<std::string> problems;
  reports::json::JsonReportWriter json;
  std::vector<fs::path> json_files{settings.out_dir / json.default_file_name()};
  if (settings.json_path) json_files.push_back(*settings.json_path);
  for (const auto& path : json_files) {
    if (auto error = reports::write_report_file(json, run, path)) {
      problems.push_back(fmt::format("{}: {}", path.string(), error.message()));
    }
  }
  if (auto problem = write_transcripts(run, settings.out_dir / "transcripts"); !problem.empty()) {
    problems.push_back(problem);
  }
  return problems;
}

}  // namespace referee::cli
