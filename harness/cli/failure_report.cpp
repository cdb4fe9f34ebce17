#include "harness/cli/failure_report.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "harness/cli/console.hpp"
#include "reports/transcript_text.hpp"
#include "harness/engine/match/outcome.hpp"

namespace referee::cli {
namespace {

void add_unique(std::vector<std::string>& list, const std::string& item) {
  if (!item.empty() && std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

std::string describe_check(const engine::CheckResult& check,
                           const scenario::RequirementCatalogue& catalogue,
                           const FailureReportStyle& style) {
  std::string text = fmt::format("  {} {} (RFC {} §{}, {})", outcome_label(check.outcome, style.color),
                                 check.requirement.empty() ? "(no requirement)" : check.requirement,
                                 check.rfc, check.section, engine::to_string(check.level));
  if (!check.step.file.empty()) {
    text += fmt::format(" at {}:{}:{}", check.step.file, check.step.line, check.step.column);
  }
  if (!check.client.empty()) text += ", client " + check.client;
  text += '\n';
  if (!check.summary.empty()) text += fmt::format("      {}\n", check.summary);
  if (auto requirement = catalogue.find(check.requirement); requirement != catalogue.end()) {
    text += fmt::format("      \"{}\"\n", requirement->second.text);
  }
  text += fmt::format("      expected: {}\n", check.expected);
  text += fmt::format("      observed: {}\n", check.observed);
  return text;
}

std::string describe_transcripts(const engine::ScenarioResult& scenario,
                                 const FailureReportStyle& style) {
  std::string text;
  for (const auto& client : clients_involved(scenario, style.strict)) {
    auto events = reports::last_events(scenario, client, style.transcript_lines);
    text += fmt::format("  last lines of {}:{}\n", client, events.empty() ? " (none)" : "");
    for (const auto& event : events) {
      std::string indented = "    " + event;
      for (std::size_t at = indented.find('\n'); at != std::string::npos;
           at = indented.find('\n', at + 1)) {
        indented.insert(at + 1, "    ");
      }
      text += indented + '\n';
    }
  }
  return text;
}

}  // namespace

std::vector<std::string> clients_involved(const engine::ScenarioResult& scenario, bool strict) {
  std::vector<std::string> clients;
  bool unnamed = false;
  for (const auto& check : scenario.checks) {
    if (!engine::is_failure(check.outcome, strict)) continue;
    if (check.client.empty()) unnamed = true;
    add_unique(clients, check.client);
  }
  if (clients.empty() || unnamed) {
    for (const auto& line : scenario.transcript) add_unique(clients, line.client);
  }
  return clients;
}

std::string describe_failure(const engine::ScenarioResult& scenario,
                             const scenario::RequirementCatalogue& catalogue,
                             const FailureReportStyle& style) {
  if (!engine::is_failure(scenario.outcome, style.strict)) return {};
  std::string text = fmt::format("{} {}", outcome_label(scenario.outcome, style.color), scenario.id);
  if (!scenario.title.empty()) text += ": " + scenario.title;
  if (scenario.repetition > 0) text += fmt::format(" (repetition {})", scenario.repetition + 1);
  text += '\n';
  if (!scenario.reason.empty()) text += "  " + scenario.reason + '\n';
  for (const auto& check : scenario.checks) {
    if (engine::is_failure(check.outcome, style.strict)) text += describe_check(check, catalogue, style);
  }
  return text + describe_transcripts(scenario, style);
}

}  // namespace referee::cli
