#pragma once
// How one scenario result reads as a JUnit testcase: which element (failure, error, skipped or
// none), its message, and the texts.

#include <string>

#include "harness/engine/result.hpp"

namespace referee::reports::junit {

enum class CaseKind { passed, failure, error, skipped };

struct CaseVerdict {
  CaseKind kind = CaseKind::passed;
  std::string type;      // "MUST", "SHOULD", "harness", "not_applicable", "baseline"
  std::string message;   // one line
  std::string details;   // element text: requirement, sentence, expected, observed, excerpt
};

// `sentence_of` gives the RFC sentence of a requirement id ("" when unknown).
CaseVerdict case_verdict(const engine::RunResult& run, const engine::ScenarioResult& scenario,
                         bool strict);

// The testcase's <system-out>: observed strategies, warnings, then the whole transcript.
std::string case_output(const engine::ScenarioResult& scenario);

// "referee.rfc2193": GitLab shows classname as the suite; Jenkins splits it at the last dot
// into package and class.
std::string case_classname(const engine::ScenarioResult& scenario);

// The scenario id, with " [repetition N]" from the second repetition on: (classname, name) is
// unique per run.
std::string case_name(const engine::ScenarioResult& scenario);

}  // namespace referee::reports::junit
