#include "harness/engine/doctor/preflight.hpp"

#include "harness/engine/doctor/hints.hpp"
#include "harness/engine/match/profile_roles.hpp"

namespace referee::engine {
namespace {

constexpr std::string_view unreachable_prefix = "unreachable: ";

const ServerNamespace* failed_login(const std::vector<ServerNamespace>& namespaces,
                                    const std::string& server, const std::string& user) {
  for (const auto& space : namespaces) {
    if (space.login_failed && space.server == server && space.user == user) return &space;
  }
  return nullptr;
}

}  // namespace

std::optional<std::string> gate_on_preflight(const profile::Profile& profile,
                                             const scenario::Scenario& scenario,
                                             const std::vector<ServerNamespace>& namespaces) {
  for (const auto& spec : scenario.clients) {
    // Discovery logs in with LOGIN: only a client that does too is sure to fail the same way
    // (a server may refuse LOGIN and accept AUTHENTICATE).
    if (spec.login != scenario::LoginMethod::login || !spec.user_role) continue;
    const profile::Server* server = find_server(profile, spec.server_role);
    const profile::User* user = find_user(profile, *spec.user_role);
    if (server == nullptr || user == nullptr) continue;
    if (const auto* failed = failed_login(namespaces, server->id, user->id)) {
      return "preflight: " + failed->problem;
    }
  }
  return std::nullopt;
}

std::string unreachable_servers(const profile::Profile& profile,
                                const std::vector<ServerInfo>& servers) {
  std::string problems;
  for (const auto& info : servers) {
    if (!info.greeting.starts_with(unreachable_prefix)) continue;
    const profile::Server* server = find_server(profile, info.id);
    const std::string failure = info.greeting.substr(unreachable_prefix.size());
    if (!problems.empty()) problems += '\n';
    problems += server ? unreachable_hint(*server, failure)
                       : "server " + info.id + " (" + info.address + ") " + info.greeting;
  }
  return problems;
}

}  // namespace referee::engine
