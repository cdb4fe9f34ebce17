#include "harness/engine/run/client_setup.hpp"

#include <algorithm>

#include "harness/engine/match/profile_roles.hpp"
#include "harness/engine/match/response_match.hpp"
#include "harness/engine/run/judge.hpp"
#include "harness/imap/value.hpp"

namespace referee::engine {
namespace {

using scenario::ClientSpec;
using scenario::RoleKind;

bool role_played(const profile::Profile& profile, RoleKind kind, const std::string& name) {
  switch (kind) {
    case RoleKind::server: return find_server(profile, name) != nullptr;
    case RoleKind::user: return find_user(profile, name) != nullptr;
    case RoleKind::mailbox: return find_mailbox(profile, name) != nullptr;
  }
  return false;
}

std::string_view kind_name(RoleKind kind) {
  return kind == RoleKind::server ? "server" : kind == RoleKind::user ? "user" : "mailbox";
}

std::vector<std::string> client_ids(const ClientSpec& spec) {
  if (spec.group_count == 0) return {spec.id};
  std::vector<std::string> ids;
  for (unsigned i = 1; i <= spec.group_count; ++i) ids.push_back(spec.id + std::to_string(i));
  return ids;
}

// The capabilities of `session` as the server announces them now (CAPABILITY when unknown).
boost::asio::awaitable<std::vector<std::string>> capabilities_of(ScenarioContext& context,
                                                                 ClientSession& session,
                                                                 bool ask) {
  if (ask || !session.capabilities()) {
    const std::vector<scenario::SendPart> capability{std::string("CAPABILITY")};
    CommandRun run = co_await session.run(capability, context.deadline(std::nullopt));
    for (std::size_t i = run.pool_begin; i < run.pool_end; ++i) session.pool()[i].consumed = true;
  }
  co_return session.capabilities().value_or(std::vector<std::string>{});
}

boost::asio::awaitable<std::optional<std::string>> missing_capability(
    ScenarioContext& context, ClientSession& session, const std::string& spec_id,
    bool after_login) {
  bool needed = false;
  for (const auto& required : context.scenario.capabilities) {
    needed = needed || (required.client == spec_id && required.after_login == after_login);
  }
  if (!needed) co_return std::nullopt;
  auto announced = co_await capabilities_of(context, session, after_login);
  for (const auto& required : context.scenario.capabilities) {
    if (required.client != spec_id || required.after_login != after_login) continue;
    bool present = std::any_of(announced.begin(), announced.end(), [&](const std::string& name) {
      return imap::iequals(name, required.name);
    });
    if (!present) {
      co_return "server " + session.server_id() + " does not announce " + required.name +
          (after_login ? " after login" : " before login");
    }
  }
  co_return std::nullopt;
}

boost::asio::awaitable<void> log_in(ScenarioContext& context, ClientSession& session,
                                    const ClientSpec& spec) {
  const profile::User* user = spec.user_role ? find_user(context.profile, *spec.user_role) : nullptr;
  if (user == nullptr) {
    context.checks.scenario_error(session.id() + " logs in but names no user role");
    co_return;
  }
  CommandRun run = co_await session.login(user->login, user->password, spec.login,
                                          context.deadline(std::nullopt));
  session.set_login(user->login, spec.login);
  if (run.tagged && run.tagged->status == imap::Status::ok) co_return;
  // A login referral is the server's answer for users homed elsewhere: steps judge it.
  if (run.tagged && run.tagged->code && run.tagged->code->is("REFERRAL")) co_return;
  context.checks.scenario_error(session.id() + ": login as " + user->login + " failed: " +
                                (run.tagged ? one_line(*run.tagged) : run.failure));
}

// The declared user is who a referral without a user name logs in as, even when the client
// logs in by itself (login="none").
void remember_declared_user(ScenarioContext& context, ClientSession& session,
                            const ClientSpec& spec) {
  const profile::User* user = spec.user_role ? find_user(context.profile, *spec.user_role) : nullptr;
  if (user != nullptr) session.set_login(user->login, spec.login);
}

boost::asio::awaitable<std::optional<std::string>> open_client(ScenarioContext& context,
                                                               const ClientSpec& spec,
                                                               const std::string& id) {
  const profile::Server* server = find_server(context.profile, spec.server_role);
  ClientSession& session = context.add_client(id, *server);
  remember_declared_user(context, session, spec);
  bool opened = co_await session.open(context.endpoint(*server, spec.tls),
                                      context.deadline(std::nullopt));
  if (!opened) {
    context.checks.scenario_error(id + ": " + session.open_failure());
    co_return std::nullopt;
  }
  if (spec.greeting) {
    judge_greeting(*spec.greeting, session, context.judge_context(id, spec.greeting->where),
                   context.checks);
    co_return std::nullopt;
  }
  if (session.greeting()->status == imap::Status::bye) {
    context.checks.scenario_error(id + ": server " + server->id + " refused the connection: " +
                                  one_line(*session.greeting()));
    co_return std::nullopt;
  }
  auto missing = co_await missing_capability(context, session, spec.id, false);
  if (missing) co_return missing;
  bool preauth = session.greeting()->status == imap::Status::preauth;
  if (spec.login == scenario::LoginMethod::none || preauth) co_return std::nullopt;
  co_await log_in(context, session, spec);
  if (context.stopped()) co_return std::nullopt;
  co_return co_await missing_capability(context, session, spec.id, true);
}

}  // namespace

std::optional<std::string> gate_on_profile(const profile::Profile& profile,
                                           const scenario::Scenario& scenario) {
  if (scenario.destructive && !profile.destructive_allowed) {
    return "destructive scenario, and profile " + profile.name + " does not allow them";
  }
  for (const auto& role : scenario.roles) {
    if (!role_played(profile, role.kind, role.name)) {
      return "profile " + profile.name + " has no " + std::string(kind_name(role.kind)) +
             " playing role \"" + role.name + "\"";
    }
  }
  for (const auto& client : scenario.clients) {
    if (find_server(profile, client.server_role) == nullptr) {
      return "profile " + profile.name + " has no server playing role \"" + client.server_role + "\"";
    }
    if (client.user_role && find_user(profile, *client.user_role) == nullptr) {
      return "profile " + profile.name + " has no user playing role \"" + *client.user_role + "\"";
    }
  }
  return std::nullopt;
}

boost::asio::awaitable<std::optional<std::string>> open_clients(ScenarioContext& context) {
  for (const auto& spec : context.scenario.clients) {
    for (const auto& id : client_ids(spec)) {
      auto not_applicable = co_await open_client(context, spec, id);
      if (not_applicable || context.stopped()) co_return not_applicable;
    }
  }
  co_return std::nullopt;
}

}  // namespace referee::engine
