#pragma once
// Checks: each decision the engine makes about the server, with the requirement it verifies
// (looked up in the catalogue for RFC, section and level), expected vs observed, the client,
// the step, and the transcript event where it was decided.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/engine/match/scenario_error.hpp"
#include "harness/engine/result.hpp"
#include "harness/scenario/requirement.hpp"

namespace referee::engine {

// Requirement ids of the rules the engine checks on its own, whatever the scenario says.
namespace rule {
inline constexpr std::string_view response_syntax = "rfc3501-9-response-syntax";
inline constexpr std::string_view no_expunge_during_fetch =
    "rfc3501-7.4.1-no-expunge-during-fetch-store-search";
inline constexpr std::string_view exists_never_decreases = "rfc3501-5.2-exists-never-decreases";
inline constexpr std::string_view bye_before_close = "rfc3501-3.4-bye-before-close";
inline constexpr std::string_view url_syntax = "rfc5092-11-url-syntax";
inline constexpr std::string_view referral_loop = "rfc2193-3-no-referral-loop";
inline constexpr std::string_view max_hops = "rfc2221-3-client-max-10-hops";
inline constexpr std::string_view no_referral_to_referral = "rfc2221-3-no-referral-to-referral";
// RFC 2221 §6 ("a rogue 'password catching' server"), the client-side rule DECISIONS.md
// "Safety" makes the harness obey: credentials go only to hosts in the profile.
inline constexpr std::string_view unlisted_referral_host = "rfc2221-6-password-catching";
}  // namespace rule

// Whether `requirement` is one of the rules above: the engine judges them in every scenario,
// whatever an alternatives block expects, so no block's verdict softens them.
bool is_engine_rule(std::string_view requirement);

// What one check found, before the catalogue adds RFC, section and level.
struct Finding {
  std::string requirement;  // catalogue id; empty: the scenario's RFC and section, level MUST
  bool passed = false;
  std::string summary;
  std::string expected;
  std::string observed;
  std::string client;
  scenario::SourceLocation step;
  std::optional<std::size_t> event;
};

// The requirement `id` names in the catalogue (the rules above included); an unknown id is a
// scenario error.
checked<scenario::Requirement> find_requirement(const scenario::RequirementCatalogue& catalogue,
                                                std::string_view id);

// Collects the checks of one scenario (or of one alternative while it is a candidate).
class CheckRecorder {
 public:
  CheckRecorder(const scenario::RequirementCatalogue& catalogue, std::string rfc,
                std::string section)
      : catalogue_(&catalogue), rfc_(std::move(rfc)), section_(std::move(section)) {}

  // pass, or the outcome the requirement's level gives a broken rule.
  void record(Finding finding);
  // An outcome decided by the caller (info for an observed MAY, warn for a lint finding...).
  void record_as(Finding finding, Outcome outcome, std::string rfc = {}, std::string section = {});
  void scenario_error(std::string message);
  // Adds `other`'s checks (and its scenario error); an outcome worse than `at_worst` becomes
  // `at_worst` (Outcome::warn: failures reported as warnings), except for the engine's rules.
  void append(const CheckRecorder& other, Outcome at_worst = Outcome::error);

  const std::vector<CheckResult>& checks() const { return checks_; }
  // Whether check `index` found its expectation broken (Finding::passed false), whatever
  // outcome the level gave it.
  bool broken(std::size_t index) const { return broken_.at(index); }
  const std::optional<std::string>& error() const { return error_; }
  // The worst outcome among the checks; error when a scenario error was recorded.
  Outcome outcome() const;

 private:
  CheckResult make(Finding finding, const scenario::Requirement& requirement) const;

  const scenario::RequirementCatalogue* catalogue_;
  std::string rfc_, section_;  // the scenario's, for checks without a requirement
  std::vector<CheckResult> checks_;
  std::vector<bool> broken_;  // parallel to checks_
  std::optional<std::string> error_;
};

}  // namespace referee::engine
