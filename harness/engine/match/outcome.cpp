#include "harness/engine/match/outcome.hpp"

namespace referee::engine {

using scenario::Level;

Outcome outcome_when_broken(Level level) {
  switch (level) {
    case Level::must:
    case Level::must_not: return Outcome::fail;
    case Level::should:
    case Level::should_not: return Outcome::warn;
    case Level::may: return Outcome::info;
  }
  return Outcome::fail;
}

Outcome outcome_when_observed(Level level) {
  switch (level) {
    case Level::must: return Outcome::pass;
    case Level::should:
    case Level::may: return Outcome::info;
    case Level::should_not: return Outcome::warn;
    case Level::must_not: return Outcome::fail;
  }
  return Outcome::info;
}

Outcome worst(Outcome a, Outcome b) {
  // The enumerators are declared worst first.
  return static_cast<int>(a) <= static_cast<int>(b) ? a : b;
}

Outcome aggregate(std::span<const CheckResult> checks) {
  Outcome result = Outcome::pass;
  for (const CheckResult& check : checks) {
    if (check.outcome != Outcome::not_applicable) result = worst(result, check.outcome);
  }
  return result;
}

bool is_failure(Outcome outcome, bool strict) {
  return outcome == Outcome::error || outcome == Outcome::fail ||
         (strict && outcome == Outcome::warn);
}

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::error: return "error";
    case Outcome::fail: return "fail";
    case Outcome::warn: return "warn";
    case Outcome::info: return "info";
    case Outcome::pass: return "pass";
    case Outcome::not_applicable: return "not applicable";
  }
  return "unknown";
}

std::string_view to_string(Level level) {
  switch (level) {
    case Level::must: return "MUST";
    case Level::must_not: return "MUST NOT";
    case Level::should: return "SHOULD";
    case Level::should_not: return "SHOULD NOT";
    case Level::may: return "MAY";
  }
  return "unknown";
}

}  // namespace referee::engine
