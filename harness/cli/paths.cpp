#include "harness/cli/paths.hpp"

#include <algorithm>
#include <cstdlib>

namespace referee::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* fixture_server_name = "referee-fixture-server";

// PREFIX/share/referee for an executable in PREFIX/bin.
fs::path installed_data_dir(const fs::path& executable) {
  return executable.parent_path().parent_path() / "share" / "referee";
}

bool is_installed(const fs::path& executable) {
  std::error_code error;
  return fs::is_directory(installed_data_dir(executable), error);
}

// True when `path` lies below `directory` (both compared as given, component by component).
bool is_below(const fs::path& path, const fs::path& directory) {
  if (directory.empty()) return false;
  std::error_code error;
  const fs::path canonical_directory = fs::weakly_canonical(directory, error);
  if (error) return false;
  const auto [mismatch, unused] = std::mismatch(canonical_directory.begin(), canonical_directory.end(),
                                                path.begin(), path.end());
  return mismatch == canonical_directory.end();
}

std::optional<std::string> non_empty(const PathInputs& inputs, std::string_view name) {
  auto value = inputs.environment(name);
  if (value && value->empty()) return std::nullopt;
  return value;
}

void choose_data_dir(const PathInputs& inputs, bool installed, bool in_build_tree, Paths& paths) {
  if (auto data = non_empty(inputs, "REFEREE_DATA_DIR")) {
    paths.data_dir = *data;
    paths.data_dir_origin = "REFEREE_DATA_DIR";
  } else if (auto source = non_empty(inputs, "REFEREE_SOURCE_DIR")) {
    paths.data_dir = paths.source_dir = *source;
    paths.data_dir_origin = "REFEREE_SOURCE_DIR";
  } else if (installed) {
    paths.data_dir = installed_data_dir(inputs.executable);
    paths.data_dir_origin = "installed";
  } else if (in_build_tree) {
    paths.data_dir = paths.source_dir = inputs.built_source_dir;
    paths.data_dir_origin = "source tree";
  } else {
    // Neither layout: name where an installed copy would have it, so the error says where.
    paths.data_dir = installed_data_dir(inputs.executable);
    paths.data_dir_origin = "not found";
  }
}

void choose_fixture_server(const PathInputs& inputs, bool installed, bool in_build_tree, Paths& paths) {
  if (auto binary = non_empty(inputs, "REFEREE_BINARY_DIR")) {
    paths.binary_dir = *binary;
  } else if (!installed && in_build_tree) {
    paths.binary_dir = inputs.built_binary_dir;
  }
  paths.fixture_server = paths.binary_dir.empty()
                             ? inputs.executable.parent_path() / fixture_server_name
                             : paths.binary_dir / "fixtures" / "server" / fixture_server_name;
}

}  // namespace

Paths resolve_paths(const PathInputs& inputs) {
  // An installed layout wins, so a prefix installed inside the build tree is still an install.
  const bool installed = is_installed(inputs.executable);
  const bool in_build_tree = is_below(inputs.executable, inputs.built_binary_dir);
  Paths paths;
  choose_data_dir(inputs, installed, in_build_tree, paths);
  choose_fixture_server(inputs, installed, in_build_tree, paths);
  return paths;
}

Paths default_paths() {
  std::error_code error;
  fs::path executable = fs::canonical("/proc/self/exe", error);
  return resolve_paths({.environment = [](std::string_view name) -> std::optional<std::string> {
                          const char* value = std::getenv(std::string(name).c_str());
                          if (value == nullptr) return std::nullopt;
                          return std::string(value);
                        },
                        .executable = executable,
                        .built_source_dir = REFEREE_DEFAULT_SOURCE_DIR,
                        .built_binary_dir = REFEREE_DEFAULT_BINARY_DIR});
}

void export_schema_dir(const Paths& paths) {
  ::setenv("REFEREE_SCHEMA_DIR", paths.schema_dir().c_str(), /*overwrite=*/0);
}

ProfileVariables profile_variables(const Paths& paths) {
  ProfileVariables variables{
      {"REFEREE_DATA_DIR", paths.data_dir.string()},
      {"REFEREE_FIXTURE_SERVER", paths.fixture_server.string()}};
  if (!paths.source_dir.empty()) variables.emplace("REFEREE_SOURCE_DIR", paths.source_dir.string());
  if (!paths.binary_dir.empty()) variables.emplace("REFEREE_BINARY_DIR", paths.binary_dir.string());
  return variables;
}

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code error;
  return std::filesystem::equivalent(a, b, error);
}

}  // namespace referee::cli
