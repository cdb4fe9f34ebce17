#include "harness/engine/run/checks.hpp"

#include "harness/engine/match/outcome.hpp"

namespace referee::engine {

using scenario::Level;
using scenario::Requirement;

bool is_engine_rule(std::string_view requirement) {
  for (std::string_view id : {rule::response_syntax, rule::no_expunge_during_fetch,
                              rule::exists_never_decreases, rule::bye_before_close,
                              rule::url_syntax, rule::referral_loop, rule::max_hops,
                              rule::no_referral_to_referral, rule::unlisted_referral_host}) {
    if (requirement == id) return true;
  }
  return false;
}

checked<Requirement> find_requirement(const scenario::RequirementCatalogue& catalogue,
                                      std::string_view id) {
  if (auto found = catalogue.find(id); found != catalogue.end()) return found->second;
  return ScenarioError{"unknown requirement id \"" + std::string(id) + "\""};
}

CheckResult CheckRecorder::make(Finding finding, const Requirement& requirement) const {
  return CheckResult{
      .requirement = std::move(finding.requirement),
      .rfc = requirement.rfc,
      .section = requirement.section,
      .level = requirement.level,
      .outcome = finding.passed ? Outcome::pass : outcome_when_broken(requirement.level),
      .summary = std::move(finding.summary),
      .expected = std::move(finding.expected),
      .observed = std::move(finding.observed),
      .client = std::move(finding.client),
      .step = std::move(finding.step),
      .transcript_event = finding.event,
  };
}

void CheckRecorder::record(Finding finding) {
  Requirement requirement{.id = "", .rfc = rfc_, .section = section_, .level = Level::must};
  if (!finding.requirement.empty()) {
    auto found = find_requirement(*catalogue_, finding.requirement);
    if (!found) {
      scenario_error(found.error().message + " (" + finding.step.file + ":" +
                     std::to_string(finding.step.line) + ")");
      return;
    }
    requirement = std::move(*found);
  }
  broken_.push_back(!finding.passed);
  checks_.push_back(make(std::move(finding), requirement));
}

void CheckRecorder::record_as(Finding finding, Outcome outcome, std::string rfc,
                              std::string section) {
  std::size_t before = checks_.size();
  record(std::move(finding));
  if (checks_.size() == before) return;  // unknown requirement: already a scenario error
  CheckResult& check = checks_.back();
  check.outcome = outcome;
  if (!rfc.empty()) check.rfc = std::move(rfc);
  if (!section.empty()) check.section = std::move(section);
}

void CheckRecorder::scenario_error(std::string message) {
  if (!error_) error_ = std::move(message);
}

void CheckRecorder::append(const CheckRecorder& other, Outcome at_worst) {
  for (CheckResult check : other.checks_) {
    // The enumerators are declared worst first.
    bool softened = static_cast<int>(check.outcome) < static_cast<int>(at_worst) &&
                    !is_engine_rule(check.requirement);
    if (softened) check.outcome = at_worst;
    checks_.push_back(std::move(check));
  }
  broken_.insert(broken_.end(), other.broken_.begin(), other.broken_.end());
  if (other.error_) scenario_error(*other.error_);
}

Outcome CheckRecorder::outcome() const {
  if (error_) return Outcome::error;
  return aggregate(checks_);
}

}  // namespace referee::engine
