#pragma once
// Alternatives run in lock-step (docs/SCENARIO-LANGUAGE.md, "Alternatives"): at each step index
// every remaining candidate's step must be the same action, performed once and judged against
// every candidate. These helpers say what "the same action" is, for the engine and for the
// validator's warning about alternatives that diverge.
#include <cstddef>
#include <optional>
#include <string>

#include "harness/scenario/model.hpp"

namespace referee::scenario {

// A key equal for two steps exactly when they perform the same action: same kind, same client,
// same command text (literals included). Expectations are not part of the action.
// e.g. "command C1: DELETE ${test.mailbox}/box", "await C2", "barrier C1 C2".
std::string action_key(const Step& step);

struct Divergence {
  std::size_t step_index = 0;        // 0-based index inside the alternatives
  std::string followed;              // the first alternative, which the engine follows
  std::string other;                 // the first alternative whose action differs
  std::string followed_action, other_action;
  SourceLocation where;              // the other alternative's diverging step
};

// The first index where the alternatives that still have a step there perform different
// actions; `followed` is the first of them in document order. nullopt when they stay in
// lock-step (a shorter alternative simply completes).
std::optional<Divergence> find_divergence(const AlternativesStep& block);

}  // namespace referee::scenario
