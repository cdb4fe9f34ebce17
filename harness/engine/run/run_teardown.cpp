#include "harness/engine/run/run_teardown.hpp"

#include <algorithm>

#include "harness/engine/match/response_match.hpp"
#include "harness/engine/match/test_mailbox_names.hpp"
#include "harness/engine/run/plain_session.hpp"
#include "harness/engine/run/test_mailbox_plan.hpp"
#include "harness/imap/command_syntax.hpp"
#include "harness/imap/untagged.hpp"

namespace referee::engine {
namespace {

using Parts = std::vector<scenario::SendPart>;

struct Listed {
  std::string name;
  bool selectable_or_real = true;  // not \NonExistent
};

boost::asio::awaitable<std::vector<Listed>> list(ClientSession& session, const std::string& pattern,
                                                 net::Deadline deadline) {
  const Parts command{std::string("LIST \"\" "), mailbox_argument(pattern)};
  CommandRun run = co_await session.run(command, deadline);
  std::vector<Listed> names;
  for (std::size_t i = run.pool_begin; i < run.pool_end; ++i) {
    auto entry = imap::as_list(session.pool()[i].response);
    if (!entry) continue;
    bool nonexistent = std::any_of(entry->attributes.begin(), entry->attributes.end(),
                                   [](const std::string& a) { return imap::iequals(a, "\\NonExistent"); });
    names.push_back({entry->mailbox, !nonexistent});
  }
  co_return names;
}

std::size_t depth(const std::string& name, std::optional<char> delimiter) {
  return delimiter ? static_cast<std::size_t>(std::count(name.begin(), name.end(), *delimiter)) : 0;
}

boost::asio::awaitable<void> delete_one(ClientSession& session, const TestArea& area,
                                        const std::string& name, net::Deadline deadline,
                                        std::vector<RunProblem>& problems) {
  const Parts command{std::string("DELETE "), mailbox_argument(name)};
  CommandRun run = co_await session.run(command, deadline);
  if (run.tagged && run.tagged->status == imap::Status::ok) co_return;
  problems.push_back({area.server->id, area.creator->login,
                      "could not delete test mailbox \"" + name + "\": " +
                          (run.tagged ? one_line(*run.tagged) : run.failure)});
}

}  // namespace

std::vector<TestArea> test_areas(const profile::Profile& profile,
                                 const std::vector<scenario::Scenario>& scenarios,
                                 const std::vector<ServerNamespace>& namespaces,
                                 const std::string& run_id) {
  std::vector<TestArea> areas;
  for (const auto& scenario : scenarios) {
    if (!scenario.setup || scenario.setup->mailboxes.empty()) continue;  // subscriptions need no area
    TestMailboxPlan plan = plan_test_mailboxes(profile, scenario, namespaces, run_id, 0);
    if (!plan.problem.empty()) continue;
    bool known = std::any_of(areas.begin(), areas.end(), [&](const TestArea& area) {
      return area.server == plan.server && area.creator == plan.creator && area.prefix == plan.prefix;
    });
    if (!known) areas.push_back({plan.server, plan.creator, plan.prefix, plan.delimiter});
  }
  return areas;
}

boost::asio::awaitable<void> survey_test_area(boost::asio::any_io_executor executor, TestArea& area,
                                              std::shared_ptr<boost::asio::ssl::context> tls,
                                              std::chrono::milliseconds timeout) {
  ClientSession session(executor, SessionOptions{.client = "survey", .server_id = area.server->id,
                                                 .tls_context = std::move(tls)});
  const net::Deadline deadline = net::deadline_after(timeout);
  std::string problem = co_await open_and_login(session, *area.server, *area.creator, deadline);
  if (problem.empty()) {
    std::vector<Listed> found = co_await list(session, area.prefix, deadline);
    area.prefix_existed = std::any_of(found.begin(), found.end(), [&](const Listed& listed) {
      return listed.name == area.prefix && listed.selectable_or_real;
    });
  }
  co_await session.logout(net::deadline_after(timeout));
  session.close();
}

boost::asio::awaitable<std::vector<RunProblem>> remove_run_leftovers(
    boost::asio::any_io_executor executor, const TestArea& area, const std::string& run_id,
    std::shared_ptr<boost::asio::ssl::context> tls, std::chrono::milliseconds timeout) {
  std::vector<RunProblem> problems;
  ClientSession session(executor, SessionOptions{.client = "run-teardown",
                                                 .server_id = area.server->id,
                                                 .tls_context = std::move(tls)});
  const net::Deadline deadline = net::deadline_after(timeout);
  std::string problem = co_await open_and_login(session, *area.server, *area.creator, deadline);
  if (!problem.empty()) {
    problems.push_back({area.server->id, area.creator->login, "teardown: " + problem});
    co_return problems;
  }
  const std::string run_pattern = join_mailbox(area.prefix, area.delimiter, scenario_slug(run_id) + "-*");
  std::vector<Listed> leftovers = co_await list(session, run_pattern, deadline);
  std::sort(leftovers.begin(), leftovers.end(), [&](const Listed& a, const Listed& b) {
    return depth(a.name, area.delimiter) > depth(b.name, area.delimiter);
  });
  for (const auto& leftover : leftovers) {
    if (leftover.selectable_or_real) co_await delete_one(session, area, leftover.name, deadline, problems);
  }
  if (!area.prefix_existed) {
    std::vector<Listed> prefix = co_await list(session, area.prefix, deadline);
    std::vector<Listed> below = co_await list(session, join_mailbox(area.prefix, area.delimiter, "%"), deadline);
    bool exists = !prefix.empty() && prefix.front().selectable_or_real;
    if (exists && below.empty()) co_await delete_one(session, area, area.prefix, deadline, problems);
  }
  co_await session.logout(net::deadline_after(timeout));
  session.close();
  co_return problems;
}

}  // namespace referee::engine
