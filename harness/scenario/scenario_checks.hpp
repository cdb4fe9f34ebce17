#pragma once
// Semantic checks of a loaded scenario, beyond what scenario-1.xsd can say: clients are
// declared (or created by follow-referral before use) and unique, variables are defined before
// use, requirement ids exist in the catalogue, presence="must" names a requirement, <resume>
// has a held literal to resume, RE2 patterns compile, and alternatives run in lock-step
// (a warning when they diverge).
#include "harness/scenario/diagnostic.hpp"
#include "harness/scenario/model.hpp"
#include "harness/scenario/requirement.hpp"

namespace referee::scenario {

void check_scenario(const Scenario& scenario, const RequirementCatalogue& catalogue,
                    Diagnostics& diagnostics);

}  // namespace referee::scenario
