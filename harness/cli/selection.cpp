#include "harness/cli/selection.hpp"

#include <algorithm>
#include <cctype>
#include <type_traits>
#include <variant>

namespace referee::cli {
namespace {

using namespace referee::scenario;

std::string upper(std::string_view text) {
  std::string result;
  for (char c : text) {
    result += c == ' ' ? '-' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return result;
}

// Collects requirement ids from every kind of step.
class RequirementCollector {
 public:
  explicit RequirementCollector(std::set<std::string>& ids) : ids_(ids) {}

  void add(const RequirementRef& requirement) {
    if (!requirement.id.empty()) ids_.insert(requirement.id);
  }
  void add(const std::optional<ReferralPattern>& referral) {
    if (referral) add(referral->requirement);
  }
  void add(const std::vector<UntaggedPattern>& untagged) {
    for (const auto& pattern : untagged) add(pattern.requirement);
  }
  void add(const Expectations& expect) {
    if (expect.tagged) {
      add(expect.tagged->requirement);
      add(expect.tagged->referral);
    }
    add(expect.untagged);
    if (expect.expunges) add(expect.expunges->requirement);
    if (expect.message_count) add(expect.message_count->requirement);
  }
  void add(const std::vector<Step>& steps) {
    for (const auto& step : steps) std::visit([this](const auto& each) { visit(each); }, step);
  }

 private:
  void visit(const CommandStep& step) { add(step.expect); }
  void visit(const ResumeStep& step) { add(step.expect); }
  void visit(const AwaitStep& step) { add(step.untagged); }
  void visit(const ExpectCloseStep& step) {
    add(step.requirement);
    add(step.bye_requirement);
  }
  void visit(const FollowReferralStep& step) { add(step.requirement); }
  void visit(const FenceStep&) {}
  void visit(const BarrierStep&) {}
  void visit(const std::shared_ptr<ConcurrentStep>& step) {
    add(step->requirement);
    for (const auto& command : step->commands) add(command.expect);
  }
  void visit(const std::shared_ptr<AlternativesStep>& step) {
    add(step->requirement);
    for (const auto& alternative : step->alternatives) add(alternative.steps);
  }

  std::set<std::string>& ids_;
};

LevelFamily family_of(Level level) {
  switch (level) {
    case Level::must:
    case Level::must_not: return LevelFamily::must;
    case Level::should:
    case Level::should_not: return LevelFamily::should;
    case Level::may: return LevelFamily::may;
  }
  return LevelFamily::must;
}

bool has_level(const Scenario& scenario, const RequirementCatalogue& catalogue,
               const std::vector<LevelFamily>& levels) {
  for (const auto& id : requirement_ids(scenario)) {
    auto found = catalogue.find(id);
    if (found == catalogue.end()) continue;
    if (std::find(levels.begin(), levels.end(), family_of(found->second.level)) != levels.end()) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> normalise_rfc(std::string_view text) {
  std::string number = upper(text);
  if (number.starts_with("RFC")) number.erase(0, 3);
  if (number.starts_with('-')) number.erase(0, 1);
  bool digits = !number.empty() && std::all_of(number.begin(), number.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
  if (!digits) return std::nullopt;
  return number;
}

std::optional<LevelFamily> parse_level_family(std::string_view text) {
  std::string level = upper(text);
  if (level == "MUST" || level == "MUST-NOT") return LevelFamily::must;
  if (level == "SHOULD" || level == "SHOULD-NOT") return LevelFamily::should;
  if (level == "MAY") return LevelFamily::may;
  return std::nullopt;
}

std::set<std::string> requirement_ids(const Scenario& scenario) {
  std::set<std::string> ids;
  RequirementCollector collector(ids);
  for (const auto& client : scenario.clients) {
    if (!client.greeting) continue;
    collector.add(client.greeting->requirement);
    collector.add(client.greeting->referral);
  }
  collector.add(scenario.steps);
  return ids;
}

bool is_selected(const Scenario& scenario, const RequirementCatalogue& catalogue,
                 const Selection& selection) {
  if (!selection.filter.selects(scenario.id)) return false;
  if (!selection.rfcs.empty() &&
      std::find(selection.rfcs.begin(), selection.rfcs.end(), scenario.rfc) == selection.rfcs.end()) {
    return false;
  }
  return selection.levels.empty() || has_level(scenario, catalogue, selection.levels);
}

std::vector<Scenario> select_scenarios(const std::vector<Scenario>& scenarios,
                                       const RequirementCatalogue& catalogue,
                                       const Selection& selection) {
  std::vector<Scenario> selected;
  for (const auto& scenario : scenarios) {
    if (is_selected(scenario, catalogue, selection)) selected.push_back(scenario);
  }
  return selected;
}

}  // namespace referee::cli
