#pragma once
// What `referee --version` prints and results.json records: Referee's version, the Git commit
// it was built from (written into the build by packaging/git_commit.cmake, never asked at run
// time), and the version of the scenario catalogue in use (its VERSION file).

#include <filesystem>
#include <string>
#include <string_view>

#include "harness/cli/paths.hpp"

namespace referee::cli {

// "0.1.0": the project version in CMakeLists.txt.
std::string_view suite_version();

// "<40 hex digits>", "<40 hex digits>-dirty" (built with uncommitted changes) or "unknown".
std::string_view git_commit();

// The first line of SCENARIOS_DIR/VERSION ("2026.12.0"); "unversioned" when there is none
// (a catalogue of one's own given with --scenarios).
std::string catalogue_version(const std::filesystem::path& scenarios_dir);

// The `referee --version` text: versions, commit, and where the data and fixture server are.
std::string version_text(const Paths& paths);

}  // namespace referee::cli
