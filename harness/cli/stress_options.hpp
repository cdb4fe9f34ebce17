#pragma once
// `referee stress` options (docs/STRESS.md): parsed by CLI11 into RawStress, then checked and
// converted into StressSettings.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "harness/cli/paths.hpp"
#include "harness/stress/mix.hpp"

namespace referee::cli {

struct StressSettings {
  std::filesystem::path target;
  bool target_is_builtin = true;
  std::vector<std::string> fixture_args;       // "--fault", "NAME", ...
  unsigned clients = 10;
  std::chrono::milliseconds duration{30000};
  std::optional<std::uint64_t> commands;
  std::uint64_t seed = 0;                      // drawn at random when not given
  bool seed_given = false;
  stress::Mix mix = stress::default_mix();
  unsigned mailboxes = 3;
  bool keep_going = false;
  std::optional<std::filesystem::path> replay;
  bool shrink = false;
  std::chrono::milliseconds timeout{3000};
  std::filesystem::path out_dir = "results";
  std::optional<std::filesystem::path> json_path;
  bool quiet = false;
  ProfileVariables profile_variables;          // ${NAME} fallbacks for the target's hooks
};

struct RawStress {
  std::string target;
  std::vector<std::string> strategies;
  std::vector<std::string> faults;
  unsigned clients = 10;
  std::string duration;
  std::uint64_t commands = 0;
  std::string seed;
  std::string mix;
  unsigned mailboxes = 3;
  bool keep_going = false;
  std::string replay;
  bool shrink = false;
  std::string timeout = "3s";
  std::string out_dir = "results";
  std::string json_path;
  bool quiet = false;
};

void add_stress_options(CLI::App& stress, RawStress& raw);
// Problems go to `errors`, one message each naming the option.
StressSettings make_stress_settings(const RawStress& raw, const Paths& paths,
                                    std::vector<std::string>& errors);

}  // namespace referee::cli
