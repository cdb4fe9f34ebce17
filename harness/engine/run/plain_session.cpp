#include "harness/engine/run/plain_session.hpp"

#include "harness/engine/doctor/hints.hpp"
#include "harness/engine/match/response_match.hpp"
#include "harness/imap/response_code.hpp"
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

namespace {

std::optional<std::string> first_referral(const imap::Response& response) {
  if (!response.code || !response.code->is("REFERRAL")) return std::nullopt;
  auto urls = response.code->referral_urls();
  if (urls.empty()) return std::string();
  return urls.front();
}

// What LOGIN's answer means, and the hint when it is not a login.
LoginAttempt classify_login(const CommandRun& login, const profile::Server& server,
                            const profile::User& user) {
  LoginAttempt attempt{.stage = LoginStage::refused};
  attempt.answer = login.tagged ? one_line(*login.tagged) : login.failure;
  if (login.tagged) attempt.referral = first_referral(*login.tagged);
  if (login.tagged && login.tagged->status == imap::Status::ok) {
    attempt.stage = LoginStage::logged_in;
  } else if (attempt.referral) {
    attempt.stage = LoginStage::referred;
    // Expected for a user homed elsewhere; a problem only on the user's own home server.
    attempt.hint = user.home_server == server.id
                       ? home_referred_hint(user, server, attempt.answer)
                       : "the login of " + user.id + " on " + server.id + " is referred (home " +
                             user.home_server + "): " + attempt.answer;
  } else {
    attempt.hint = login_refused_hint(user, server, attempt.answer);
  }
  return attempt;
}

}  // namespace

boost::asio::awaitable<LoginAttempt> attempt_login(ClientSession& session,
                                                   const profile::Server& server,
                                                   const profile::User& user,
                                                   net::Deadline deadline) {
  const bool opened = co_await session.open(profile_endpoint(server), deadline);
  if (!opened) {
    co_return LoginAttempt{.stage = LoginStage::unreachable,
                           .answer = session.open_failure(),
                           .hint = unreachable_hint(server, session.open_failure())};
  }
  if (session.greeting()->status == imap::Status::bye) {
    const std::string greeting = one_line(*session.greeting());
    co_return LoginAttempt{.stage = LoginStage::bye,
                           .answer = greeting,
                           .hint = bye_greeting_hint(server, greeting),
                           .referral = first_referral(*session.greeting())};
  }
  CommandRun login =
      co_await session.login(user.login, user.password, scenario::LoginMethod::login, deadline);
  co_return classify_login(login, server, user);
}

boost::asio::awaitable<std::string> open_and_login(ClientSession& session,
                                                   const profile::Server& server,
                                                   const profile::User& user,
                                                   net::Deadline deadline) {
  LoginAttempt attempt = co_await attempt_login(session, server, user, deadline);
  co_return attempt.hint;
}

}  // namespace referee::engine
