#include "harness/cli/paths.hpp"

#include <cstdlib>

namespace referee::cli {
namespace {

std::filesystem::path from_environment(const char* name, const char* built_in) {
  const char* value = std::getenv(name);
  return (value && *value) ? value : built_in;
}

}  // namespace

Paths default_paths() {
  return {from_environment("REFEREE_SOURCE_DIR", REFEREE_DEFAULT_SOURCE_DIR),
          from_environment("REFEREE_BINARY_DIR", REFEREE_DEFAULT_BINARY_DIR)};
}

void export_schema_dir(const Paths& paths) {
  ::setenv("REFEREE_SCHEMA_DIR", paths.schema_dir().c_str(), /*overwrite=*/0);
}

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code error;
  return std::filesystem::equivalent(a, b, error);
}

}  // namespace referee::cli
