#include "reports/junit/junit_case.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "reports/result_summary.hpp"
#include "reports/transcript_text.hpp"

namespace referee::reports::junit {
namespace {

using engine::Outcome;

constexpr std::size_t kExcerptEvents = 8;

std::string sentence_of(const engine::RunResult& run, std::string_view requirement) {
  for (const auto& known : run.requirements) {
    if (known.id == requirement) return known.text;
  }
  return {};
}

bool counts_as_failure(Outcome outcome, bool strict) {
  return outcome == Outcome::fail || (strict && outcome == Outcome::warn);
}

// The check that decided the scenario's outcome: the first with that outcome.
const engine::CheckResult* deciding_check(const engine::ScenarioResult& scenario) {
  auto found = std::find_if(scenario.checks.begin(), scenario.checks.end(),
                            [&](const auto& check) { return check.outcome == scenario.outcome; });
  return found == scenario.checks.end() ? nullptr : &*found;
}

// The events of the check's client up to the one that decided it.
std::string excerpt(const engine::ScenarioResult& scenario, const engine::CheckResult& check) {
  std::size_t end = check.transcript_event ? std::min(*check.transcript_event + 1, scenario.transcript.size())
                                           : scenario.transcript.size();
  std::vector<std::string> lines;
  for (std::size_t index = end; index-- > 0 && lines.size() < kExcerptEvents;) {
    const auto& line = scenario.transcript[index];
    if (check.client.empty() || line.client == check.client) lines.push_back(format_event(line));
  }
  std::reverse(lines.begin(), lines.end());
  std::string text;
  for (const auto& line : lines) text += "  " + line + "\n";
  return text;
}

std::string check_details(const engine::RunResult& run, const engine::ScenarioResult& scenario,
                          const engine::CheckResult& check) {
  std::string text = fmt::format("requirement: {} (RFC {} §{}, {})\n", check.requirement, check.rfc,
                                 check.section, level_name(check.level));
  if (auto sentence = sentence_of(run, check.requirement); !sentence.empty()) {
    text += fmt::format("RFC {} §{}: \"{}\"\n", check.rfc, check.section, sentence);
  }
  text += fmt::format("check: {}\nexpected: {}\nobserved: {}\n", check.summary, check.expected,
                      check.observed);
  text += fmt::format("decided at: {}:{} by {}\n", check.step.file, check.step.line, check.client);
  return text + "transcript excerpt:\n" + excerpt(scenario, check);
}

CaseVerdict failure_verdict(const engine::RunResult& run, const engine::ScenarioResult& scenario) {
  const auto* check = deciding_check(scenario);
  if (!check) return {CaseKind::failure, std::string(outcome_name(scenario.outcome)), scenario.reason, scenario.reason};
  return {CaseKind::failure, std::string(level_name(check->level)),
          fmt::format("{} {}: {}", check->requirement, level_name(check->level), check->summary),
          check_details(run, scenario, *check)};
}

}  // namespace

CaseVerdict case_verdict(const engine::RunResult& run, const engine::ScenarioResult& scenario,
                         bool strict) {
  const auto& baseline = scenario.baseline;
  bool failed = counts_as_failure(scenario.outcome, strict) || scenario.outcome == Outcome::error;
  if (baseline.status == engine::BaselineStatus::matched && failed) {
    return {CaseKind::skipped, "baseline", "baselined: " + baseline.reason, ""};
  }
  if (scenario.outcome == Outcome::error) {
    return {CaseKind::error, "harness", "the harness could not judge: " + scenario.reason, scenario.reason};
  }
  if (scenario.outcome == Outcome::not_applicable) {
    return {CaseKind::skipped, "not_applicable", "not applicable: " + scenario.reason, ""};
  }
  if (failed) return failure_verdict(run, scenario);
  if (baseline.status == engine::BaselineStatus::expired) {
    return {CaseKind::failure, "baseline", "baseline entry expired on " + baseline.expires, baseline.reason};
  }
  if (baseline.status == engine::BaselineStatus::unexpected_pass && strict) {
    return {CaseKind::failure, "baseline",
            "unexpected pass: the baseline expects a failure (" + baseline.reason + ")", ""};
  }
  return {};
}

std::string case_output(const engine::ScenarioResult& scenario) {
  std::string text;
  for (const auto& strategy : scenario.strategies) {
    text += fmt::format("strategy {} = {} (§{}) {}\n", strategy.block,
                        strategy.alternative.empty() ? "none matched" : strategy.alternative,
                        strategy.section, strategy.description);
  }
  for (const auto& check : scenario.checks) {
    if (check.outcome != Outcome::warn && check.outcome != Outcome::info) continue;
    text += fmt::format("{}: {} ({} {}): expected {}; observed {}\n", outcome_name(check.outcome),
                        check.requirement, level_name(check.level), check.summary, check.expected,
                        check.observed);
  }
  if (scenario.baseline.status == engine::BaselineStatus::unexpected_pass) {
    text += "baseline: unexpected pass (" + scenario.baseline.reason + ")\n";
  }
  return text + transcript_file_text(scenario);
}

std::string case_classname(const engine::ScenarioResult& scenario) {
  return "referee.rfc" + scenario.rfc;
}

std::string case_name(const engine::ScenarioResult& scenario) {
  if (scenario.repetition == 0) return scenario.id;
  return fmt::format("{} [repetition {}]", scenario.id, scenario.repetition + 1);
}

}  // namespace referee::reports::junit
