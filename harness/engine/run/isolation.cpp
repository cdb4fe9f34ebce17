#include "harness/engine/run/isolation.hpp"

#include <algorithm>
#include <optional>

#include "harness/engine/match/profile_roles.hpp"
#include "harness/engine/match/response_match.hpp"
#include "harness/engine/run/plain_session.hpp"
#include "harness/imap/command_syntax.hpp"
#include "harness/imap/untagged.hpp"

namespace referee::engine {
namespace {

constexpr const char* setup_client = "setup";
constexpr const char* teardown_client = "teardown";

// A new connection as the test-mailbox creator on the server holding the test mailboxes,
// logged in; `id` names it ("setup", "teardown"). Failures are scenario errors naming the
// server, the user and the server's answer.
boost::asio::awaitable<ClientSession*> open_session(ScenarioContext& context, std::string id) {
  const TestMailboxPlan& plan = context.test_mailboxes;
  if (!plan.problem.empty()) {
    context.checks.scenario_error(id + ": cannot name test mailboxes: " + plan.problem);
    co_return nullptr;
  }
  ClientSession& session = context.add_client(id, *plan.server);
  auto deadline = context.deadline(std::nullopt);
  bool opened = co_await session.open(context.endpoint(*plan.server, plan.tls), deadline);
  if (!opened) {
    context.checks.scenario_error(id + " on server " + plan.server->id + ": " + session.open_failure());
    co_return nullptr;
  }
  CommandRun login = co_await session.login(plan.creator->login, plan.creator->password,
                                            scenario::LoginMethod::login, deadline);
  if (!login.tagged || login.tagged->status != imap::Status::ok) {
    context.checks.scenario_error(id + " on server " + plan.server->id + ": login as " +
                                  plan.creator->login + " failed: " +
                                  (login.tagged ? one_line(*login.tagged) : login.failure));
    co_return nullptr;
  }
  co_return &session;
}

// `root` itself or a mailbox below it: "root/x", never "root-r1" (another repetition's).
bool is_at_or_below(const std::string& mailbox, const std::string& root,
                    std::optional<char> delimiter) {
  if (mailbox == root) return true;
  return delimiter && mailbox.size() > root.size() + 1 && mailbox.starts_with(root) &&
         mailbox[root.size()] == *delimiter;
}

// Mailboxes at or below ${test.mailbox}, deepest first.
boost::asio::awaitable<std::vector<std::string>> existing_test_mailboxes(ScenarioContext& context,
                                                                        ClientSession& session) {
  const std::string& root = *context.variables.find("test.mailbox");
  std::vector<scenario::SendPart> list{std::string("LIST \"\" "), mailbox_argument(root + "*")};
  CommandRun run = co_await session.run(list, context.deadline(std::nullopt));
  std::vector<std::string> names;
  for (std::size_t i = run.pool_begin; i < run.pool_end; ++i) {
    session.pool()[i].consumed = true;
    auto entry = imap::as_list(session.pool()[i].response);
    if (entry && is_at_or_below(entry->mailbox, root, entry->delimiter)) {
      names.push_back(entry->mailbox);
    }
  }
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  co_return names;
}

boost::asio::awaitable<void> delete_all(ScenarioContext& context, ClientSession& session) {
  std::vector<std::string> names = co_await existing_test_mailboxes(context, session);
  for (const auto& name : names) {
    std::vector<scenario::SendPart> command{std::string("DELETE "), mailbox_argument(name)};
    co_await session.run(command, context.deadline(std::nullopt));
  }
}

boost::asio::awaitable<bool> run_or_fail(ScenarioContext& context, ClientSession& session,
                                         const std::vector<scenario::SendPart>& command) {
  CommandRun run = co_await session.run(command, context.deadline(std::nullopt));
  if (run.tagged && run.tagged->status == imap::Status::ok) co_return true;
  context.checks.scenario_error("setup on server " + session.server_id() + " as " +
                                context.test_mailboxes.creator->login + ": " + run.name +
                                " failed: " + (run.tagged ? one_line(*run.tagged) : run.failure));
  co_return false;
}

boost::asio::awaitable<void> create_and_seed(ScenarioContext& context, ClientSession& session,
                                             const scenario::SetupMailbox& mailbox) {
  auto name = context.variables.substitute(mailbox.name);
  if (!name) {
    context.checks.scenario_error(name.error().message);
    co_return;
  }
  std::vector<scenario::SendPart> create{std::string("CREATE "), mailbox_argument(*name)};
  bool created = co_await run_or_fail(context, session, create);
  if (!created) co_return;
  for (unsigned i = 1; i <= mailbox.messages; ++i) {
    std::vector<scenario::SendPart> append{
        std::string("APPEND "), mailbox_argument(*name), std::string(" "),
        scenario::LiteralPart{.bytes = seed_message(context.scenario.id, i, mailbox.messages)}};
    bool appended = co_await run_or_fail(context, session, append);
    if (!appended) co_return;
  }
}

}  // namespace

std::string seed_message(std::string_view scenario_id, unsigned index, unsigned count) {
  std::string number = std::to_string(index);
  return "From: Referee <referee@example.invalid>\r\n"
         "To: Referee <referee@example.invalid>\r\n"
         "Subject: Referee seed message " + number + " of " + std::to_string(count) + "\r\n"
         "Message-ID: <seed-" + number + "@referee.invalid>\r\n"
         "\r\n"
         "Seed message " + number + " for " + std::string(scenario_id) + ".\r\n";
}

boost::asio::awaitable<void> prepare_test_mailboxes(ScenarioContext& context) {
  ClientSession* session = co_await open_session(context, setup_client);
  if (session == nullptr) co_return;
  co_await delete_all(context, *session);  // left over by an interrupted run
  for (const auto& mailbox : context.scenario.setup->mailboxes) {
    if (context.stopped()) co_return;
    co_await create_and_seed(context, *session, mailbox);
  }
}

boost::asio::awaitable<void> remove_test_mailboxes(ScenarioContext& context) {
  // The scenario's clients are gone by now: none has a test mailbox selected, so a server
  // that refuses to delete a selected mailbox (RFC 2180 §3.1) deletes it now.
  ClientSession* session = co_await open_session(context, teardown_client);
  if (session == nullptr) co_return;
  co_await delete_all(context, *session);
  co_await session->logout(context.deadline(std::nullopt));
}

}  // namespace referee::engine
