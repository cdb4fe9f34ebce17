#pragma once
// Where Referee finds its own files: the scenario catalogue, the requirements, the built-in
// target profile (source tree), and the fixture server (build tree). Compiled in, so a
// freshly built `referee` works from any directory; the environment variables
// REFEREE_SOURCE_DIR and REFEREE_BINARY_DIR override them (an installed or moved tree).

#include <filesystem>

namespace referee::cli {

struct Paths {
  std::filesystem::path source_dir;
  std::filesystem::path binary_dir;

  std::filesystem::path scenarios_dir() const { return source_dir / "scenarios"; }
  std::filesystem::path requirements_file() const { return scenarios_dir() / "requirements.xml"; }
  std::filesystem::path schema_dir() const { return scenarios_dir() / "schema"; }
  // fixtures/targets/reference.xml: the reference fixture servers.
  std::filesystem::path builtin_target() const {
    return source_dir / "fixtures" / "targets" / "reference.xml";
  }
};

// The environment's REFEREE_SOURCE_DIR / REFEREE_BINARY_DIR, else this build's directories.
Paths default_paths();

// The loaders find their XSDs through REFEREE_SCHEMA_DIR; when it is not set, point it into
// `paths.source_dir`, so an overridden source tree brings its own schemas.
void export_schema_dir(const Paths& paths);

// True when both name the same existing file.
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

}  // namespace referee::cli
