#pragma once
// The command streams of a stress run in the order they were sent: what `--replay FILE`
// re-runs and `--shrink` reduces. A text file, one command a line:
//
//   referee-stress-replay 1
//   seed 42
//   clients 3
//   mailbox referee-test/20261203T0301-a1b2/stress/m1
//   violation no-expunge-during-fetch-store-search C2 #41
//   c 1 SELECT "referee-test/20261203T0301-a1b2/stress/m1"
//   c 0 APPEND "referee-test/20261203T0301-a1b2/stress/m1" (\Seen)
//   l From: stress@referee.invalid\r\nTo: ...        (the APPEND literal, escaped)

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/stress/stress_command.hpp"

namespace referee::stress {

struct LogEntry {
  unsigned client = 0;  // 0-based: C1 is 0
  StressCommand command;
  friend bool operator==(const LogEntry&, const LogEntry&) = default;
};

struct StressLog {
  std::uint64_t seed = 0;
  unsigned clients = 0;
  std::vector<std::string> mailboxes;
  std::string violation;  // "invariant client #index" of the failure it reproduces, or empty
  std::vector<LogEntry> entries;
};

// The kind a command text stands for ("UID FETCH ..." is a fetch).
CommandKind kind_of(std::string_view text);

std::string format_log(const StressLog& log);
// Errors name the line: "replay.txt:12: ...".
std::optional<StressLog> parse_log(std::string_view text, const std::string& file, std::string& error);

// Empty on success, else the problem.
std::string write_log_file(const StressLog& log, const std::filesystem::path& path);
std::optional<StressLog> read_log_file(const std::filesystem::path& path, std::string& error);

}  // namespace referee::stress
