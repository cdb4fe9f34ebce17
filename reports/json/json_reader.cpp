#include "reports/json/json_reader.hpp"

#include <array>
#include <fstream>
#include <sstream>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <fmt/format.h>

#include "reports/json/json_report.hpp"
#include "reports/result_summary.hpp"

namespace referee::reports::json {
namespace {

namespace js = boost::json;

// Missing or mistyped members read as defaults: a reader of a newer or older file keeps
// what it understands (README.md: readers ignore unknown fields).
std::string string_at(const js::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

std::int64_t integer_at(const js::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  if (!value) return 0;
  if (value->is_int64()) return value->get_int64();
  if (value->is_uint64()) return static_cast<std::int64_t>(value->get_uint64());
  return 0;
}

const js::array& array_at(const js::object& object, std::string_view key) {
  static const js::array empty;
  const auto* value = object.if_contains(key);
  return value && value->is_array() ? value->get_array() : empty;
}

const js::object& object_at(const js::object& object, std::string_view key) {
  static const js::object empty;
  const auto* value = object.if_contains(key);
  return value && value->is_object() ? value->get_object() : empty;
}

std::vector<std::string> strings_at(const js::object& object, std::string_view key) {
  std::vector<std::string> strings;
  for (const auto& item : array_at(object, key)) {
    if (item.is_string()) strings.emplace_back(item.get_string());
  }
  return strings;
}

template <typename Item, typename FromJson>
std::vector<Item> items_at(const js::object& object, std::string_view key, FromJson from_json) {
  std::vector<Item> items;
  for (const auto& item : array_at(object, key)) {
    if (item.is_object()) items.push_back(from_json(item.get_object()));
  }
  return items;
}

engine::Outcome outcome_at(const js::object& object) {
  return parse_outcome(string_at(object, "outcome")).value_or(engine::Outcome::error);
}

engine::BaselineStatus baseline_status(std::string_view name) {
  for (auto status : {engine::BaselineStatus::matched, engine::BaselineStatus::unexpected_pass,
                      engine::BaselineStatus::expired}) {
    if (baseline_status_name(status) == name) return status;
  }
  return engine::BaselineStatus::none;
}

engine::CheckResult check_from(const js::object& object) {
  engine::CheckResult check{.requirement = string_at(object, "requirement"),
                            .rfc = string_at(object, "rfc"),
                            .section = string_at(object, "section"),
                            .level = parse_level(string_at(object, "level")).value_or(scenario::Level::must),
                            .outcome = outcome_at(object),
                            .summary = string_at(object, "summary"),
                            .expected = string_at(object, "expected"),
                            .observed = string_at(object, "observed"),
                            .client = string_at(object, "client")};
  const auto& step = object_at(object, "step");
  check.step = {string_at(step, "file"), static_cast<unsigned>(integer_at(step, "line")),
                static_cast<unsigned>(integer_at(step, "column"))};
  const auto* event = object.if_contains("transcript_event");
  if (event && !event->is_null()) check.transcript_event = static_cast<std::size_t>(integer_at(object, "transcript_event"));
  return check;
}

// The exact bytes when the writer kept them in base64, else the text.
engine::TranscriptLine transcript_line_from(const js::object& object) {
  engine::TranscriptLine line{integer_at(object, "us"), string_at(object, "client"),
                              string_at(object, "server"), string_at(object, "direction"),
                              string_at(object, "text")};
  if (auto exact = base64_decode(string_at(object, "base64")); exact && !exact->empty()) {
    line.bytes = std::move(*exact);
  }
  return line;
}

engine::ScenarioResult scenario_from(const js::object& object) {
  engine::ScenarioResult scenario{.id = string_at(object, "id"),
                                  .title = string_at(object, "title"),
                                  .rfc = string_at(object, "rfc"),
                                  .section = string_at(object, "section"),
                                  .file = string_at(object, "file"),
                                  .quotes = strings_at(object, "quotes"),
                                  .outcome = outcome_at(object),
                                  .reason = string_at(object, "reason")};
  scenario.checks = items_at<engine::CheckResult>(object, "checks", check_from);
  scenario.strategies = items_at<engine::ObservedStrategy>(object, "strategies", [](const js::object& item) {
    return engine::ObservedStrategy{string_at(item, "block"), string_at(item, "alternative"),
                                    string_at(item, "section"), string_at(item, "description")};
  });
  scenario.transcript = items_at<engine::TranscriptLine>(object, "transcript", transcript_line_from);
  scenario.duration = std::chrono::microseconds(integer_at(object, "duration_us"));
  scenario.repetition = static_cast<unsigned>(integer_at(object, "repetition"));
  const auto& baseline = object_at(object, "baseline");
  scenario.baseline = {baseline_status(string_at(baseline, "status")), string_at(baseline, "reason"),
                       string_at(baseline, "expires")};
  return scenario;
}

engine::ServerInfo server_from(const js::object& object) {
  return {string_at(object, "id"), string_at(object, "address"), string_at(object, "greeting"),
          strings_at(object, "capabilities"), strings_at(object, "capabilities_after_login")};
}

engine::RequirementInfo requirement_from(const js::object& object) {
  return {string_at(object, "id"), string_at(object, "rfc"), string_at(object, "section"),
          parse_level(string_at(object, "level")).value_or(scenario::Level::must),
          string_at(object, "text")};
}

engine::ServerNamespace namespace_from(const js::object& object) {
  engine::ServerNamespace space{.server = string_at(object, "server"), .user = string_at(object, "user"),
                                .personal_prefix = string_at(object, "personal_prefix"),
                                .source = string_at(object, "source"), .problem = string_at(object, "problem")};
  auto delimiter = string_at(object, "delimiter");  // null reads as "": a flat namespace
  if (!delimiter.empty()) space.delimiter = delimiter.front();
  return space;
}

engine::RunProblem problem_from(const js::object& object) {
  return {string_at(object, "server"), string_at(object, "user"), string_at(object, "message")};
}

engine::BaselineNote baseline_note_from(const js::object& object) {
  return {string_at(object, "requirement"), baseline_status(string_at(object, "status")),
          string_at(object, "reason"), string_at(object, "expires")};
}

engine::RunResult run_from(const js::object& document) {
  engine::RunResult run;
  run.suite_version = string_at(document, "suite_version");
  run.git_commit = string_at(document, "git_commit");
  run.catalogue_version = string_at(document, "catalogue_version");
  run.target = string_at(document, "target");
  run.started_at = string_at(document, "started_at");
  run.duration = std::chrono::microseconds(integer_at(document, "duration_us"));
  run.servers = items_at<engine::ServerInfo>(document, "servers", server_from);
  run.scenarios = items_at<engine::ScenarioResult>(document, "scenarios", scenario_from);
  run.namespaces = items_at<engine::ServerNamespace>(document, "namespaces", namespace_from);
  run.problems = items_at<engine::RunProblem>(document, "problems", problem_from);
  run.launch_output = strings_at(document, "launch_output");
  run.fatal_error = string_at(document, "fatal_error");
  run.interrupted = string_at(document, "interrupted");
  run.command_line = strings_at(document, "command_line");
  run.run_id = string_at(document, "run_id");
  const auto& shard = object_at(document, "shard");
  run.shard = {static_cast<unsigned>(std::max<std::int64_t>(1, integer_at(shard, "index"))),
               static_cast<unsigned>(std::max<std::int64_t>(1, integer_at(shard, "total")))};
  const auto* strict = document.if_contains("strict");
  run.strict = strict && strict->is_bool() && strict->get_bool();
  run.requirements = items_at<engine::RequirementInfo>(document, "requirements", requirement_from);
  run.baseline_notes = items_at<engine::BaselineNote>(document, "baseline_notes", baseline_note_from);
  return run;
}

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::optional<std::string> base64_decode(std::string_view encoded) {
  if (encoded.size() % 4 != 0) return std::nullopt;
  std::string bytes;
  for (std::size_t index = 0; index < encoded.size(); index += 4) {
    std::uint32_t group = 0;
    int padding = 0;
    for (std::size_t offset = 0; offset < 4; ++offset) {
      char c = encoded[index + offset];
      int value = base64_value(c);
      bool final_group = index + 4 == encoded.size();
      if (c == '=' && final_group && offset >= 2) { ++padding; value = 0; }
      else if (value < 0 || padding > 0) return std::nullopt;
      group = (group << 6) | static_cast<std::uint32_t>(value);
    }
    bytes += static_cast<char>((group >> 16) & 0xFF);
    if (padding < 2) bytes += static_cast<char>((group >> 8) & 0xFF);
    if (padding < 1) bytes += static_cast<char>(group & 0xFF);
  }
  return bytes;
}

read_result<engine::RunResult> parse_results(std::string_view text, std::string_view source) {
  boost::system::error_code error;
  auto value = js::parse(text, error);
  if (error) return ReadError{fmt::format("{}: not JSON: {}", source, error.message())};
  if (!value.is_object() || string_at(value.get_object(), "format") != "referee-results") {
    return ReadError{fmt::format("{}: not a referee results file (\"format\": \"referee-results\")", source)};
  }
  auto version = integer_at(value.get_object(), "format_version");
  if (version < 1 || version > kFormatVersion) {
    return ReadError{fmt::format("{}: format_version {} is not one this referee reads (1 to {})",
                                 source, version, kFormatVersion)};
  }
  return run_from(value.get_object());
}

read_result<engine::RunResult> read_results_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return ReadError{fmt::format("{}: cannot be read", path.string())};
  std::ostringstream text;
  text << in.rdbuf();
  return parse_results(text.str(), path.string());
}

}  // namespace referee::reports::json
