#include "reports/transcript_text.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "reports/result_summary.hpp"
#include "reports/byte_text.hpp"

namespace referee::reports {
namespace {

// Control bytes (and bytes of invalid UTF-8) become \xHH. A backslash stays as it is: IMAP
// flags (\Seen) must read naturally; the exact bytes are in results.json.
std::string printable(std::string_view bytes, bool escape_high_bytes) {
  std::string text;
  for (char c : bytes) {
    auto byte = static_cast<unsigned char>(c);
    bool control = byte < 0x20 || byte == 0x7F;
    if (control || (byte >= 0x80 && escape_high_bytes)) {
      text += fmt::format("\\x{:02X}", byte);
    } else {
      text += c;
    }
  }
  return text;
}

std::string_view direction_marker(std::string_view direction) {
  if (direction == "send") return "C:";
  if (direction == "recv") return "S:";
  return "--";
}

}  // namespace

std::vector<std::string> printable_lines(std::string_view bytes) {
  bool escape_high_bytes = !is_valid_utf8(bytes);
  std::vector<std::string> lines;
  while (!bytes.empty()) {
    auto end = bytes.find("\r\n");
    lines.push_back(printable(bytes.substr(0, end), escape_high_bytes));
    if (end == std::string_view::npos) break;
    bytes.remove_prefix(end + 2);
  }
  if (lines.empty()) lines.emplace_back();
  return lines;
}

std::string format_event(const engine::TranscriptLine& line) {
  std::string head = fmt::format("+{}.{:06} {} {} {} ", line.micros / 1000000,
                                 line.micros % 1000000, line.client, line.server,
                                 direction_marker(line.direction));
  std::string text;
  for (const auto& piece : printable_lines(line.bytes)) {
    text += text.empty() ? head : "\n" + std::string(head.size(), ' ');
    text += piece;
  }
  return text;
}

std::vector<std::string> last_events(const engine::ScenarioResult& scenario,
                                     std::string_view client, std::size_t count) {
  std::vector<std::string> events;
  for (auto line = scenario.transcript.rbegin(); line != scenario.transcript.rend(); ++line) {
    if (events.size() == count) break;
    if (client.empty() || line->client == client) events.push_back(format_event(*line));
  }
  std::reverse(events.begin(), events.end());
  return events;
}

std::string transcript_file_text(const engine::ScenarioResult& scenario) {
  std::string text = fmt::format("# {} ({}), repetition {}: {}\n", scenario.id, scenario.file,
                                 scenario.repetition, outcome_name(scenario.outcome));
  text += "# +seconds client server C:|S:|-- bytes (C: client to server, S: server to client)\n";
  for (const auto& line : scenario.transcript) text += format_event(line) + "\n";
  return text;
}

std::string transcript_file_name(const engine::ScenarioResult& scenario) {
  std::string name;
  for (char c : scenario.id) {
    bool safe = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
    name += safe ? c : '-';
  }
  if (scenario.repetition > 0) name += fmt::format(".r{}", scenario.repetition);
  return name + ".log";
}

}  // namespace referee::reports
