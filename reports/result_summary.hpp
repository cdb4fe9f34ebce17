#pragma once
// What every report format derives from the result tree: names of outcomes and levels, totals
// by outcome and by RFC, and the requirement matrix (requirement -> verdict, scenarios).

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/engine/result.hpp"

namespace referee::reports {

// Worst first, the order legends and totals use.
inline constexpr std::array kOutcomesWorstFirst{
    engine::Outcome::error, engine::Outcome::fail, engine::Outcome::warn,
    engine::Outcome::info,  engine::Outcome::pass, engine::Outcome::not_applicable};

// Stable names: "pass", "fail", "warn", "info", "not_applicable", "error".
std::string_view outcome_name(engine::Outcome outcome);
std::optional<engine::Outcome> parse_outcome(std::string_view name);
// "MUST", "MUST NOT", "SHOULD", "SHOULD NOT", "MAY".
std::string_view level_name(scenario::Level level);
std::optional<scenario::Level> parse_level(std::string_view name);

struct OutcomeCounts {
  std::array<std::size_t, kOutcomesWorstFirst.size()> by_outcome{};  // indexed like the array
  std::size_t total = 0;

  void add(engine::Outcome outcome);
  std::size_t of(engine::Outcome outcome) const;
};

OutcomeCounts count_outcomes(const std::vector<engine::ScenarioResult>& scenarios);

struct RfcTotals {
  std::string rfc;  // "2193"
  OutcomeCounts counts;
};

// One entry per RFC, in ascending RFC number.
std::vector<RfcTotals> totals_by_rfc(const std::vector<engine::ScenarioResult>& scenarios);

struct RequirementVerdict {
  engine::RequirementInfo requirement;  // text empty when the run did not carry it
  engine::Outcome outcome = engine::Outcome::pass;  // worst of its checks
  std::vector<std::string> scenarios;   // ids of the scenarios that checked it, once each
};

// Every requirement a check named (checks naming none are left out), ordered by RFC, section (numerically: 4.2 < 4.10), id.
std::vector<RequirementVerdict> requirement_matrix(const engine::RunResult& run);

// "4.10" after "4.2": dotted numbers compared part by part, text parts as text.
bool section_less(std::string_view a, std::string_view b);

}  // namespace referee::reports
