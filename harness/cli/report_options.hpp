#pragma once
// The options of `referee report` (report_command.hpp does the work).

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "harness/cli/options.hpp"

namespace referee::cli {

// A problem with the options: the message names the option and the value.
struct UsageError {
  std::string message;
};

struct RawReport {
  std::vector<std::string> inputs;
  std::string json_path;
  std::string junit_path;
  std::string html_path;
  std::string baseline_path;
  bool strict = false;
};

void add_report_command(CLI::App& app, RawReport& raw);
ReportSettings make_report_settings(const RawReport& raw, std::vector<UsageError>& errors);

}  // namespace referee::cli
