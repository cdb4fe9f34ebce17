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

// Without a referral: what the answer says about the profile.
void judge_unreferred(const profile::Server& main,
                      const profile::User& user, const std::string& role,
                      const LoginAttempt& attempt, DoctorCheck& check) {
  const bool logged_in = attempt.stage == LoginStage::logged_in;
  if (!logged_in) {
    check.verdict = DoctorVerdict::fail;
    check.hint = login_refused_hint(user, main, attempt.answer);
  } else if (role == "reads-public-here") {
    // RFC 2221 §4: the OK form is a MAY; the scenario reports its absence as info.
    check.verdict = DoctorVerdict::warn;
    check.hint = fmt::format("server {} lets user {} ({}) in without OK [REFERRAL]: "
                             "rfc2221/4/ok-referral-public-mailboxes will report info; if {} is "
                             "homed on {}, give the role to a user homed elsewhere who may read "
                             "public mailboxes here",
                             main.id, user.id, profile_location(user.where), user.login, main.id);
  } else {
    check.verdict = DoctorVerdict::warn;
    check.hint = fmt::format("server {} lets user {} ({}) in without a referral: is {} really "
                             "homed elsewhere? give the role {} to a user homed on another server",
                             main.id, user.id, profile_location(user.where), user.login, role);
  }
}

// reads-public-here expects OK [REFERRAL] (RFC 2221 §4): a NO [REFERRAL] means the user may
// not read anything here, which the scenario reports as info.
void judge_public_refusal(const profile::Server& main, const profile::User& user,
                          const LoginAttempt& attempt, DoctorCheck& check) {
  if (attempt.stage == LoginStage::logged_in || check.verdict != DoctorVerdict::ok) return;
  check.verdict = DoctorVerdict::warn;
  check.hint = fmt::format("server {} refers user {} ({}) away with a tagged NO, not OK "
                           "[REFERRAL]: rfc2221/4/ok-referral-public-mailboxes will report info; "
                           "give the role reads-public-here to a user who may read public "
                           "mailboxes on {}",
                           main.id, user.id, profile_location(user.where), main.id);
}

boost::asio::awaitable<void> check_role(DoctorContext& context, const profile::Server& main,
                                        const std::string& role) {
  const profile::User* user = find_user(context.profile, role);
  if (user == nullptr) co_return;
  DoctorCheck check{.kind = "login-referral", .server = main.id, .user = user->id,
                    .subject = user->id + "@" + main.id};
  if (auto skip = context.skip_reason(main)) {
    check.verdict = DoctorVerdict::skipped;
    check.summary = *skip;
    context.add(std::move(check));
    co_return;
  }
  auto session = context.session("doctor", main);
  LoginAttempt attempt = co_await attempt_login(*session, main, *user, context.deadline());
  check.summary = role + " \"" + user->login + "\": " + attempt.answer;
  if (!context.announced_before(main, "LOGIN-REFERRALS")) {
    check.verdict = DoctorVerdict::skipped;
    check.summary = main.id + " does not announce LOGIN-REFERRALS (RFC 2221 §3): the "
                    "login-referral scenarios are not applicable; " + check.summary;
  } else if (attempt.referral) {
    judge_referral(context, *user, attempt, check);
    if (role == "reads-public-here") judge_public_refusal(main, *user, attempt, check);
  } else {
    judge_unreferred(main, *user, role, attempt, check);
  }
  context.add(std::move(check));
  co_await log_out(*session, context.deadline());
}

}  // namespace

boost::asio::awaitable<void> check_login_referral(DoctorContext& context) {
  const profile::Server* main = find_server(context.profile, "main");
  if (main == nullptr) co_return;
  // Named: g++ 12 and temporaries across co_await.
  const std::vector<std::string> roles{"homed-elsewhere", "homed-elsewhere-reserved-login",
                                       "reads-public-here"};
  for (const std::string& role : roles) co_await check_role(context, *main, role);
}

}  // namespace referee::engine
