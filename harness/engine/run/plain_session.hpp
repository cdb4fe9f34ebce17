#pragma once
// Connections the run makes outside any scenario (namespace discovery, the run-level teardown,
// `referee doctor`): a profile server, reached as the profile says, logged in with LOGIN.

#include <optional>
#include <string>

#include <boost/asio/awaitable.hpp>

#include "harness/engine/run/client_session.hpp"
#include "harness/net/endpoint.hpp"
#include "harness/profile/model.hpp"

namespace referee::engine {

// A mailbox name as a command argument: quoted when it can be, else a literal.
scenario::SendPart mailbox_argument(const std::string& name);

// The server's address and TLS mode as the profile gives them.
net::Endpoint profile_endpoint(const profile::Server& server);

// How far opening a connection and logging in got.
enum class LoginStage {
  unreachable,  // no greeting: refused, timed out, TLS handshake failed
  bye,          // greeted with BYE (a retired server, RFC 2221 §4.2)
  refused,      // LOGIN answered NO or BAD without a referral, or not at all
  referred,     // LOGIN answered with [REFERRAL url] (RFC 2221 §4.1)
  logged_in,    // LOGIN answered OK (perhaps with an OK [REFERRAL], RFC 2221 §4)
};

struct LoginAttempt {
  LoginStage stage = LoginStage::unreachable;
  std::string answer;  // one line: why no greeting, the BYE greeting, or the answer to LOGIN
  std::string hint;    // doctor/hints.hpp text when not logged in; "" when logged in
  std::optional<std::string> referral;  // the first referral URL of the answer
};

// Opens `session` to `server` and logs in as `user`, reporting how far it got.
boost::asio::awaitable<LoginAttempt> attempt_login(ClientSession& session,
                                                   const profile::Server& server,
                                                   const profile::User& user,
                                                   net::Deadline deadline);

// The same; "" on success, else the attempt's hint.
boost::asio::awaitable<std::string> open_and_login(ClientSession& session,
                                                   const profile::Server& server,
                                                   const profile::User& user,
                                                   net::Deadline deadline);

}  // namespace referee::engine
