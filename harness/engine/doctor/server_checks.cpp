#include "harness/engine/doctor/server_checks.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "harness/engine/doctor/hints.hpp"
#include "harness/engine/match/profile_roles.hpp"
#include "harness/engine/match/response_match.hpp"

namespace referee::engine {
namespace {

bool plays(const profile::Server& server, std::string_view role) {
  return std::find(server.roles.begin(), server.roles.end(), role) != server.roles.end();
}

// "A1 OK [CAPABILITY …] Logged in" -> "A1 OK Logged in": the capabilities get their own line.
std::string without_capabilities(std::string answer) {
  const auto start = answer.find("[CAPABILITY ");
  const auto end = start == std::string::npos ? start : answer.find("] ", start);
  if (end != std::string::npos) answer.erase(start, end + 2 - start);
  return answer;
}

DoctorCheck reach_check(const profile::Server& server, const std::string& summary) {
  return DoctorCheck{.kind = "reach", .server = server.id, .subject = server.id, .summary = summary};
}

// BYE at greeting: a retired server's login referral names where to go, else nobody gets in.
DoctorCheck bye_check(const DoctorContext& context, const profile::Server& server,
                      const ClientSession& session, const std::string& address) {
  const std::string greeting = one_line(*session.greeting());
  DoctorCheck check = reach_check(server, address + ": " + greeting);
  if (!plays(server, "retired")) {
    check.verdict = DoctorVerdict::fail;
    check.hint = bye_greeting_hint(server, greeting);
    return check;
  }
  const auto& code = session.greeting()->code;
  auto urls = code && code->is("REFERRAL") ? code->referral_urls() : std::vector<std::string>{};
  if (urls.empty() || referred_server(context.profile, urls.front()) == nullptr) {
    check.verdict = DoctorVerdict::warn;
    check.hint = fmt::format("server {} ({}) plays retired, but its BYE names no server of the "
                             "profile; add the server it means, or a <referral-name> for it",
                             server.id, profile_location(server.where));
  }
  return check;
}

}  // namespace

boost::asio::awaitable<void> check_server(DoctorContext& context, const profile::Server& server) {
  auto session = context.session("doctor", server);
  const std::string address = fmt::format("{} (tls={})", profile_endpoint(server).describe(),
                                          net::to_string(profile_endpoint(server).tls));
  const bool opened = co_await session->open(profile_endpoint(server), context.deadline());
  if (!opened) {
    DoctorCheck check = reach_check(server, address + ": " + session->open_failure());
    check.verdict = DoctorVerdict::fail;
    check.hint = unreachable_hint(server, session->open_failure());
    context.dead_servers.emplace(server.id, "is unreachable");
    context.add(std::move(check));
    co_return;
  }
  if (session->greeting()->status == imap::Status::bye) {
    context.add(bye_check(context, server, *session, address));
    context.dead_servers.emplace(server.id, "greets with BYE");
    session->close();
    co_return;
  }
  context.add(reach_check(server, address + ": " + one_line(*session->greeting())));
  std::string capabilities = co_await capabilities_of(*session, context.deadline(), false);
  context.capabilities_before[server.id] = session->capabilities().value_or(std::vector<std::string>{});
  DoctorCheck listed{.kind = "capabilities", .server = server.id, .subject = server.id + " before login",
                     .summary = capabilities};
  if (capabilities.empty()) {
    listed.verdict = DoctorVerdict::warn;
    listed.summary = "no CAPABILITY answer";
    listed.hint = fmt::format("server {}: CAPABILITY (RFC 3501 §6.1.1) gave nothing; scenarios "
                              "that require a capability will be not applicable", server.id);
  }
  context.add(std::move(listed));
  co_await log_out(*session, context.deadline());
}

boost::asio::awaitable<void> check_home_logins(DoctorContext& context, const profile::Server& server) {
  for (const auto& user : context.profile.users) {
    if (user.home_server != server.id) continue;
    DoctorCheck check{.kind = "login", .server = server.id, .user = user.id,
                      .subject = user.id + "@" + server.id};
    if (auto skip = context.skip_reason(server)) {
      check.verdict = DoctorVerdict::skipped;
      check.summary = *skip;
      context.add(std::move(check));
      continue;
    }
    auto session = context.session("doctor", server);
    LoginAttempt attempt = co_await attempt_login(*session, server, user, context.deadline());
    context.remember(server, user, attempt);
    check.summary = "LOGIN \"" + user.login + "\": " + without_capabilities(attempt.answer);
    check.verdict = attempt.stage == LoginStage::logged_in ? DoctorVerdict::ok : DoctorVerdict::fail;
    check.hint = attempt.hint;
    context.add(std::move(check));
    if (attempt.stage == LoginStage::logged_in) {
      std::string after = co_await capabilities_of(*session, context.deadline(), true);
      context.add({.kind = "capabilities", .server = server.id, .user = user.id,
                   .subject = server.id + " as " + user.id, .summary = after});
    }
    co_await log_out(*session, context.deadline());
  }
}

}  // namespace referee::engine
