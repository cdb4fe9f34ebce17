#include "harness/engine/run/setup_subscriptions.hpp"

#include <algorithm>

#include "harness/engine/match/profile_roles.hpp"
#include "harness/engine/match/response_match.hpp"
#include "harness/engine/run/plain_session.hpp"
#include "harness/imap/imap_url.hpp"
#include "harness/imap/untagged.hpp"

namespace referee::engine {
namespace {

struct SetupIdentity {
  const profile::Server* server = nullptr;
  const profile::User* user = nullptr;
};

// The setup client's server and user, as its <client> declares them.
SetupIdentity setup_identity(const ScenarioContext& context) {
  const auto& clients = context.scenario.clients;
  auto spec = std::find_if(clients.begin(), clients.end(),
                           [&](const scenario::ClientSpec& c) { return c.id == context.scenario.setup->client; });
  if (spec == clients.end() || !spec->user_role) return {};
  return {find_server(context.profile, spec->server_role), find_user(context.profile, *spec->user_role)};
}

// A logged-in connection named `id` to `server`; nullptr (and a scenario error) when not.
boost::asio::awaitable<ClientSession*> open_as(ScenarioContext& context, std::string id,
                                               const profile::Server& server, const profile::User& user) {
  ClientSession& session = context.add_client(id, server);
  std::string problem = co_await open_and_login(session, server, user, context.deadline(std::nullopt));
  if (problem.empty()) co_return &session;
  context.checks.scenario_error(id + " on server " + server.id + " as " + user.login + ": " + problem);
  co_return nullptr;
}

bool lists(const ClientSession& session, const CommandRun& run, const std::string& mailbox) {
  for (std::size_t i = run.pool_begin; i < run.pool_end; ++i) {
    auto entry = imap::as_list(session.pool()[i].response);
    if (entry && entry->mailbox == mailbox) return true;
  }
  return false;
}

// Subscribed already? LSUB, and RLSUB too where the server has mailbox referrals: a remote
// mailbox SHOULD NOT appear in LSUB (RFC 2193 §3).
boost::asio::awaitable<bool> subscribed(ScenarioContext& context, ClientSession& session,
                                        const std::string& mailbox) {
  std::vector<scenario::SendPart> lsub{std::string("LSUB \"\" "), mailbox_argument(mailbox)};
  CommandRun run = co_await session.run(lsub, context.deadline(std::nullopt));
  if (lists(session, run, mailbox)) co_return true;
  const auto& capabilities = session.capabilities();
  bool referrals = capabilities && std::count(capabilities->begin(), capabilities->end(), "MAILBOX-REFERRALS") > 0;
  if (!referrals) co_return false;
  std::vector<scenario::SendPart> rlsub{std::string("RLSUB \"\" "), mailbox_argument(mailbox)};
  CommandRun remote = co_await session.run(rlsub, context.deadline(std::nullopt));
  co_return lists(session, remote, mailbox);
}

boost::asio::awaitable<CommandRun> send_subscription(ScenarioContext& context, ClientSession& session,
                                                     std::string verb, const std::string& mailbox) {
  std::vector<scenario::SendPart> command{verb + " ", mailbox_argument(mailbox)};
  co_return co_await session.run(command, context.deadline(std::nullopt));
}

// The profile server and mailbox a SUBSCRIBE referral names, or why it cannot be used.
std::optional<AddedSubscription> referred_target(ScenarioContext& context, const imap::Response& tagged,
                                                 std::string& why) {
  auto urls = tagged.code ? tagged.code->referral_urls() : std::vector<std::string>{};
  if (urls.empty()) {
    why = "SUBSCRIBE failed: " + one_line(tagged);
    return std::nullopt;
  }
  auto url = imap::parse_imap_url(urls.front());
  const profile::Server* server = url ? server_for_url(context.profile, *url) : nullptr;
  if (server == nullptr) {
    why = "SUBSCRIBE referred to " + urls.front() + ", not a usable URL of a profile server";
    return std::nullopt;
  }
  return AddedSubscription{server, url->mailbox_as_imap_argument()};
}

// SUBSCRIBE on the referred server; the subscription added there, if any.
boost::asio::awaitable<std::optional<AddedSubscription>> subscribe_referred(ScenarioContext& context,
                                                                           const imap::Response& tagged,
                                                                           const profile::User& user) {
  std::string why;
  auto target = referred_target(context, tagged, why);
  if (!target) {
    context.checks.scenario_error("setup: " + why);
    co_return std::nullopt;
  }
  std::string id = "subscribe-referred-" + target->server->id;
  ClientSession* session = co_await open_as(context, id, *target->server, user);
  if (session == nullptr) co_return std::nullopt;
  CommandRun run = co_await send_subscription(context, *session, "SUBSCRIBE", target->mailbox);
  co_await session->logout(context.deadline(std::nullopt));
  if (run.tagged && run.tagged->status == imap::Status::ok) co_return target;
  context.checks.scenario_error("setup: SUBSCRIBE on " + target->server->id + " failed: " +
                                (run.tagged ? one_line(*run.tagged) : run.failure));
  co_return std::nullopt;
}

}  // namespace

boost::asio::awaitable<std::vector<AddedSubscription>> prepare_subscriptions(ScenarioContext& context) {
  std::vector<AddedSubscription> added;
  SetupIdentity identity = setup_identity(context);
  if (identity.server == nullptr || identity.user == nullptr) {
    context.checks.scenario_error("setup: <subscribe> needs a setup client with a server and a user");
    co_return added;
  }
  ClientSession* session = co_await open_as(context, "subscribe", *identity.server, *identity.user);
  if (session == nullptr) co_return added;
  for (const auto& subscription : context.scenario.setup->subscriptions) {
    auto name = context.variables.substitute(subscription.mailbox);
    if (!name) {
      context.checks.scenario_error(name.error().message);
      break;
    }
    bool already = co_await subscribed(context, *session, *name);
    if (already) continue;
    CommandRun run = co_await send_subscription(context, *session, "SUBSCRIBE", *name);
    if (run.tagged && run.tagged->status == imap::Status::ok) {
      added.push_back({identity.server, *name});
      continue;
    }
    if (!run.tagged) {
      context.checks.scenario_error("setup: SUBSCRIBE " + *name + ": " + run.failure);
      break;
    }
    auto referred = co_await subscribe_referred(context, *run.tagged, *identity.user);
    if (!referred) break;
    added.push_back(std::move(*referred));
  }
  co_await session->logout(context.deadline(std::nullopt));
  co_return added;
}

boost::asio::awaitable<void> undo_subscriptions(ScenarioContext& context,
                                                const std::vector<AddedSubscription>& added) {
  SetupIdentity identity = setup_identity(context);
  if (identity.user == nullptr) co_return;
  for (std::size_t i = 0; i < added.size(); ++i) {
    const AddedSubscription& subscription = added[i];
    std::string id = "unsubscribe-" + std::to_string(i + 1);
    ClientSession* session = co_await open_as(context, id, *subscription.server, *identity.user);
    if (session == nullptr) continue;
    CommandRun run = co_await send_subscription(context, *session, "UNSUBSCRIBE", subscription.mailbox);
    if (!run.tagged || run.tagged->status != imap::Status::ok) {
      context.checks.scenario_error("teardown: UNSUBSCRIBE " + subscription.mailbox + " on " +
                                    subscription.server->id + " failed: " +
                                    (run.tagged ? one_line(*run.tagged) : run.failure));
    }
    co_await session->logout(context.deadline(std::nullopt));
  }
}

}  // namespace referee::engine
