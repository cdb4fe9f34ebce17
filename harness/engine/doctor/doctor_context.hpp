#pragma once
// What the doctor's checks share while they run: the profile, one executor, the checks so far,
// and what already failed, so that a later check on a dead server or a refused login says
// "skipped" instead of failing a second time for the same cause.

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>

#include "harness/engine/doctor/doctor_check.hpp"
#include "harness/engine/run/client_session.hpp"
#include "harness/engine/run/plain_session.hpp"
#include "harness/profile/model.hpp"

namespace referee::engine {

struct DoctorContext {
  boost::asio::any_io_executor executor;
  const profile::Profile& profile;
  std::shared_ptr<boost::asio::ssl::context> tls_context;
  std::chrono::milliseconds timeout{5000};
  std::vector<DoctorCheck> checks;
  std::map<std::string, std::string> dead_servers;                       // id -> why
  std::map<std::pair<std::string, std::string>, std::string> failed_logins;  // (server, user) -> why
  std::map<std::string, std::vector<std::string>> capabilities_before;  // server id -> before login

  net::Deadline deadline() const { return net::deadline_after(timeout); }
  std::unique_ptr<ClientSession> session(const std::string& client, const profile::Server& server);
  // Why a check on `server` (as `user`, when given) is pointless: the cause already reported.
  std::optional<std::string> skip_reason(const profile::Server& server,
                                         const profile::User* user = nullptr) const;
  // Remembers a failed login attempt (unreachable or refused) for skip_reason.
  void remember(const profile::Server& server, const profile::User& user, const LoginAttempt& attempt);
  // Whether `server` announced `capability` before login (check_server asked).
  bool announced_before(const profile::Server& server, std::string_view capability) const;
  void add(DoctorCheck check) { checks.push_back(std::move(check)); }
};

// Sends CAPABILITY unless the session already knows them (greeting or a response code),
// and returns them space-separated; "" when the server gave none.
boost::asio::awaitable<std::string> capabilities_of(ClientSession& session, net::Deadline deadline,
                                                    bool ask_again);

// The profile server a referral URL names; nullptr when it does not parse or names none.
const profile::Server* referred_server(const profile::Profile& profile, std::string_view url);

bool announces(const ClientSession& session, std::string_view capability);

// LOGOUT and close, ignoring what the server says.
boost::asio::awaitable<void> log_out(ClientSession& session, net::Deadline deadline);

}  // namespace referee::engine
