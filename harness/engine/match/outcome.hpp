#pragma once
// The verdict policy (docs/SCENARIO-LANGUAGE.md "Verdicts", /work/shared/DECISIONS.md): which
// outcome a broken or an observed requirement gets, and how checks add up to a scenario.

#include <span>
#include <string_view>

#include "harness/engine/result.hpp"
#include "harness/scenario/model.hpp"

namespace referee::engine {

// A requirement of this level was broken: MUST / MUST NOT -> fail, SHOULD / SHOULD NOT -> warn,
// MAY -> info (a MAY feature absent is never a failure).
Outcome outcome_when_broken(scenario::Level level);

// A documented alternative of this level was observed (alternatives blocks): MAY -> info,
// SHOULD -> info, SHOULD NOT -> warn, MUST NOT -> fail, MUST -> pass.
Outcome outcome_when_observed(scenario::Level level);

// The worse of two outcomes (error > fail > warn > info > pass); not_applicable counts as
// better than pass, so one applicable check decides.
Outcome worst(Outcome a, Outcome b);

// The worst of the checks; pass when there are none.
Outcome aggregate(std::span<const CheckResult> checks);

// --strict counts warn as a failure.
bool is_failure(Outcome outcome, bool strict);

std::string_view to_string(Outcome outcome);
std::string_view to_string(scenario::Level level);  // "MUST", "SHOULD NOT", ...

}  // namespace referee::engine
