#pragma once
// Turns a profile hook into something a process can be started from: executable located,
// environment merged, working directory resolved. (${NAME} variables were expanded, and
// relative paths made absolute, by the profile loader: docs/PROFILE.md.)

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/profile/model.hpp"
#include "harness/target/target_error.hpp"

namespace referee::target {

struct PreparedCommand {
  std::filesystem::path executable;       // as found: a path, or the PATH entry that holds it
  std::vector<std::string> args;
  std::vector<std::string> environment;   // "NAME=value": Referee's own, plus the hook's
  std::filesystem::path working_dir;
  std::string describe;                   // "launch hook (file:line:column)" for messages
};

// `role` names the hook in messages ("launch", "reset", "stop"). A relative working directory,
// and an empty one, are taken relative to the directory of `profile_file`.
TargetResult<PreparedCommand> prepare_command(const profile::Hook& hook, std::string_view role,
                                              const std::filesystem::path& profile_file);

// Finds `command` the way a shell does: a name with '/' is a path (relative to working_dir),
// anything else is searched on PATH. nullopt when it is not an executable file.
std::optional<std::filesystem::path> find_executable(std::string_view command,
                                                     const std::filesystem::path& working_dir);

}  // namespace referee::target
