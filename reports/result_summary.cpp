#include "reports/result_summary.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <map>
#include <tuple>

namespace referee::reports {
namespace {

using engine::Outcome;

std::size_t index_of(Outcome outcome) {
  auto found = std::find(kOutcomesWorstFirst.begin(), kOutcomesWorstFirst.end(), outcome);
  return static_cast<std::size_t>(found - kOutcomesWorstFirst.begin());
}

// A scenario not applicable counts as better than pass, as in engine::worst.
Outcome worse(Outcome a, Outcome b) { return index_of(a) <= index_of(b) ? a : b; }

// The next dot-separated part of a section, as a number when it is one.
std::pair<long, std::string_view> next_part(std::string_view& rest) {
  auto dot = rest.find('.');
  auto part = rest.substr(0, dot);
  rest = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
  long number = -1;
  auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), number);
  if (error != std::errc{} || end != part.data() + part.size()) number = -1;
  return {number, part};
}

const engine::RequirementInfo* find_requirement(const engine::RunResult& run, std::string_view id) {
  for (const auto& requirement : run.requirements) {
    if (requirement.id == id) return &requirement;
  }
  return nullptr;
}

engine::RequirementInfo requirement_of(const engine::RunResult& run,
                                       const engine::CheckResult& check) {
  if (const auto* known = find_requirement(run, check.requirement)) return *known;
  return {check.requirement, check.rfc, check.section, check.level, ""};
}

}  // namespace

std::string_view outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::error: return "error";
    case Outcome::fail: return "fail";
    case Outcome::warn: return "warn";
    case Outcome::info: return "info";
    case Outcome::pass: return "pass";
    case Outcome::not_applicable: return "not_applicable";
  }
  return "error";
}

std::optional<Outcome> parse_outcome(std::string_view name) {
  for (auto outcome : kOutcomesWorstFirst) {
    if (outcome_name(outcome) == name) return outcome;
  }
  return std::nullopt;
}

std::string_view level_name(scenario::Level level) {
  switch (level) {
    case scenario::Level::must: return "MUST";
    case scenario::Level::must_not: return "MUST NOT";
    case scenario::Level::should: return "SHOULD";
    case scenario::Level::should_not: return "SHOULD NOT";
    case scenario::Level::may: return "MAY";
  }
  return "MUST";
}

std::optional<scenario::Level> parse_level(std::string_view name) {
  for (auto level : {scenario::Level::must, scenario::Level::must_not, scenario::Level::should,
                     scenario::Level::should_not, scenario::Level::may}) {
    if (level_name(level) == name) return level;
  }
  return std::nullopt;
}

void OutcomeCounts::add(Outcome outcome) {
  ++by_outcome[index_of(outcome)];
  ++total;
}

std::size_t OutcomeCounts::of(Outcome outcome) const { return by_outcome[index_of(outcome)]; }

OutcomeCounts count_outcomes(const std::vector<engine::ScenarioResult>& scenarios) {
  OutcomeCounts counts;
  for (const auto& scenario : scenarios) counts.add(scenario.outcome);
  return counts;
}

std::vector<RfcTotals> totals_by_rfc(const std::vector<engine::ScenarioResult>& scenarios) {
  std::map<long, RfcTotals> by_number;
  for (const auto& scenario : scenarios) {
    long number = 0;
    std::from_chars(scenario.rfc.data(), scenario.rfc.data() + scenario.rfc.size(), number);
    auto& totals = by_number[number];
    totals.rfc = scenario.rfc;
    totals.counts.add(scenario.outcome);
  }
  std::vector<RfcTotals> totals;
  for (auto& [number, entry] : by_number) totals.push_back(std::move(entry));
  return totals;
}

bool section_less(std::string_view a, std::string_view b) {
  while (!a.empty() && !b.empty()) {
    auto [number_a, text_a] = next_part(a);
    auto [number_b, text_b] = next_part(b);
    if (number_a != number_b) return number_a < number_b;
    if (text_a != text_b) return text_a < text_b;
  }
  return a.empty() && !b.empty();
}

std::vector<RequirementVerdict> requirement_matrix(const engine::RunResult& run) {
  std::map<std::string, RequirementVerdict, std::less<>> by_id;
  for (const auto& scenario : run.scenarios) {
    for (const auto& check : scenario.checks) {
      if (check.requirement.empty()) continue;  // a plain expectation that names no requirement
      auto [entry, inserted] = by_id.try_emplace(check.requirement);
      auto& verdict = entry->second;
      if (inserted) {
        verdict.requirement = requirement_of(run, check);
        verdict.outcome = check.outcome;
      }
      verdict.outcome = worse(verdict.outcome, check.outcome);
      if (std::find(verdict.scenarios.begin(), verdict.scenarios.end(), scenario.id) ==
          verdict.scenarios.end()) {
        verdict.scenarios.push_back(scenario.id);
      }
    }
  }
  std::vector<RequirementVerdict> matrix;
  for (auto& [id, verdict] : by_id) matrix.push_back(std::move(verdict));
  std::stable_sort(matrix.begin(), matrix.end(), [](const auto& a, const auto& b) {
    long rfc_a = std::atol(a.requirement.rfc.c_str()), rfc_b = std::atol(b.requirement.rfc.c_str());
    if (rfc_a != rfc_b) return rfc_a < rfc_b;
    if (section_less(a.requirement.section, b.requirement.section)) return true;
    if (section_less(b.requirement.section, a.requirement.section)) return false;
    return a.requirement.id < b.requirement.id;
  });
  return matrix;
}

}  // namespace referee::reports
