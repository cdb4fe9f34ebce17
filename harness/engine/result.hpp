#pragma once
// The result tree: everything a run observed, collected in memory and written at the end
// (JSON now; HTML and JUnit reporters read the same tree). Plain data.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/scenario/model.hpp"

namespace referee::engine {

// Worst first: a scenario's outcome is the worst of its checks.
enum class Outcome { error, fail, warn, info, pass, not_applicable };

struct CheckResult {
  std::string requirement;        // catalogue id
  std::string rfc;                // "2193"
  std::string section;            // "4.1"
  scenario::Level level = scenario::Level::must;
  Outcome outcome = Outcome::pass;
  std::string summary;            // one line: what was checked
  std::string expected;
  std::string observed;
  std::string client;             // "C1"
  scenario::SourceLocation step;  // the step that decided it
  std::optional<std::size_t> transcript_event;  // index into the run's events
};

// One transcript event: what crossed the wire, or what happened to a connection.
struct TranscriptLine {
  std::int64_t micros = 0;        // since the run started
  std::string client;             // "C1", "C1R"
  std::string server;             // profile server id
  std::string direction;          // "send", "recv", "meta"
  std::string bytes;              // raw (redacted unless --no-redact)
};

struct ObservedStrategy {
  std::string block;              // "delete-selected"
  std::string alternative;        // "ghost" or "" when none matched
  std::string section;            // "3.2"
  std::string description;
};

struct ScenarioResult {
  std::string id;
  std::string title;
  std::string rfc;
  std::string section;
  std::string file;
  std::vector<std::string> quotes;  // the RFC sentences, "RFC 2193 §4.1: …"
  Outcome outcome = Outcome::pass;
  std::string reason;              // for not_applicable and error
  std::vector<CheckResult> checks;
  std::vector<ObservedStrategy> strategies;
  std::vector<TranscriptLine> transcript;
  std::chrono::microseconds duration{0};
  unsigned repetition = 0;
};

struct ServerInfo {
  std::string id;
  std::string address;             // host:port
  std::string greeting;
  std::vector<std::string> capabilities;
};

struct RunResult {
  std::string suite_version;       // Referee's version, "0.1.0"
  std::string git_commit;          // the commit Referee was built from ("…-dirty", "unknown")
  std::string catalogue_version;   // the scenario catalogue's VERSION ("unversioned" without)
  std::string target;              // profile name and file
  std::string started_at;          // ISO 8601, local time
  std::chrono::microseconds duration{0};
  std::vector<ServerInfo> servers;
  std::vector<ScenarioResult> scenarios;
  std::vector<std::string> launch_output;  // captured stdout/stderr of launched servers
  std::string fatal_error;         // the target could not be launched or reached
};

}  // namespace referee::engine
