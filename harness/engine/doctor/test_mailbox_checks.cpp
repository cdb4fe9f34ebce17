#include "harness/engine/doctor/test_mailbox_checks.hpp"

#include <fmt/format.h>

#include "harness/engine/doctor/hints.hpp"
#include "harness/engine/match/response_match.hpp"
#include "harness/engine/match/test_mailbox_names.hpp"
#include "harness/engine/run/run_teardown.hpp"

namespace referee::engine {
namespace {

using Parts = std::vector<scenario::SendPart>;

// "" when `verb name` succeeded, else "VERB \"name\": answer".
boost::asio::awaitable<std::string> try_command(ClientSession& session, const std::string& verb,
                                                const std::string& name, net::Deadline deadline) {
  const Parts command{verb + " ", mailbox_argument(name)};
  CommandRun run = co_await session.run(command, deadline);
  if (run.tagged && run.tagged->status == imap::Status::ok) co_return std::string();
  co_return fmt::format("{} \"{}\": {}", verb, name, run.tagged ? one_line(*run.tagged) : run.failure);
}

// CREATE then DELETE `name` as the area's creator; "" when both worked, else the hint.
boost::asio::awaitable<std::string> create_and_delete(DoctorContext& context, const TestArea& area,
                                                      const std::string& name) {
  auto session = context.session("doctor", *area.server);
  LoginAttempt attempt = co_await attempt_login(*session, *area.server, *area.creator, context.deadline());
  context.remember(*area.server, *area.creator, attempt);
  std::string hint = attempt.hint;
  if (attempt.stage == LoginStage::logged_in) {
    std::string refused = co_await try_command(*session, "CREATE", name, context.deadline());
    if (refused.empty()) refused = co_await try_command(*session, "DELETE", name, context.deadline());
    if (!refused.empty()) hint = test_mailbox_hint(context.profile, *area.server, *area.creator, refused);
  }
  co_await log_out(*session, context.deadline());
  co_return hint;
}

boost::asio::awaitable<void> check_area(DoctorContext& context, TestArea& area,
                                        const std::string& run_id) {
  const std::string name = join_mailbox(area.prefix, area.delimiter, test_leaf(run_id, "doctor", 0));
  DoctorCheck check{.kind = "test-mailbox", .server = area.server->id, .user = area.creator->id,
                    .subject = area.server->id + " as " + area.creator->id};
  if (auto skip = context.skip_reason(*area.server, area.creator)) {
    check.verdict = DoctorVerdict::skipped;
    check.summary = *skip;
    context.add(std::move(check));
    co_return;
  }
  co_await survey_test_area(context.executor, area, context.tls_context, context.timeout);
  check.hint = co_await create_and_delete(context, area, name);
  check.summary = check.hint.empty() ? fmt::format("CREATE and DELETE \"{}\" as {}", name, area.creator->login)
                                     : fmt::format("could not CREATE and DELETE \"{}\"", name);
  if (!check.hint.empty()) check.verdict = DoctorVerdict::fail;
  // Always clean up: this run's leftovers, and the prefix when this check created it.
  auto problems = co_await remove_run_leftovers(context.executor, area, run_id, context.tls_context,
                                                context.timeout);
  if (!problems.empty() && check.verdict == DoctorVerdict::ok) {
    check.verdict = DoctorVerdict::fail;
    check.hint = test_mailbox_hint(context.profile, *area.server, *area.creator, problems.front().message);
  }
  context.add(std::move(check));
}

}  // namespace

boost::asio::awaitable<void> check_test_mailboxes(DoctorContext& context,
                                                  const std::vector<scenario::Scenario>& scenarios,
                                                  const std::vector<ServerNamespace>& namespaces,
                                                  const std::string& run_id) {
  if (!context.profile.destructive_allowed) {
    context.add({.kind = "test-mailbox", .subject = "every server", .verdict = DoctorVerdict::skipped,
                 .summary = fmt::format("<test-mailboxes destructive=\"false\"> in {}: no scenario "
                                        "creates mailboxes, so none was tried (those scenarios are not "
                                        "applicable)", context.profile.file)});
    co_return;
  }
  std::vector<TestArea> areas = test_areas(context.profile, scenarios, namespaces, run_id);
  for (auto& area : areas) co_await check_area(context, area, run_id);
}

}  // namespace referee::engine
