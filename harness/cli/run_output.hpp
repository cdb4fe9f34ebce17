#pragma once
// The files a run leaves behind: DIR/results.json, DIR/TEST-referee.xml (JUnit),
// DIR/report.html, DIR/transcripts/<scenario>.log, and the extra --json/--junit/--html copies.
// Written once, from the finished result tree, each atomically (temporary file + rename).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "harness/cli/options.hpp"
#include "harness/engine/result.hpp"
#include "reports/report_writer.hpp"

namespace referee::cli {

// Creates the output directory before anything runs, so an unwritable --out is a usage error
// (exit 2, nothing run) rather than a run whose results are lost. Empty: fine.
std::string prepare_out_dir(const std::filesystem::path& out_dir);

// One report to write: which format, where.
struct ReportFile {
  const reports::ReportWriter* writer;
  std::filesystem::path path;
};

// Writes each; returns one message per file that could not be written.
std::vector<std::string> write_report_files(const engine::RunResult& run, const std::vector<ReportFile>& files);

// Writes everything; returns one message per file that could not be written. Transcripts of
// an earlier run in the same directory are removed first, so none is mistaken for this run's.
std::vector<std::string> write_run_outputs(const engine::RunResult& run, const RunSettings& settings);

// Where the run's HTML report is (the --html path when given, else DIR/report.html).
std::filesystem::path html_report_path(const RunSettings& settings);

}  // namespace referee::cli
