#include "harness/stress/stress_log.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "harness/engine/run/command_bytes.hpp"

namespace referee::stress {
namespace {

constexpr std::string_view kHeader = "referee-stress-replay 1";

std::string escape(std::string_view bytes) {
  std::string text;
  for (char c : bytes) {
    if (c == '\\') text += "\\\\";
    else if (c == '\r') text += "\\r";
    else if (c == '\n') text += "\\n";
    else text += c;
  }
  return text;
}

std::optional<std::string> unescape(std::string_view text) {
  std::string bytes;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      bytes += text[i];
      continue;
    }
    if (++i == text.size()) return std::nullopt;
    if (text[i] == 'r') bytes += '\r';
    else if (text[i] == 'n') bytes += '\n';
    else if (text[i] == '\\') bytes += '\\';
    else return std::nullopt;
  }
  return bytes;
}

template <typename Number>
bool parse_number(std::string_view text, Number& out) {
  auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), out);
  return problem == std::errc{} && end == text.data() + text.size();
}

// One "key value" line into `log`; the problem, or empty.
std::string parse_line(std::string_view line, StressLog& log) {
  auto space = line.find(' ');
  std::string_view key = line.substr(0, space);
  std::string_view value = space == std::string_view::npos ? "" : line.substr(space + 1);
  if (key == "seed") return parse_number(value, log.seed) ? "" : "seed: expected a number";
  if (key == "clients") {
    return parse_number(value, log.clients) && log.clients > 0 ? "" : "clients: expected a number above 0";
  }
  if (key == "mailbox") {
    if (value.empty() || value.find('"') != std::string_view::npos) return "mailbox: expected a name without quotes";
    log.mailboxes.emplace_back(value);
    return "";
  }
  if (key == "violation") {
    log.violation = std::string(value);
    return "";
  }
  if (key == "c") {
    auto text_at = value.find(' ');
    unsigned client = 0;
    if (text_at == std::string_view::npos || !parse_number(value.substr(0, text_at), client) ||
        client >= log.clients) {
      return "c: expected a client number below `clients` and a command";
    }
    std::string text(value.substr(text_at + 1));
    log.entries.push_back(LogEntry{client, StressCommand{kind_of(text), text, {}}});
    return "";
  }
  if (key == "l") {
    auto literal = unescape(value);
    if (log.entries.empty() || log.entries.back().command.kind != CommandKind::append || !literal) {
      return "l: an escaped literal must follow an APPEND";
    }
    log.entries.back().command.literal = *literal;
    return "";
  }
  return fmt::format("unknown line \"{}\"", key);
}

}  // namespace

CommandKind kind_of(std::string_view text) {
  std::string name = engine::command_name(text);
  if (name.starts_with("UID ")) name = name.substr(4);
  if (name == "SELECT" || name == "EXAMINE") return CommandKind::select;
  if (name == "FETCH") return CommandKind::fetch;
  if (name == "STORE") return CommandKind::store;
  if (name == "EXPUNGE") return CommandKind::expunge;
  if (name == "APPEND") return CommandKind::append;
  if (name == "COPY") return CommandKind::copy;
  if (name == "SEARCH") return CommandKind::search;
  if (name == "IDLE") return CommandKind::idle;
  return CommandKind::noop;
}

std::string format_log(const StressLog& log) {
  std::string text = fmt::format("{}\nseed {}\nclients {}\n", kHeader, log.seed, log.clients);
  for (const auto& mailbox : log.mailboxes) text += "mailbox " + mailbox + "\n";
  if (!log.violation.empty()) text += "violation " + log.violation + "\n";
  for (const auto& entry : log.entries) {
    text += fmt::format("c {} {}\n", entry.client, entry.command.text);
    if (!entry.command.literal.empty()) text += "l " + escape(entry.command.literal) + "\n";
  }
  return text;
}

std::optional<StressLog> parse_log(std::string_view text, const std::string& file, std::string& error) {
  StressLog log;
  std::size_t number = 0;
  while (!text.empty()) {
    auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++number;
    if (number == 1) {
      if (line != kHeader) {
        error = fmt::format("{}:1: not a replay file (expected \"{}\")", file, kHeader);
        return std::nullopt;
      }
      continue;
    }
    if (line.empty()) continue;
    if (auto problem = parse_line(line, log); !problem.empty()) {
      error = fmt::format("{}:{}: {}", file, number, problem);
      return std::nullopt;
    }
  }
  if (number == 0 || log.clients == 0 || log.mailboxes.empty()) {
    error = fmt::format("{}: incomplete replay file (needs clients and at least one mailbox)", file);
    return std::nullopt;
  }
  return log;
}

std::string write_log_file(const StressLog& log, const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << format_log(log);
  out.close();
  return out ? "" : path.string() + ": could not be written";
}

std::optional<StressLog> read_log_file(const std::filesystem::path& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path.string() + ": cannot be read";
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_log(text.str(), path.string(), error);
}

}  // namespace referee::stress
