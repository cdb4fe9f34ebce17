// Checks of <tagged>, <untagged>, <referral> and the helpers every step check uses.
#include <re2/re2.h>

#include "harness/scenario/check_context.hpp"
#include "harness/scenario/variables.hpp"

namespace referee::scenario::detail {

void CheckContext::error(const SourceLocation& where, std::string message) const {
  report(diagnostics, Severity::error, where, std::move(message));
}

void CheckContext::warning(const SourceLocation& where, std::string message) const {
  report(diagnostics, Severity::warning, where, std::move(message));
}

void CheckContext::check_requirement(const RequirementRef& requirement,
                                     const SourceLocation& where) const {
  if (requirement.id.empty() || catalogue.contains(requirement.id)) return;
  error(where, "unknown requirement \"" + requirement.id +
                   "\": not in the catalogue (scenarios/requirements.xml)");
}

void CheckContext::check_client(std::string_view client, const CheckScope& scope,
                                const SourceLocation& where) const {
  if (scope.clients.contains(client)) return;
  error(where, "unknown client \"" + std::string(client) +
                   "\": not declared in <clients> nor created by an earlier <follow-referral as>");
}

void CheckContext::check_variables(std::string_view text, const CheckScope& scope,
                                   const SourceLocation& where, std::string_view what) const {
  for (const VariableReference& reference : find_variable_references(text)) {
    if (!reference.terminated) {
      error(where, "unterminated \"${\" in " + std::string(what));
      continue;
    }
    const VariablePath path = split_variable_path(reference.name);
    if (!is_builtin_variable(path.base) && !scope.variables.contains(path.base)) {
      error(where, "undefined variable ${" + path.base + "} in " + std::string(what) +
                       ": neither built in nor captured by an earlier step");
    }
    for (const std::string& component : path.components) {
      if (auto problem = path_component_problem(component); !problem.empty()) {
        error(where, "${" + reference.name + "} in " + std::string(what) + ": " + problem);
      }
      check_variables(component, scope, where, what);
    }
  }
}

void CheckContext::check_pattern(std::string_view pattern, int group,
                                 const SourceLocation& where) const {
  const RE2 compiled(replace_variables(pattern, "x"), RE2::Quiet);
  if (!compiled.ok()) {
    error(where, "invalid RE2 pattern \"" + std::string(pattern) + "\": " + compiled.error());
  } else if (group > compiled.NumberOfCapturingGroups()) {
    error(where, "capture group " + std::to_string(group) + " does not exist: the pattern \"" +
                     std::string(pattern) + "\" has " +
                     std::to_string(compiled.NumberOfCapturingGroups()));
  }
}

void check_untagged(const CheckContext& context, const UntaggedPattern& pattern,
                    const CheckScope& scope) {
  const SourceLocation& where = pattern.where;
  if (pattern.presence == Presence::must && pattern.requirement.id.empty()) {
    context.error(where, "presence=\"must\" without requirement: every check names the "
                         "requirement it verifies");
  }
  context.check_requirement(pattern.requirement, where);
  if (pattern.number) context.check_variables(*pattern.number, scope, where, "attribute number");
  if (pattern.match) {
    context.check_variables(*pattern.match, scope, where, "attribute match");
    context.check_pattern(*pattern.match, pattern.capture_group, where);
  } else if (pattern.capture_group > 0) {
    context.error(where, "group=\"" + std::to_string(pattern.capture_group) +
                             "\" needs a match pattern to take the group from");
  }
  if (pattern.list_mailbox) {
    context.check_variables(*pattern.list_mailbox, scope, where, "<list mailbox>");
  }
  for (const FieldPattern& field : pattern.fields) {
    if (field.equals) context.check_variables(*field.equals, scope, where, "<field equals>");
    if (field.contains) context.check_variables(*field.contains, scope, where, "<field contains>");
  }
  if (pattern.capture && pattern.presence == Presence::must_not) {
    context.error(where, "capture on a must-not response: it never arrives when the check passes");
  }
}

void check_tagged(const CheckContext& context, const TaggedPattern& pattern,
                  const CheckScope& scope) {
  context.check_requirement(pattern.requirement, pattern.where);
  if (pattern.text_match) {
    context.check_variables(*pattern.text_match, scope, pattern.where, "<text match>");
    context.check_pattern(*pattern.text_match, pattern.capture_group, pattern.where);
  } else if (pattern.capture_group > 0) {
    context.error(pattern.where, "group=\"" + std::to_string(pattern.capture_group) +
                                     "\" needs a <text match> pattern to take the group from");
  }
  if (pattern.referral) check_referral(context, *pattern.referral, scope);
}

void check_referral(const CheckContext& context, const ReferralPattern& referral,
                    const CheckScope& scope) {
  context.check_requirement(referral.requirement, referral.where);
  for (const UrlPattern& url : referral.urls) {
    if (url.user) context.check_variables(*url.user, scope, url.where, "<url user>");
    if (url.mailbox) context.check_variables(*url.mailbox, scope, url.where, "<url mailbox>");
    if (url.auth) context.check_variables(*url.auth, scope, url.where, "<url auth>");
  }
}

void check_expectations(const CheckContext& context, const Expectations& expect,
                        const CheckScope& scope) {
  if (expect.tagged) check_tagged(context, *expect.tagged, scope);
  for (const UntaggedPattern& untagged : expect.untagged) check_untagged(context, untagged, scope);
  if (expect.expunges) {
    context.check_requirement(expect.expunges->requirement, expect.expunges->where);
    context.check_variables(expect.expunges->messages, scope, expect.expunges->where,
                            "<expunges messages>");
  }
  if (expect.message_count) {
    context.check_requirement(expect.message_count->requirement, expect.message_count->where);
    context.check_variables(expect.message_count->equals, scope, expect.message_count->where,
                            "<message-count equals>");
  }
}

void add_captures(const std::vector<UntaggedPattern>& untagged, CheckScope& scope) {
  for (const UntaggedPattern& pattern : untagged) {
    if (pattern.capture) scope.variables.insert(*pattern.capture);
  }
}

void add_captures(const Expectations& expect, CheckScope& scope) {
  if (expect.tagged && expect.tagged->capture) scope.variables.insert(*expect.tagged->capture);
  add_captures(expect.untagged, scope);
}

}  // namespace referee::scenario::detail
