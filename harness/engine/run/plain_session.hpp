#pragma once
// Connections the run makes outside any scenario (namespace discovery, the run-level teardown,
// `referee doctor`): a profile server, reached as the profile says, logged in with LOGIN.

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

// Opens `session` to `server` and logs in as `user`. Returns "" on success, else what went
// wrong in one line (no greeting and why, or the server's answer to LOGIN).
boost::asio::awaitable<std::string> open_and_login(ClientSession& session,
                                                   const profile::Server& server,
                                                   const profile::User& user,
                                                   net::Deadline deadline);

}  // namespace referee::engine
