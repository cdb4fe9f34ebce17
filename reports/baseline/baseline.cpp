#include "reports/baseline/baseline.hpp"

#include <algorithm>
#include <ctime>
#include <fstream>
#include <regex>
#include <sstream>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <fmt/format.h>

#include "reports/json/pretty_print.hpp"
#include "reports/result_summary.hpp"

namespace referee::reports::baseline {
namespace {

namespace js = boost::json;
using engine::BaselineStatus;
using engine::Outcome;

bool counts_as_failure(Outcome outcome, bool strict) {
  return outcome == Outcome::fail || outcome == Outcome::error || (strict && outcome == Outcome::warn);
}

bool expired(const Entry& entry, std::string_view today) {
  return !entry.expires.empty() && entry.expires < today;  // ISO dates compare as text
}

std::string member(const js::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

std::optional<std::string> entry_problem(const js::object& object, Entry& entry) {
  entry.scenario = member(object, "scenario");
  entry.requirement = member(object, "requirement");
  entry.reason = member(object, "reason");
  entry.expires = member(object, "expires");
  if (entry.scenario.empty() == entry.requirement.empty()) {
    return "needs exactly one of \"scenario\" and \"requirement\"";
  }
  auto outcome = parse_outcome(member(object, "outcome"));
  if (!outcome || !counts_as_failure(*outcome, true)) {
    return "\"outcome\" must be \"fail\", \"error\" or \"warn\" (the failure expected)";
  }
  entry.outcome = *outcome;
  static const std::regex date("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  if (!entry.expires.empty() && !std::regex_match(entry.expires, date)) {
    return "\"expires\" must be a date, YYYY-MM-DD";
  }
  return std::nullopt;
}

const Entry* entry_for_scenario(const Baseline& baseline, std::string_view id) {
  for (const auto& entry : baseline.entries) {
    if (entry.scenario == id) return &entry;
  }
  return nullptr;
}

const Entry* entry_for_requirement(const Baseline& baseline, std::string_view id) {
  for (const auto& entry : baseline.entries) {
    if (!entry.requirement.empty() && entry.requirement == id) return &entry;
  }
  return nullptr;
}

// A failing scenario without a scenario entry is excused when every failing check has a
// live requirement entry expecting exactly that outcome.
engine::BaselineMark requirement_mark(const engine::ScenarioResult& scenario, const Baseline& baseline,
                                      std::string_view today, bool strict) {
  std::string reasons;
  for (const auto& check : scenario.checks) {
    if (!counts_as_failure(check.outcome, strict)) continue;
    const auto* entry = entry_for_requirement(baseline, check.requirement);
    if (!entry || expired(*entry, today) || entry->outcome != check.outcome) return {};
    if (reasons.find(entry->reason) == std::string::npos) reasons += (reasons.empty() ? "" : "; ") + entry->reason;
  }
  if (reasons.empty()) return {};  // no failing check to excuse (e.g. an error before any)
  return {BaselineStatus::matched, reasons, ""};
}

engine::BaselineMark scenario_mark(const engine::ScenarioResult& scenario, const Baseline& baseline,
                                   std::string_view today, bool strict) {
  bool failed = counts_as_failure(scenario.outcome, strict);
  const auto* entry = entry_for_scenario(baseline, scenario.id);
  if (!entry) return failed ? requirement_mark(scenario, baseline, today, strict) : engine::BaselineMark{};
  if (expired(*entry, today)) return {BaselineStatus::expired, entry->reason, entry->expires};
  if (!failed) return {BaselineStatus::unexpected_pass, entry->reason, entry->expires};
  if (entry->outcome == scenario.outcome) return {BaselineStatus::matched, entry->reason, entry->expires};
  return {};  // a different failure than the one expected still fails
}

void add_requirement_notes(engine::RunResult& run, const Baseline& baseline, std::string_view today) {
  for (const auto& entry : baseline.entries) {
    if (entry.requirement.empty()) continue;
    if (expired(entry, today)) {
      run.baseline_notes.push_back({entry.requirement, BaselineStatus::expired, entry.reason, entry.expires});
      continue;
    }
    bool checked = false, failed = false;
    for (const auto& scenario : run.scenarios) {
      for (const auto& check : scenario.checks) {
        if (check.requirement != entry.requirement) continue;
        checked = true;
        failed = failed || counts_as_failure(check.outcome, true);
      }
    }
    if (checked && !failed) {
      run.baseline_notes.push_back({entry.requirement, BaselineStatus::unexpected_pass, entry.reason, entry.expires});
    }
  }
}

}  // namespace

boost::system::result<Baseline, BaselineError> parse_baseline(std::string_view text, std::string_view source) {
  boost::system::error_code error;
  auto value = js::parse(text, error);
  if (error) return BaselineError{fmt::format("{}: not JSON: {}", source, error.message())};
  if (!value.is_object() || member(value.get_object(), "format") != "referee-baseline") {
    return BaselineError{fmt::format("{}: not a referee baseline (\"format\": \"referee-baseline\")", source)};
  }
  const auto* entries = value.get_object().if_contains("entries");
  if (!entries || !entries->is_array()) return BaselineError{fmt::format("{}: \"entries\" must be an array", source)};
  Baseline baseline;
  for (std::size_t index = 0; index < entries->get_array().size(); ++index) {
    const auto& item = entries->get_array()[index];
    Entry entry;
    auto problem = item.is_object() ? entry_problem(item.get_object(), entry) : std::optional<std::string>("must be an object");
    if (problem) return BaselineError{fmt::format("{}: entries[{}]: {}", source, index, *problem)};
    baseline.entries.push_back(std::move(entry));
  }
  return baseline;
}

boost::system::result<Baseline, BaselineError> read_baseline_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return BaselineError{fmt::format("{}: cannot be read", path.string())};
  std::ostringstream text;
  text << in.rdbuf();
  return parse_baseline(text.str(), path.string());
}

Baseline baseline_from_run(const engine::RunResult& run) {
  Baseline baseline;
  for (const auto& scenario : run.scenarios) {
    if (!counts_as_failure(scenario.outcome, run.strict)) continue;
    if (entry_for_scenario(baseline, scenario.id)) continue;  // repetitions
    baseline.entries.push_back({scenario.id, "", scenario.outcome,
                                fmt::format("known {} in run {} ({})", outcome_name(scenario.outcome),
                                            run.run_id, run.started_at),
                                ""});
  }
  return baseline;
}

std::string baseline_text(const Baseline& baseline) {
  js::array entries;
  for (const auto& entry : baseline.entries) {
    js::object object;
    if (!entry.scenario.empty()) object["scenario"] = entry.scenario;
    if (!entry.requirement.empty()) object["requirement"] = entry.requirement;
    object["outcome"] = outcome_name(entry.outcome);
    object["reason"] = entry.reason;
    object["expires"] = entry.expires;
    entries.emplace_back(std::move(object));
  }
  js::object document{{"format", "referee-baseline"}, {"format_version", 1}, {"entries", std::move(entries)}};
  std::ostringstream out;
  json::pretty_print(out, document);
  return out.str() + "\n";
}

void apply_baseline(engine::RunResult& run, const Baseline& baseline, std::string_view today) {
  for (auto& scenario : run.scenarios) scenario.baseline = scenario_mark(scenario, baseline, today, run.strict);
  add_requirement_notes(run, baseline, today);
}

bool run_fails(const engine::RunResult& run, bool strict) {
  for (const auto& scenario : run.scenarios) {
    auto status = scenario.baseline.status;
    if (counts_as_failure(scenario.outcome, strict) && status != BaselineStatus::matched) return true;
    if (status == BaselineStatus::expired) return true;
    if (strict && status == BaselineStatus::unexpected_pass) return true;
  }
  return std::any_of(run.baseline_notes.begin(), run.baseline_notes.end(), [strict](const auto& note) {
    return note.status == BaselineStatus::expired || (strict && note.status == BaselineStatus::unexpected_pass);
  });
}

std::string local_date() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

}  // namespace referee::reports::baseline
