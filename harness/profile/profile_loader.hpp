#pragma once
// Loading target profiles (docs/PROFILE.md): well-formed XML, valid against profile-1.xsd,
// then cross-reference checks; passwords given by environment variable are read, hook
// variables expanded and hook paths made absolute against the profile's directory.
//
//   auto loaded = referee::profile::load_profile("fixtures/targets/reference.xml");
//   for (const auto& d : loaded.diagnostics) std::cerr << format_diagnostic(d) << '\n';
//   if (!loaded) return 2;
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "harness/profile/model.hpp"
#include "harness/scenario/diagnostic.hpp"

namespace referee::profile {

using scenario::Diagnostics;
using scenario::LoadResult;

// Reads one environment variable; nullopt when it is not set.
using EnvironmentLookup = std::function<std::optional<std::string>(std::string_view name)>;

EnvironmentLookup process_environment();

struct ProfileLoadOptions {
  // Password variables and ${NAME} in hooks are read through this (tests substitute a map).
  EnvironmentLookup environment = process_environment();
  // Values for ${NAME} when the environment does not set it. By default REFEREE_SOURCE_DIR and
  // REFEREE_BINARY_DIR: the directories this Referee was built from.
  std::map<std::string, std::string, std::less<>> fallback_variables = built_in_variables();

  static std::map<std::string, std::string, std::less<>> built_in_variables();
};

LoadResult<Profile> load_profile(const std::filesystem::path& path,
                                 const ProfileLoadOptions& options = {});
// The same for a document already in memory; `name` stands for the file in diagnostics.
LoadResult<Profile> load_profile_text(std::string name, std::string text,
                                      const ProfileLoadOptions& options = {});

// Lookups by role (docs/SCENARIO-LANGUAGE.md, "roles, not names"); nullptr when no entry plays it.
const Server* server_with_role(const Profile& profile, std::string_view role);
const User* user_with_role(const Profile& profile, std::string_view role);
const Mailbox* mailbox_with_role(const Profile& profile, std::string_view role);
const Server* server_with_id(const Profile& profile, std::string_view id);

}  // namespace referee::profile
