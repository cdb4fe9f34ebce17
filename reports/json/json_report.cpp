#include "reports/json/json_report.hpp"

#include <array>

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include "reports/json/byte_text.hpp"
#include "reports/json/pretty_print.hpp"

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
          {"transcript", array_of(scenario.transcript, transcript_line_json)}};
}

js::object server_json(const engine::ServerInfo& server) {
  return {{"id", text(server.id)},
          {"address", text(server.address)},
          {"greeting", text(server.greeting)},
          {"capabilities", text_array(server.capabilities)}};
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

std::string_view outcome_name(engine::Outcome outcome) {
  switch (outcome) {
    case engine::Outcome::error: return "error";
    case engine::Outcome::fail: return "fail";
    case engine::Outcome::warn: return "warn";
    case engine::Outcome::info: return "info";
    case engine::Outcome::pass: return "pass";
    case engine::Outcome::not_applicable: return "not_applicable";
  }
  return "error";
}

std::string_view level_name(scenario::Level level) {
  switch (level) {
    case scenario::Level::must: return "MUST";
    case scenario::Level::must_not: return "MUST NOT";
    case scenario::Level::should: return "SHOULD";
    case scenario::Level::should_not: return "SHOULD NOT";
    case scenario::Level::may: return "MAY";
  }
  return "MUST";
}

js::object to_json(const engine::RunResult& run) {
  return {{"format", "referee-results"},
          {"format_version", kFormatVersion},
          {"suite_version", text(run.suite_version)},
          {"git_commit", text(run.git_commit)},
          {"catalogue_version", text(run.catalogue_version)},
          {"target", text(run.target)},
          {"started_at", text(run.started_at)},
          {"duration_us", run.duration.count()},
          {"fatal_error", text(run.fatal_error)},
          {"summary", summary_json(run)},
          {"servers", array_of(run.servers, server_json)},
          {"launch_output", text_array(run.launch_output)},
          {"scenarios", array_of(run.scenarios, scenario_json)}};
}

void JsonReportWriter::write(const engine::RunResult& run, std::ostream& out) const {
  pretty_print(out, to_json(run));
  out << '\n';
}

}  // namespace referee::reports::json
