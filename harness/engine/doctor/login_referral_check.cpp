#include "harness/engine/doctor/login_referral_check.hpp"

#include <fmt/format.h>

#include "harness/engine/doctor/hints.hpp"
#include "harness/engine/match/profile_roles.hpp"

namespace referee::engine {
namespace {

// What the referral of a logged-in attempt says about the user's home.
void judge_referral(const DoctorContext& context, const profile::User& user,
                    const LoginAttempt& attempt, DoctorCheck& check) {
  const profile::Server* target = referred_server(context.profile, attempt.referral.value_or(""));
  if (target == nullptr) {
    check.verdict = DoctorVerdict::fail;
    check.hint = fmt::format("the referral URL \"{}\" names no server of the profile (Referee never "
                             "follows it): add a <referral-name> for its host:port to server {} "
                             "({}), or the server itself",
                             attempt.referral.value_or(""), user.home_server, context.profile.file);
  } else if (target->id != user.home_server) {
    check.verdict = DoctorVerdict::warn;
    check.hint = fmt::format("user {} ({}) has home=\"{}\", but the referral leads to server {}: "
                             "set home=\"{}\"",
                             user.id, profile_location(user.where), user.home_server, target->id,
                             target->id);
  }
}

}  // namespace

boost::asio::awaitable<void> check_login_referral(DoctorContext& context) {
  const profile::User* user = find_user(context.profile, "homed-elsewhere");
  const profile::Server* main = find_server(context.profile, "main");
  if (user == nullptr || main == nullptr) co_return;
  DoctorCheck check{.kind = "login-referral", .server = main->id, .user = user->id,
                    .subject = user->id + "@" + main->id};
  if (auto skip = context.skip_reason(*main)) {
    check.verdict = DoctorVerdict::skipped;
    check.summary = *skip;
    context.add(std::move(check));
    co_return;
  }
  auto session = context.session("doctor", *main);
  LoginAttempt attempt = co_await attempt_login(*session, *main, *user, context.deadline());
  check.summary = "LOGIN \"" + user->login + "\": " + attempt.answer;
  if (!context.announced_before(*main, "LOGIN-REFERRALS")) {
    check.verdict = DoctorVerdict::skipped;
    check.summary = main->id + " does not announce LOGIN-REFERRALS (RFC 2221 §3): the "
                    "login-referral scenarios are not applicable; " + check.summary;
  } else if (attempt.referral) {
    judge_referral(context, *user, attempt, check);
  } else {
    check.verdict = attempt.stage == LoginStage::logged_in ? DoctorVerdict::warn : DoctorVerdict::fail;
    check.hint = attempt.stage == LoginStage::logged_in
                     ? fmt::format("server {} lets user {} ({}) in without a referral: is {} really "
                                   "homed elsewhere? give the role to a user homed on another server",
                                   main->id, user->id, profile_location(user->where), user->login)
                     : login_refused_hint(*user, *main, attempt.answer);
  }
  context.add(std::move(check));
  co_await log_out(*session, context.deadline());
}

}  // namespace referee::engine
