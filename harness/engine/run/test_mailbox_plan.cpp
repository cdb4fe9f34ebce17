#include "harness/engine/run/test_mailbox_plan.hpp"

#include "harness/engine/match/profile_roles.hpp"
#include "harness/engine/match/test_mailbox_names.hpp"
#include "harness/engine/run/namespace_discovery.hpp"

namespace referee::engine {
namespace {

// The <setup> client, else the first client that logs in.
const scenario::ClientSpec* hosting_spec(const scenario::Scenario& scenario) {
  for (const auto& spec : scenario.clients) {
    if (scenario.setup && spec.id == scenario.setup->client) return &spec;
  }
  for (const auto& spec : scenario.clients) {
    if (spec.user_role) return &spec;
  }
  return nullptr;
}

const profile::User* creator_of(const profile::Profile& profile, const profile::Server& server,
                                const scenario::ClientSpec& spec) {
  if (auto role = test_creator_role(profile, server.id)) return find_user(profile, *role);
  return spec.user_role ? find_user(profile, *spec.user_role) : nullptr;
}

}  // namespace

TestMailboxPlan plan_test_mailboxes(const profile::Profile& profile,
                                    const scenario::Scenario& scenario,
                                    const std::vector<ServerNamespace>& namespaces,
                                    std::string_view run_id, unsigned repetition) {
  TestMailboxPlan plan;
  plan.leaf = test_leaf(run_id, scenario.id, repetition);
  const scenario::ClientSpec* spec = hosting_spec(scenario);
  plan.server = spec ? find_server(profile, spec->server_role) : nullptr;
  if (plan.server == nullptr) {
    plan.problem = "no client of this scenario names a server to hold test mailboxes";
    return plan;
  }
  plan.tls = spec->tls;
  plan.creator = creator_of(profile, *plan.server, *spec);
  if (plan.creator == nullptr) {
    plan.problem = "no user creates test mailboxes on server " + plan.server->id;
    return plan;
  }
  const ServerNamespace* space =
      namespace_for(namespaces, plan.server->id, plan.creator->id, &plan.problem);
  if (space == nullptr) return plan;
  plan.problem.clear();
  plan.delimiter = space->delimiter;
  plan.prefix = test_prefix(profile, plan.server->id, *space);
  plan.root = join_mailbox(plan.prefix, plan.delimiter, plan.leaf);
  return plan;
}

void define_mailbox_variables(Variables& variables, const TestMailboxPlan& plan,
                              const profile::Profile& profile,
                              const std::vector<ServerNamespace>& namespaces) {
  variables.set("test.leaf", plan.leaf);
  if (plan.problem.empty()) {
    variables.set("test.mailbox", plan.root);
    variables.set_delimiter("test.mailbox", plan.delimiter);
  } else {
    variables.set_unavailable("test.mailbox", plan.problem);
  }
  for (const auto& mailbox : profile.mailboxes) {
    const ServerNamespace* space = namespace_for(namespaces, mailbox.server, "");
    if (space == nullptr && plan.server != nullptr) {
      space = namespace_for(namespaces, plan.server->id, "");
    }
    if (space == nullptr) continue;
    for (const auto& role : mailbox.roles) variables.set_delimiter("mailbox." + role, space->delimiter);
  }
}

}  // namespace referee::engine
