#include "harness/engine/doctor/doctor_context.hpp"

#include <algorithm>

#include "harness/engine/match/profile_roles.hpp"
#include "harness/imap/imap_url.hpp"
#include "harness/imap/value.hpp"

namespace referee::engine {

std::unique_ptr<ClientSession> DoctorContext::session(const std::string& client,
                                                      const profile::Server& server) {
  return std::make_unique<ClientSession>(
      executor, SessionOptions{.client = client, .server_id = server.id, .tls_context = tls_context});
}

std::optional<std::string> DoctorContext::skip_reason(const profile::Server& server,
                                                      const profile::User* user) const {
  if (auto dead = dead_servers.find(server.id); dead != dead_servers.end()) {
    return "server " + server.id + " " + dead->second + " (above)";
  }
  if (user == nullptr) return std::nullopt;
  if (failed_logins.contains({server.id, user->id})) {
    return "login of " + user->id + " on " + server.id + " failed (above)";
  }
  return std::nullopt;
}

void DoctorContext::remember(const profile::Server& server, const profile::User& user,
                             const LoginAttempt& attempt) {
  if (attempt.stage == LoginStage::unreachable) dead_servers.emplace(server.id, "is unreachable");
  if (attempt.stage == LoginStage::refused) failed_logins.emplace(std::pair{server.id, user.id}, attempt.hint);
}

const profile::Server* referred_server(const profile::Profile& profile, std::string_view url) {
  auto parsed = imap::parse_imap_url(url);
  return parsed ? server_for_url(profile, *parsed) : nullptr;
}

bool DoctorContext::announced_before(const profile::Server& server,
                                     std::string_view capability) const {
  auto found = capabilities_before.find(server.id);
  if (found == capabilities_before.end()) return false;
  return std::any_of(found->second.begin(), found->second.end(),
                     [&](const std::string& name) { return imap::iequals(name, capability); });
}

bool announces(const ClientSession& session, std::string_view capability) {
  const auto& capabilities = session.capabilities();
  return capabilities && std::any_of(capabilities->begin(), capabilities->end(), [&](const std::string& name) {
           return imap::iequals(name, capability);
         });
}

boost::asio::awaitable<std::string> capabilities_of(ClientSession& session, net::Deadline deadline,
                                                    bool ask_again) {
  if (ask_again || !session.capabilities()) {
    const std::vector<scenario::SendPart> capability{std::string("CAPABILITY")};
    CommandRun asked = co_await session.run(capability, deadline);
    (void)asked;
  }
  std::string joined;
  for (const auto& name : session.capabilities().value_or(std::vector<std::string>{})) {
    joined += (joined.empty() ? "" : " ") + name;
  }
  co_return joined;
}

boost::asio::awaitable<void> log_out(ClientSession& session, net::Deadline deadline) {
  if (!session.is_closed()) co_await session.logout(deadline);
  session.close();
}

}  // namespace referee::engine
