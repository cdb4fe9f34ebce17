#include "harness/cli/coverage.hpp"

#include "harness/cli/selection.hpp"
#include "harness/engine/run/checks.hpp"

#include <algorithm>
#include <set>

namespace referee::cli {

using scenario::Level;
using scenario::RequirementSubject;

bool needs_proof(const Requirement& requirement) {
  return requirement.subject == RequirementSubject::server && requirement.level != Level::may &&
         requirement.untestable.empty();
}

std::vector<RequirementCoverage> requirement_coverage(const RequirementCatalogue& catalogue,
                                                      const std::vector<Scenario>& scenarios) {
  std::vector<std::set<std::string>> named;
  for (const Scenario& scenario : scenarios) named.push_back(requirement_ids(scenario));
  std::vector<RequirementCoverage> rows;
  for (const auto& [id, requirement] : catalogue) {
    RequirementCoverage row{.requirement = &requirement};
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
      if (named[i].contains(id)) row.scenarios.push_back(scenarios[i].id);
    }
    std::sort(row.scenarios.begin(), row.scenarios.end());
    row.engine_rule = engine::is_engine_rule(id);
    if (needs_proof(requirement)) {
      if (row.scenarios.empty() && !row.engine_rule) row.gap = CoverageGap::no_scenario;
      else if (requirement.proved_by.empty()) row.gap = CoverageGap::no_proof;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string_view gap_text(CoverageGap gap) {
  switch (gap) {
    case CoverageGap::none: return "";
    case CoverageGap::no_scenario: return "no scenario checks it";
    case CoverageGap::no_proof: return "no fault mode proves a scenario catches it";
  }
  return "";
}

}  // namespace referee::cli
