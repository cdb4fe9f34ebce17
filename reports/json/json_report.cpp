#include "reports/json/json_report.hpp"

#include <array>

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include "reports/byte_text.hpp"
#include "reports/json/pretty_print.hpp"
#include "reports/result_summary.hpp"
#include "reports/json/stress_json.hpp"

namespace referee::reports::json {
namespace {

namespace js = boost::json;

constexpr std::array kAllOutcomes{engine::Outcome::pass, engine::Outcome::fail,
                                  engine::Outcome::warn, engine::Outcome::info,
                                  engine::Outcome::not_applicable, engine::Outcome::error};

// Any string of the result may hold server bytes: make it valid UTF-8.
js::string text(std::string_view bytes) { return js::string(to_valid_utf8(bytes)); }

js::array text_array(const std::vector<std::string>& lines) {
  js::array array;
  for (const auto& line : lines) array.emplace_back(text(line));
  return array;
}

js::object location_json(const scenario::SourceLocation& where) {
  return {{"file", text(where.file)}, {"line", where.line}, {"column", where.column}};
}

js::object check_json(const engine::CheckResult& check) {
  js::object object{{"requirement", text(check.requirement)},
                    {"rfc", text(check.rfc)},
                    {"section", text(check.section)},
                    {"level", level_name(check.level)},
                    {"outcome", outcome_name(check.outcome)},
                    {"summary", text(check.summary)},
                    {"expected", text(check.expected)},
                    {"observed", text(check.observed)},
                    {"client", text(check.client)},
                    {"step", location_json(check.step)}};
  object["transcript_event"] =
      check.transcript_event ? js::value(*check.transcript_event) : js::value(nullptr);
  return object;
}

js::object strategy_json(const engine::ObservedStrategy& strategy) {
  return {{"block", text(strategy.block)},
          {"alternative", text(strategy.alternative)},
          {"section", text(strategy.section)},
          {"description", text(strategy.description)}};
}

// "text" is always there for people; "base64" only when "text" is not the exact bytes.
js::object transcript_line_json(const engine::TranscriptLine& line) {
  js::object object{{"us", line.micros},
                    {"client", text(line.client)},
                    {"server", text(line.server)},
                    {"direction", text(line.direction)},
                    {"text", text(line.bytes)}};
  if (!is_valid_utf8(line.bytes)) object["base64"] = base64_encode(line.bytes);
  return object;
}

template <typename Item, typename ToJson>
js::array array_of(const std::vector<Item>& items, ToJson to_json_item) {
  js::array array;
  array.reserve(items.size());
  for (const auto& item : items) array.emplace_back(to_json_item(item));
  return array;
}

js::object baseline_json(const engine::BaselineMark& mark) {
  return {{"status", baseline_status_name(mark.status)},
          {"reason", text(mark.reason)},
          {"expires", text(mark.expires)}};
}

js::object scenario_json(const engine::ScenarioResult& scenario) {
  return {{"id", text(scenario.id)},
          {"title", text(scenario.title)},
          {"rfc", text(scenario.rfc)},
          {"section", text(scenario.section)},
          {"file", text(scenario.file)},
          {"repetition", scenario.repetition},
          {"outcome", outcome_name(scenario.outcome)},
          {"reason", text(scenario.reason)},
          {"duration_us", scenario.duration.count()},
          {"quotes", text_array(scenario.quotes)},
          {"checks", array_of(scenario.checks, check_json)},
          {"strategies", array_of(scenario.strategies, strategy_json)},
          {"baseline", baseline_json(scenario.baseline)},
          {"transcript", array_of(scenario.transcript, transcript_line_json)}};
}

js::object namespace_json(const engine::ServerNamespace& space) {
  return {{"server", text(space.server)},
          {"user", text(space.user)},
          {"delimiter", space.delimiter ? js::value(text(std::string(1, *space.delimiter))) : js::value(nullptr)},
          {"personal_prefix", text(space.personal_prefix)},
          {"source", text(space.source)},
          {"problem", text(space.problem)}};
}

js::object problem_json(const engine::RunProblem& problem) {
  return {{"server", text(problem.server)}, {"user", text(problem.user)},
          {"message", text(problem.message)}};
}

js::object server_json(const engine::ServerInfo& server) {
  return {{"id", text(server.id)},
          {"address", text(server.address)},
          {"greeting", text(server.greeting)},
          {"capabilities", text_array(server.capabilities)},
          {"capabilities_after_login", text_array(server.capabilities_after_login)}};
}

// The requirement matrix: requirement -> verdict (worst of its checks), sentence, scenarios.
js::array requirements_json(const engine::RunResult& run) {
  js::array matrix;
  for (const auto& verdict : requirement_matrix(run)) {
    const auto& requirement = verdict.requirement;
    js::array scenarios;
    for (const auto& id : verdict.scenarios) scenarios.emplace_back(text(id));
    matrix.emplace_back(js::object{{"id", text(requirement.id)},
                                   {"rfc", text(requirement.rfc)},
                                   {"section", text(requirement.section)},
                                   {"level", level_name(requirement.level)},
                                   {"text", text(requirement.text)},
                                   {"outcome", outcome_name(verdict.outcome)},
                                   {"scenarios", std::move(scenarios)}});
  }
  return matrix;
}

js::object baseline_note_json(const engine::BaselineNote& note) {
  return {{"requirement", text(note.requirement)},
          {"status", baseline_status_name(note.status)},
          {"reason", text(note.reason)},
          {"expires", text(note.expires)}};
}

js::object summary_json(const engine::RunResult& run) {
  js::object summary{{"scenarios", run.scenarios.size()}};
  for (auto outcome : kAllOutcomes) {
    std::size_t count = 0;
    for (const auto& scenario : run.scenarios) count += scenario.outcome == outcome ? 1 : 0;
    summary[outcome_name(outcome)] = count;
  }
  return summary;
}

}  // namespace

std::string_view outcome_name(engine::Outcome outcome) { return reports::outcome_name(outcome); }

std::string_view level_name(scenario::Level level) { return reports::level_name(level); }

std::string_view baseline_status_name(engine::BaselineStatus status) {
  switch (status) {
    case engine::BaselineStatus::none: return "none";
    case engine::BaselineStatus::matched: return "matched";
    case engine::BaselineStatus::unexpected_pass: return "unexpected_pass";
    case engine::BaselineStatus::expired: return "expired";
  }
  return "none";
}

js::object scenarios_json(const engine::RunResult& run);

js::object to_json(const engine::RunResult& run) {
  js::object document = scenarios_json(run);
  // Additive: present only for `referee stress` runs.
  if (run.stress) document["stress"] = stress_json(*run.stress);
  return document;
}

js::object scenarios_json(const engine::RunResult& run) {
  return {{"format", "referee-results"},
          {"format_version", kFormatVersion},
          {"suite_version", text(run.suite_version)},
          {"git_commit", text(run.git_commit)},
          {"catalogue_version", text(run.catalogue_version)},
          {"target", text(run.target)},
          {"started_at", text(run.started_at)},
          {"duration_us", run.duration.count()},
          {"command_line", text_array(run.command_line)},
          {"run_id", text(run.run_id)},
          {"shard", {{"index", run.shard.index}, {"total", run.shard.total}}},
          {"strict", run.strict},
          {"fatal_error", text(run.fatal_error)},
          {"interrupted", text(run.interrupted)},
          {"summary", summary_json(run)},
          {"servers", array_of(run.servers, server_json)},
          {"namespaces", array_of(run.namespaces, namespace_json)},
          {"problems", array_of(run.problems, problem_json)},
          {"launch_output", text_array(run.launch_output)},
          {"requirements", requirements_json(run)},
          {"baseline_notes", array_of(run.baseline_notes, baseline_note_json)},
          {"scenarios", array_of(run.scenarios, scenario_json)}};
}

void JsonReportWriter::write(const engine::RunResult& run, std::ostream& out) const {
  pretty_print(out, to_json(run));
  out << '\n';
}

}  // namespace referee::reports::json
