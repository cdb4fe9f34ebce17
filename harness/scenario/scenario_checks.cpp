#include "harness/scenario/scenario_checks.hpp"

#include <algorithm>
#include <map>

#include "harness/scenario/check_context.hpp"
#include "harness/scenario/lockstep.hpp"
#include "harness/scenario/variables.hpp"

namespace referee::scenario {
namespace {

using detail::CheckContext;
using detail::CheckScope;

void declare_client(const CheckContext& context, CheckScope& scope, const std::string& id,
                    const SourceLocation& where) {
  if (!scope.clients.insert(id).second) {
    context.error(where, "duplicate client id \"" + id + "\"");
  }
}

// Clients, with group members L1..Ln, and what each declaration promises.
CheckScope declare_clients(const CheckContext& context, const Scenario& scenario) {
  CheckScope scope;
  for (const ClientSpec& client : scenario.clients) {
    if (client.group_count == 0) declare_client(context, scope, client.id, client.where);
    for (unsigned member = 1; member <= client.group_count; ++member) {
      declare_client(context, scope, client.id + std::to_string(member), client.where);
    }
    if (client.login != LoginMethod::none && !client.user_role) {
      context.error(client.where, "client \"" + client.id +
                                      "\" logs in but names no user role (add user=\"...\" "
                                      "or login=\"none\")");
    }
    if (client.greeting) {
      context.check_requirement(client.greeting->requirement, client.greeting->where);
      if (client.greeting->referral) {
        detail::check_referral(context, *client.greeting->referral, scope);
      }
    }
  }
  return scope;
}

// IMAP4rev1 command text is 7-bit outside literals (RFC 3501 §9: quoted strings hold
// TEXT-CHARs); a non-ASCII mailbox name goes in modified UTF-7 (§5.1.3), which the engine
// writes for ${name/component} references. Text around references must be ASCII.
void check_command_text(const CheckContext& context, std::string_view text,
                        const SourceLocation& where, std::string_view what) {
  const std::string outside = replace_variables(text, "");
  const bool ascii = std::all_of(outside.begin(), outside.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) {
    context.error(where, "non-ASCII text in " + std::string(what) +
                             ": write a non-ASCII mailbox name as a path component, "
                             "${test.mailbox/name}, which is sent in modified UTF-7 (RFC 3501 §5.1.3)");
  }
}

void check_gates_and_setup(const CheckContext& context, const Scenario& scenario,
                           const CheckScope& scope) {
  for (const CapabilityRequirement& capability : scenario.capabilities) {
    context.check_client(capability.client, scope, capability.where);
  }
  if (!scenario.setup) return;
  context.check_client(scenario.setup->client, scope, scenario.setup->where);
  for (const SetupMailbox& mailbox : scenario.setup->mailboxes) {
    context.check_variables(mailbox.name, scope, mailbox.where, "<mailbox name>");
    check_command_text(context, mailbox.name, mailbox.where, "<mailbox name>");
  }
  for (const SetupSubscription& subscription : scenario.setup->subscriptions) {
    context.check_variables(subscription.mailbox, scope, subscription.where, "<subscribe mailbox>");
  }
}

void check_steps(const CheckContext& context, const std::vector<Step>& steps, CheckScope& scope);

void check_command(const CheckContext& context, const CommandStep& step, const CheckScope& scope,
                   CheckScope& after) {
  context.check_client(step.client, scope, step.where);
  if (const auto held = scope.held.find(step.client); held != scope.held.end()) {
    context.error(step.where, "client \"" + step.client + "\" still holds the command of line " +
                                  std::to_string(held->second.line) +
                                  ": <resume client=\"" + step.client + "\"/> it first");
  }
  unsigned holds = 0;
  for (const SendPart& part : step.send) {
    if (const auto* text = std::get_if<std::string>(&part)) {
      context.check_variables(*text, scope, step.where, "<send>");
      check_command_text(context, *text, step.where, "<send>");
      continue;
    }
    const auto& literal = std::get<LiteralPart>(part);
    context.check_variables(literal.bytes, scope, step.where, "<literal>");
    if (literal.hold && !literal.synchronizing) {
      context.error(step.where, "hold=\"true\" needs a synchronizing literal: LITERAL+ "
                                "(sync=\"false\") never waits for a continuation request");
    }
    holds += literal.hold ? 1 : 0;
  }
  if (holds > 1) context.error(step.where, "a command can hold at most one literal");
  detail::check_expectations(context, step.expect, scope);
  detail::add_captures(step.expect, after);
  if (holds == 1) after.held[step.client] = step.where;
}

bool has_synchronizing_literal(const CommandStep& command) {
  return std::any_of(command.send.begin(), command.send.end(), [](const SendPart& part) {
    const auto* literal = std::get_if<LiteralPart>(&part);
    return literal != nullptr && (literal->synchronizing || literal->hold);
  });
}

void check_concurrent(const CheckContext& context, const ConcurrentStep& step, CheckScope& scope) {
  CheckScope after = scope;
  std::map<std::string, int, std::less<>> per_client;
  for (const CommandStep& command : step.commands) ++per_client[command.client];
  bool pipelined = false;
  for (const CommandStep& command : step.commands) {
    if (per_client[command.client] > 1) {
      pipelined = true;
      if (has_synchronizing_literal(command)) {
        context.error(command.where, "a pipelined command (client \"" + command.client +
                                         "\" has several in this <concurrent>) cannot carry a "
                                         "synchronizing literal: RFC 3501 §5.5 \"command "
                                         "continuations MUST be negotiated before any subsequent "
                                         "command is initiated\"; use sync=\"false\"");
      }
    }
    check_command(context, command, scope, after);
  }
  if (step.completion_as_sent && !pipelined) {
    context.error(step.where, "completion-order=\"as-sent\" needs two commands of one client");
  }
  if (step.completion_as_sent && step.requirement.id.empty()) {
    context.error(step.where, "completion-order=\"as-sent\" without requirement: every check "
                              "names the requirement it verifies");
  }
  context.check_requirement(step.requirement, step.where);
  scope = std::move(after);
}

void check_resume(const CheckContext& context, const ResumeStep& step, CheckScope& scope) {
  context.check_client(step.client, scope, step.where);
  if (scope.held.erase(step.client) == 0) {
    context.error(step.where, "<resume client=\"" + step.client +
                                  "\"> without a held literal: no earlier command of this "
                                  "client has <literal hold=\"true\">");
  }
  detail::check_expectations(context, step.expect, scope);
  detail::add_captures(step.expect, scope);
}

void check_follow_referral(const CheckContext& context, const FollowReferralStep& step,
                           CheckScope& scope) {
  context.check_client(step.client, scope, step.where);
  context.check_requirement(step.requirement, step.where);
  if (!scope.clients.insert(step.as).second) {
    context.error(step.where, "duplicate client id \"" + step.as + "\": follow-referral as= "
                                  "must name a new client");
  }
  scope.variables.insert(step.as + ".mailbox");
}

template <class Set>
Set intersection_of(const Set& a, const Set& b) {
  Set result;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(),
                        std::inserter(result, result.end()), a.key_comp());
  return result;
}

void warn_about_divergence(const CheckContext& context, const AlternativesStep& block) {
  const std::optional<Divergence> divergence = find_divergence(block);
  if (!divergence) return;
  context.warning(divergence->where,
                  "alternatives \"" + block.name + "\" leave lock-step at step " +
                      std::to_string(divergence->step_index + 1) + ": \"" + divergence->followed +
                      "\" does \"" + divergence->followed_action + "\" but \"" +
                      divergence->other + "\" does \"" + divergence->other_action +
                      "\"; the engine follows \"" + divergence->followed + "\" from there");
}

// Each alternative starts from the scope before the block; afterwards only what every
// alternative defines is defined (the engine cannot know in advance which one the server takes).
void check_alternatives(const CheckContext& context, const AlternativesStep& block,
                        CheckScope& scope) {
  context.check_requirement(block.requirement, block.where);
  std::optional<CheckScope> common;
  std::set<std::string, std::less<>> ids;
  for (const Alternative& alternative : block.alternatives) {
    if (!ids.insert(alternative.id).second) {
      context.error(alternative.where, "duplicate alternative id \"" + alternative.id + "\"");
    }
    CheckScope inner = scope;
    check_steps(context, alternative.steps, inner);
    if (!common) {
      common = std::move(inner);
      continue;
    }
    common->clients = intersection_of(common->clients, inner.clients);
    common->variables = intersection_of(common->variables, inner.variables);
    std::erase_if(common->held, [&](const auto& entry) { return !inner.held.contains(entry.first); });
  }
  if (common) scope = std::move(*common);
  warn_about_divergence(context, block);
}

void check_step(const CheckContext& context, const Step& step, CheckScope& scope) {
  if (const auto* command = std::get_if<CommandStep>(&step)) {
    CheckScope after = scope;
    check_command(context, *command, scope, after);
    scope = std::move(after);
  } else if (const auto* resume = std::get_if<ResumeStep>(&step)) {
    check_resume(context, *resume, scope);
  } else if (const auto* await = std::get_if<AwaitStep>(&step)) {
    context.check_client(await->client, scope, await->where);
    for (const UntaggedPattern& pattern : await->untagged) detail::check_untagged(context, pattern, scope);
    detail::add_captures(await->untagged, scope);
  } else if (const auto* fence = std::get_if<FenceStep>(&step)) {
    context.check_client(fence->client, scope, fence->where);
  } else if (const auto* barrier = std::get_if<BarrierStep>(&step)) {
    for (const std::string& client : barrier->clients) context.check_client(client, scope, barrier->where);
  } else if (const auto* close = std::get_if<ExpectCloseStep>(&step)) {
    context.check_client(close->client, scope, close->where);
    context.check_requirement(close->requirement, close->where);
    context.check_requirement(close->bye_requirement, close->where);
    if (!close->bye_requirement.id.empty() && close->bye != Presence::must) {
      context.error(close->where, "bye-requirement without bye=\"must\": it names the rule a "
                                  "missing BYE breaks");
    }
  } else if (const auto* follow = std::get_if<FollowReferralStep>(&step)) {
    check_follow_referral(context, *follow, scope);
  } else if (const auto* concurrent = std::get_if<std::shared_ptr<ConcurrentStep>>(&step)) {
    check_concurrent(context, **concurrent, scope);
  } else if (const auto* block = std::get_if<std::shared_ptr<AlternativesStep>>(&step)) {
    check_alternatives(context, **block, scope);
  }
}

void check_steps(const CheckContext& context, const std::vector<Step>& steps, CheckScope& scope) {
  for (const Step& step : steps) check_step(context, step, scope);
}

}  // namespace

void check_scenario(const Scenario& scenario, const RequirementCatalogue& catalogue,
                    Diagnostics& diagnostics) {
  const CheckContext context{catalogue, diagnostics};
  CheckScope scope = declare_clients(context, scenario);
  check_gates_and_setup(context, scenario, scope);
  check_steps(context, scenario.steps, scope);
}

}  // namespace referee::scenario
