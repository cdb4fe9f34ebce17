#include "harness/engine/doctor/mailbox_checks.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "harness/engine/doctor/hints.hpp"
#include "harness/engine/match/profile_roles.hpp"
#include "harness/engine/match/response_match.hpp"
#include "harness/imap/untagged.hpp"
#include "harness/imap/value.hpp"

namespace referee::engine {
namespace {

using Parts = std::vector<scenario::SendPart>;

// Who looks: the user scenarios reach mailboxes with, else someone who lives there.
const profile::User* viewer_for(const profile::Profile& profile, const profile::Server& server) {
  if (const profile::User* local = find_user(profile, "local")) return local;
  for (const auto& user : profile.users) {
    if (user.home_server == server.id) return &user;
  }
  return profile.users.empty() ? nullptr : &profile.users.front();
}

std::string roles_of(const profile::Mailbox& mailbox) {
  std::string roles;
  for (const auto& role : mailbox.roles) roles += (roles.empty() ? "" : " ") + role;
  return roles;
}

// The LIST entry for exactly `name`, if the server shows one that exists.
boost::asio::awaitable<std::optional<imap::ListEntry>> listed(ClientSession& session,
                                                              const std::string& name,
                                                              net::Deadline deadline) {
  const Parts command{std::string("LIST \"\" "), mailbox_argument(name)};
  CommandRun run = co_await session.run(command, deadline);
  for (std::size_t i = run.pool_begin; i < run.pool_end; ++i) {
    auto entry = imap::as_list(session.pool()[i].response);
    if (!entry || entry->mailbox != name) continue;
    bool missing = std::any_of(entry->attributes.begin(), entry->attributes.end(),
                               [](const std::string& a) { return imap::iequals(a, "\\NonExistent"); });
    if (!missing) co_return entry;
  }
  co_return std::nullopt;
}

boost::asio::awaitable<CommandRun> status(ClientSession& session, const std::string& name,
                                          net::Deadline deadline) {
  const Parts command{std::string("STATUS "), mailbox_argument(name), std::string(" (MESSAGES)")};
  co_return co_await session.run(command, deadline);
}

std::string answer_of(const CommandRun& run) {
  return run.tagged ? one_line(*run.tagged) : run.failure;
}

bool succeeded(const CommandRun& run) { return run.tagged && run.tagged->status == imap::Status::ok; }

enum class Found { missing, hierarchy, selectable };

bool noselect(const imap::ListEntry& entry) {
  return std::any_of(entry.attributes.begin(), entry.attributes.end(),
                     [](const std::string& a) { return imap::iequals(a, "\\Noselect"); });
}

// On the mailbox's own server: it is listed, or at least answers STATUS.
boost::asio::awaitable<Found> check_on_home(DoctorContext& context, const profile::Mailbox& mailbox,
                                           const profile::Server& server, const profile::User& viewer,
                                           DoctorCheck& check) {
  auto session = context.session("doctor", server);
  LoginAttempt attempt = co_await attempt_login(*session, server, viewer, context.deadline());
  context.remember(server, viewer, attempt);
  Found found = Found::missing;
  if (attempt.stage != LoginStage::logged_in) {
    check.verdict = DoctorVerdict::fail;
    check.summary = "cannot look as " + viewer.id + ": " + attempt.answer;
    check.hint = attempt.hint;
  } else if (auto entry = co_await listed(*session, mailbox.name, context.deadline())) {
    std::string attributes;
    for (const auto& attribute : entry->attributes) attributes += (attributes.empty() ? "" : " ") + attribute;
    check.summary = fmt::format("LIST as {}: ({}) \"{}\"", viewer.id, attributes, mailbox.name);
    found = noselect(*entry) ? Found::hierarchy : Found::selectable;
  } else {
    CommandRun answered = co_await status(*session, mailbox.name, context.deadline());
    found = succeeded(answered) ? Found::selectable : Found::missing;
    check.summary = fmt::format("not listed; STATUS as {}: {}", viewer.id, answer_of(answered));
    if (found == Found::missing) {
      check.verdict = DoctorVerdict::fail;
      check.hint = missing_mailbox_hint(mailbox, answer_of(answered));
    }
  }
  co_await log_out(*session, context.deadline());
  co_return found;
}

// What STATUS on main answered for a mailbox the profile puts on `server`.
void judge_remote_answer(const DoctorContext& context, const profile::Mailbox& mailbox,
                         const profile::Server& main, const CommandRun& answered, DoctorCheck& check) {
  const auto& code = answered.tagged ? answered.tagged->code : std::nullopt;
  auto urls = code && code->is("REFERRAL") ? code->referral_urls() : std::vector<std::string>{};
  const profile::Server* target = urls.empty() ? nullptr : referred_server(context.profile, urls.front());
  const std::string where = profile_location(mailbox.where);
  if (urls.empty()) {
    check.verdict = DoctorVerdict::warn;
    check.hint = fmt::format("server {} announces MAILBOX-REFERRALS but does not refer \"{}\" ({}) "
                             "to server {}: the remote-mailbox scenarios will see no referral; is "
                             "server= right there?", main.id, mailbox.name, where, mailbox.server);
  } else if (target == nullptr) {
    check.verdict = DoctorVerdict::fail;
    check.hint = fmt::format("the referral \"{}\" names no server of the profile: add a "
                             "<referral-name> for its host:port to server {} ({})",
                             urls.front(), mailbox.server, context.profile.file);
  } else if (target->id != mailbox.server) {
    check.verdict = DoctorVerdict::fail;
    check.hint = fmt::format("mailbox \"{}\" ({}) says server=\"{}\", but {} refers to server {}: "
                             "set server=\"{}\"", mailbox.name, where, mailbox.server, main.id,
                             target->id, target->id);
  }
}

// RFC 2193 §4.1: STATUS of a remote mailbox on main may answer NO [REFERRAL url]; the URL
// must lead to the server the profile names for it.
boost::asio::awaitable<void> check_remote_referral(DoctorContext& context,
                                                   const profile::Mailbox& mailbox,
                                                   const profile::Server& main,
                                                   const profile::User& viewer) {
  DoctorCheck check{.kind = "mailbox-referral", .server = main.id, .user = viewer.id,
                    .subject = mailbox.name + " on " + main.id};
  if (auto skip = context.skip_reason(main, &viewer)) {
    check.verdict = DoctorVerdict::skipped;
    check.summary = *skip;
    context.add(std::move(check));
    co_return;
  }
  auto session = context.session("doctor", main);
  LoginAttempt attempt = co_await attempt_login(*session, main, viewer, context.deadline());
  context.remember(main, viewer, attempt);
  std::string capabilities;
  if (attempt.stage == LoginStage::logged_in) {
    capabilities = co_await capabilities_of(*session, context.deadline(), true);
  }
  if (attempt.stage != LoginStage::logged_in) {
    check.verdict = DoctorVerdict::fail;
    check.summary = "cannot look as " + viewer.id + ": " + attempt.answer;
    check.hint = attempt.hint;
  } else if (!announces(*session, "MAILBOX-REFERRALS")) {
    check.verdict = DoctorVerdict::skipped;
    check.summary = main.id + " does not announce MAILBOX-REFERRALS (RFC 2193 §3): no referral expected";
  } else {
    CommandRun answered = co_await status(*session, mailbox.name, context.deadline());
    check.summary = "STATUS as " + viewer.id + ": " + answer_of(answered);
    judge_remote_answer(context, mailbox, main, answered, check);
  }
  context.add(std::move(check));
  co_await log_out(*session, context.deadline());
}

}  // namespace

boost::asio::awaitable<void> check_mailboxes(DoctorContext& context) {
  const profile::Server* main = find_server(context.profile, "main");
  for (const auto& mailbox : context.profile.mailboxes) {
    const profile::Server* server = find_server(context.profile, mailbox.server);
    const profile::User* viewer = server ? viewer_for(context.profile, *server) : nullptr;
    if (server == nullptr || viewer == nullptr) continue;
    DoctorCheck check{.kind = "mailbox", .server = server->id, .user = viewer->id,
                      .subject = fmt::format("{} ({})", mailbox.name, roles_of(mailbox))};
    if (auto skip = context.skip_reason(*server, viewer)) {
      check.verdict = DoctorVerdict::skipped;
      check.summary = *skip;
      context.add(std::move(check));
      continue;
    }
    const Found found = co_await check_on_home(context, mailbox, *server, *viewer, check);
    context.add(std::move(check));
    // A hierarchy (\Noselect) has nothing STATUS could report: no referral to expect.
    if (found == Found::selectable && main != nullptr && main != server) {
      co_await check_remote_referral(context, mailbox, *main, *viewer);
    }
  }
}

}  // namespace referee::engine
