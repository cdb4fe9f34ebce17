#pragma once
// The options of `referee coverage` (coverage_command.hpp does the work).
#include <filesystem>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "harness/cli/paths.hpp"

namespace referee::cli {

struct CoverageSettings {
  std::filesystem::path scenarios_dir;
  std::filesystem::path requirements_file;
  std::optional<std::filesystem::path> target;
  std::optional<std::filesystem::path> results;
  std::optional<std::filesystem::path> json_path;
  ProfileVariables profile_variables;
};

struct RawCoverage {
  std::string scenarios_dir;
  std::string requirements_file;
  std::string target;
  std::string results;
  std::string json_path;
};

void add_coverage_command(CLI::App& app, RawCoverage& raw);
CoverageSettings make_coverage_settings(const RawCoverage& raw, const Paths& paths);

}  // namespace referee::cli
