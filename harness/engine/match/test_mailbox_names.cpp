#include "harness/engine/match/test_mailbox_names.hpp"

#include <fmt/format.h>

namespace referee::engine {
namespace {

bool is_name_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// FNV-1a: a stable, short suffix for slugs that had to be cut.
std::uint32_t fnv1a(std::string_view text) {
  std::uint32_t hash = 2166136261u;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 16777619u;
  }
  return hash;
}

const profile::TestMailboxServer* test_server(const profile::Profile& profile,
                                              std::string_view server_id) {
  for (const auto& server : profile.test_servers) {
    if (server.server == server_id) return &server;
  }
  return nullptr;
}

}  // namespace

std::string scenario_slug(std::string_view scenario_id) {
  std::string slug;
  for (char c : scenario_id) {
    char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (is_name_character(lower)) {
      slug += lower;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.size() <= max_slug_length) return slug;
  std::string cut = slug.substr(0, max_slug_length - 9);
  while (!cut.empty() && cut.back() == '-') cut.pop_back();
  return fmt::format("{}-{:08x}", cut, fnv1a(scenario_id));
}

std::string test_leaf(std::string_view run_id, std::string_view scenario_id, unsigned repetition) {
  std::string leaf = scenario_slug(run_id) + "-" + scenario_slug(scenario_id);
  if (repetition > 0) leaf += "-r" + std::to_string(repetition);
  return leaf;
}

std::string test_prefix(const profile::Profile& profile, std::string_view server_id,
                        const ServerNamespace& space) {
  if (const auto* server = test_server(profile, server_id); server && server->prefix) {
    return *server->prefix;
  }
  if (profile.test_prefix) return *profile.test_prefix;
  std::string personal = space.personal_prefix;
  // "INBOX." already ends with its delimiter; a prefix written without it gets one.
  if (!personal.empty() && space.delimiter && personal.back() != *space.delimiter) {
    personal += *space.delimiter;
  }
  return personal + "referee-test";
}

std::string join_mailbox(std::string_view parent, std::optional<char> delimiter,
                         std::string_view child) {
  return std::string(parent) + delimiter.value_or('-') + std::string(child);
}

std::optional<std::string> test_creator_role(const profile::Profile& profile,
                                             std::string_view server_id) {
  const auto* server = test_server(profile, server_id);
  return server ? server->creator_role : std::nullopt;
}

}  // namespace referee::engine
