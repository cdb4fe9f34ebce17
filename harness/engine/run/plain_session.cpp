#include "harness/engine/run/plain_session.hpp"

#include "harness/engine/match/response_match.hpp"
#include "harness/imap/command_syntax.hpp"

namespace referee::engine {

scenario::SendPart mailbox_argument(const std::string& name) {
  if (imap::can_be_quoted(name)) return imap::quote(name);
  return scenario::LiteralPart{.bytes = name};
}

net::Endpoint profile_endpoint(const profile::Server& server) {
  net::TlsMode tls = server.tls == profile::Tls::implicit   ? net::TlsMode::implicit
                     : server.tls == profile::Tls::starttls ? net::TlsMode::starttls
                                                            : net::TlsMode::none;
  return net::Endpoint{.host = server.host, .port = server.port.value_or(143), .tls = tls};
}

boost::asio::awaitable<std::string> open_and_login(ClientSession& session,
                                                   const profile::Server& server,
                                                   const profile::User& user,
                                                   net::Deadline deadline) {
  const bool opened = co_await session.open(profile_endpoint(server), deadline);
  if (!opened) co_return "no greeting from " + server.id + ": " + session.open_failure();
  if (session.greeting()->status == imap::Status::bye) {
    co_return "server " + server.id + " greets with " + one_line(*session.greeting());
  }
  CommandRun login =
      co_await session.login(user.login, user.password, scenario::LoginMethod::login, deadline);
  if (login.tagged && login.tagged->status == imap::Status::ok) co_return std::string();
  co_return "login as " + user.login + " on " + server.id + " failed: " +
      (login.tagged ? one_line(*login.tagged) : login.failure);
}

}  // namespace referee::engine
