#pragma once
// Where Referee finds its own files: the data directory (the scenario catalogue, its schemas and
// requirements, the built-in target profiles, the scripts those profiles launch, the docs) and
// the fixture server program. Two layouts:
//
//   installed    PREFIX/bin/referee
//                PREFIX/bin/referee-fixture-server
//                PREFIX/share/referee/{scenarios,fixtures/targets,tools/servers,docs}
//                found relative to the running executable, so a copied prefix still works;
//   build tree   a `referee` anywhere below the build directory it was compiled in uses the
//                source directory (compiled in) as its data directory and the build
//                directory's fixtures/server/referee-fixture-server.
//
// The data directory mirrors the source tree (scenarios/, fixtures/targets/, tools/servers/),
// so a profile names its scripts the same way in both layouts: ${REFEREE_DATA_DIR}/tools/...
//
// The environment overrides: REFEREE_DATA_DIR (or its older name REFEREE_SOURCE_DIR, a source
// tree) for the data; REFEREE_BINARY_DIR (a build tree) for the fixture server.

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace referee::cli {

// ${NAME} values for a profile's hooks, used when the environment does not set NAME.
using ProfileVariables = std::map<std::string, std::string, std::less<>>;

struct Paths {
  std::filesystem::path data_dir;
  std::filesystem::path fixture_server;
  // Why data_dir was chosen, for `referee --version`: "REFEREE_DATA_DIR", "installed", ...
  std::string data_dir_origin;
  // A build-tree run (or the environment) also knows both trees; empty when installed.
  std::filesystem::path source_dir;
  std::filesystem::path binary_dir;

  std::filesystem::path scenarios_dir() const { return data_dir / "scenarios"; }
  std::filesystem::path requirements_file() const { return scenarios_dir() / "requirements.xml"; }
  std::filesystem::path schema_dir() const { return scenarios_dir() / "schema"; }
  // fixtures/targets/reference.xml: the reference fixture servers.
  std::filesystem::path builtin_target() const {
    return data_dir / "fixtures" / "targets" / "reference.xml";
  }
};

// What the resolution depends on, so tests can give other values than this process's.
struct PathInputs {
  std::function<std::optional<std::string>(std::string_view name)> environment;
  std::filesystem::path executable;          // canonical path of the running program
  std::filesystem::path built_source_dir;    // compiled in
  std::filesystem::path built_binary_dir;    // compiled in
};

Paths resolve_paths(const PathInputs& inputs);

// resolve_paths() for this process: its environment, /proc/self/exe and this build's directories.
Paths default_paths();

// The loaders find their XSDs through REFEREE_SCHEMA_DIR; when it is not set, point it into
// `paths.data_dir`, so an overridden or installed data directory brings its own schemas.
void export_schema_dir(const Paths& paths);

// ${NAME} values a profile's hooks may use (docs/PROFILE.md): REFEREE_DATA_DIR and
// REFEREE_FIXTURE_SERVER always; REFEREE_SOURCE_DIR and REFEREE_BINARY_DIR in a build tree.
ProfileVariables profile_variables(const Paths& paths);

// True when both name the same existing file.
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

}  // namespace referee::cli
