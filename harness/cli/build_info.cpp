#include "harness/cli/build_info.hpp"

#include <fstream>

#include <fmt/format.h>

#include "git_commit.hpp"  // generated: REFEREE_GIT_COMMIT

namespace referee::cli {

std::string_view suite_version() { return REFEREE_VERSION; }

std::string_view git_commit() { return REFEREE_GIT_COMMIT; }

std::string catalogue_version(const std::filesystem::path& scenarios_dir) {
  std::ifstream in(scenarios_dir / "VERSION");
  std::string line;
  if (!std::getline(in, line)) return "unversioned";
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line.empty() ? "unversioned" : line;
}

std::string version_text(const Paths& paths) {
  return fmt::format(
      "referee {}\n"
      "commit: {}\n"
      "catalogue: {}\n"
      "data directory: {} ({})\n"
      "fixture server: {}",
      suite_version(), git_commit(), catalogue_version(paths.scenarios_dir()),
      paths.data_dir.string(), paths.data_dir_origin, paths.fixture_server.string());
}

}  // namespace referee::cli
