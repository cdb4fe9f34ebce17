#pragma once
// Internal to the profile loader: reading <launch>, <reset> and <stop>, expanding ${NAME} and
// making relative paths absolute against the profile's directory.
#include <filesystem>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "harness/profile/model.hpp"
#include "harness/profile/profile_loader.hpp"
#include "harness/scenario/xml_file.hpp"

namespace referee::profile::detail {

struct HookContext {
  const scenario::XmlFile& file;
  Diagnostics& diagnostics;
  std::filesystem::path profile_directory;   // absolute
  const ProfileLoadOptions& options;
};

// `kind` is "launch", "reset" or "stop" (messages and the attributes each allows).
Hook read_hook(const HookContext& context, pugi::xml_node node, std::string_view kind);

}  // namespace referee::profile::detail
