#pragma once
// Internal to scenario_checks: the state of a walk through the steps, and the checks shared by
// commands, awaits and greetings.
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "harness/scenario/diagnostic.hpp"
#include "harness/scenario/model.hpp"
#include "harness/scenario/requirement.hpp"

namespace referee::scenario::detail {

// What is known at one point of the step list (document order).
struct CheckScope {
  std::set<std::string, std::less<>> clients;        // declared, group members, follow-referral `as`
  std::set<std::string, std::less<>> variables;      // captured so far, and "<as>.mailbox"
  std::map<std::string, SourceLocation, std::less<>> held;  // client -> command holding a literal
};

struct CheckContext {
  const RequirementCatalogue& catalogue;
  Diagnostics& diagnostics;

  void error(const SourceLocation& where, std::string message) const;
  void warning(const SourceLocation& where, std::string message) const;
  void check_requirement(const RequirementRef& requirement, const SourceLocation& where) const;
  void check_client(std::string_view client, const CheckScope& scope,
                    const SourceLocation& where) const;
  // `what` names the place in messages: "<send>", "attribute number"...
  void check_variables(std::string_view text, const CheckScope& scope, const SourceLocation& where,
                       std::string_view what) const;
  // An RE2 pattern (variables replaced) that compiles, with at least `group` capture groups.
  void check_pattern(std::string_view pattern, int group, const SourceLocation& where) const;
};

void check_untagged(const CheckContext& context, const UntaggedPattern& pattern,
                    const CheckScope& scope);
void check_tagged(const CheckContext& context, const TaggedPattern& pattern,
                  const CheckScope& scope);
void check_referral(const CheckContext& context, const ReferralPattern& referral,
                    const CheckScope& scope);
void check_expectations(const CheckContext& context, const Expectations& expect,
                        const CheckScope& scope);
// Variables the expectations capture become defined for later steps.
void add_captures(const Expectations& expect, CheckScope& scope);
void add_captures(const std::vector<UntaggedPattern>& untagged, CheckScope& scope);

}  // namespace referee::scenario::detail
