#pragma once
// Which scenarios check each requirement of the catalogue and which fixture fault modes prove
// they can see it broken (`referee coverage`). A normative server requirement (MUST, MUST NOT,
// SHOULD, SHOULD NOT) needs both, unless the catalogue says why no client can observe it
// (`untestable`). MAY sentences are choices, not rules: a scenario is wanted (it reports the
// choice) but nothing can break them. Client sentences bind Referee, not the server.
#include <string>
#include <string_view>
#include <vector>

#include "harness/scenario/model.hpp"
#include "harness/scenario/requirement.hpp"


namespace referee::cli {

using scenario::Requirement;
using scenario::RequirementCatalogue;
using scenario::Scenario;

enum class CoverageGap {
  none,
  no_scenario,  // no scenario check names it
  no_proof,     // named, but no fault mode is recorded to prove a check can fail
};

struct RequirementCoverage {
  const Requirement* requirement = nullptr;
  std::vector<std::string> scenarios;  // ids of the scenarios whose checks name it, sorted
  bool engine_rule = false;            // judged by the engine in every scenario (checks.hpp)
  CoverageGap gap = CoverageGap::none;
};

// True for the sentences coverage holds to a scenario and a proving fault.
bool needs_proof(const Requirement& requirement);

// One entry per requirement, in catalogue (id) order.
std::vector<RequirementCoverage> requirement_coverage(const RequirementCatalogue& catalogue,
                                                      const std::vector<Scenario>& scenarios);

std::string_view gap_text(CoverageGap gap);

}  // namespace referee::cli
