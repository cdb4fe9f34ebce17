#include "harness/target/hook_command.hpp"

#include <cstdlib>
#include <unistd.h>

#include <fmt/format.h>

extern char** environ;

namespace referee::target {
namespace {

namespace fs = std::filesystem;

std::string describe_hook(const profile::Hook& hook, std::string_view role) {
  if (hook.where.file.empty()) return fmt::format("{} hook", role);
  return fmt::format("{} hook ({}:{}:{})", role, hook.where.file, hook.where.line,
                     hook.where.column);
}

bool is_executable_file(const fs::path& path) {
  std::error_code error;
  return fs::is_regular_file(path, error) && ::access(path.c_str(), X_OK) == 0;
}

// The parent's environment with the hook's variables added or replaced.
std::vector<std::string> merged_environment(const std::map<std::string, std::string>& hook_env) {
  std::vector<std::string> merged;
  for (char** entry = environ; entry && *entry; ++entry) {
    std::string_view line(*entry);
    auto name = line.substr(0, line.find('='));
    if (!hook_env.contains(std::string(name))) merged.emplace_back(line);
  }
  for (const auto& [name, value] : hook_env) merged.push_back(name + "=" + value);
  return merged;
}

}  // namespace

std::optional<fs::path> find_executable(std::string_view command, const fs::path& working_dir) {
  if (command.empty()) return std::nullopt;
  if (command.find('/') != std::string_view::npos) {
    fs::path path(command);
    if (path.is_relative()) path = working_dir / path;
    if (is_executable_file(path)) return path;
    return std::nullopt;
  }
  const char* search_path = std::getenv("PATH");
  std::string_view directories = search_path ? search_path : "/usr/bin:/bin";
  while (!directories.empty()) {
    auto colon = directories.find(':');
    auto directory = directories.substr(0, colon);
    fs::path candidate = fs::path(directory.empty() ? "." : directory) / command;
    if (is_executable_file(candidate)) return candidate;
    if (colon == std::string_view::npos) break;
    directories.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

TargetResult<PreparedCommand> prepare_command(const profile::Hook& hook, std::string_view role,
                                              const fs::path& profile_file) {
  PreparedCommand prepared;
  prepared.describe = describe_hook(hook, role);
  // operator/ keeps an absolute working directory as it is.
  prepared.working_dir = fs::absolute(profile_file).parent_path() / fs::path(hook.working_dir);
  prepared.args = hook.args;
  prepared.environment = merged_environment(hook.env);
  auto executable = find_executable(hook.command, prepared.working_dir);
  if (!executable) {
    return TargetProblem{make_error_code(target_error::command_not_found),
                         fmt::format("{}: \"{}\" is not an executable file (working directory {})",
                                     prepared.describe, hook.command, prepared.working_dir.string())};
  }
  prepared.executable = *executable;
  return prepared;
}

}  // namespace referee::target
