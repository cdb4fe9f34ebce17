#pragma once
// The result tree: everything a run observed, collected in memory and written at the end
// (JSON now; HTML and JUnit reporters read the same tree). Plain data.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/engine/stress_result.hpp"
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

// What a --baseline file said about this scenario (reports/baseline.hpp).
enum class BaselineStatus {
  none,             // no entry
  matched,          // the failure was expected: it does not fail the run
  unexpected_pass,  // an entry expected a failure, the scenario did not fail
  expired,          // the entry's expiry date has passed: it no longer excuses anything
};

struct BaselineMark {
  BaselineStatus status = BaselineStatus::none;
  std::string reason;              // the entry's reason
  std::string expires;             // "2027-03-31" or ""
};

// A baseline entry by requirement that excused nothing: it expected a failure that did not
// happen, or it has expired.
struct BaselineNote {
  std::string requirement;
  BaselineStatus status = BaselineStatus::unexpected_pass;
  std::string reason;
  std::string expires;
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
  BaselineMark baseline;           // filled by the CLI with --baseline
};

struct ServerInfo {
  std::string id;
  std::string address;             // host:port
  std::string greeting;
  std::vector<std::string> capabilities;
  std::vector<std::string> capabilities_after_login;  // empty when not probed
};

// A catalogue requirement a check of this run named: reports show its sentence.
struct RequirementInfo {
  std::string id;
  std::string rfc;
  std::string section;
  scenario::Level level = scenario::Level::must;
  std::string text;                // the RFC sentence, verbatim
};

// --shard K/N: this run holds every N-th selected scenario, starting with the K-th (1-based).
struct Shard {
  unsigned index = 1;
  unsigned total = 1;              // 1: the whole selection
};

// A server's hierarchy delimiter and personal namespace, as one user sees them: discovered
// once per run (NAMESPACE when advertised, else LIST "" ""), or stated by the profile.
struct ServerNamespace {
  std::string server;              // profile server id
  std::string user;                // profile user id ("" when the profile stated it)
  std::optional<char> delimiter;   // nullopt: NIL (a flat namespace)
  std::string personal_prefix;     // "" or "INBOX."
  std::string source;              // "NAMESPACE", "LIST \"\" \"\"", "profile"
  std::string problem;             // why discovery failed; "" when it succeeded
  // CAPABILITY after this user's login; results.json shows it as the server's
  // capabilities_after_login rather than here.
  std::vector<std::string> capabilities;
};

// Housekeeping outside any scenario that did not go as planned (a test mailbox the run-level
// teardown could not delete): the server, the user and the server's answer.
struct RunProblem {
  std::string server;
  std::string user;
  std::string message;
};

struct RunResult {
  std::string suite_version;       // Referee's version, "0.1.0"
  std::string git_commit;          // the commit Referee was built from ("…-dirty", "unknown")
  std::string catalogue_version;   // the scenario catalogue's VERSION ("unversioned" without)
  std::string target;              // profile name and file
  std::string started_at;          // ISO 8601, local time
  std::chrono::microseconds duration{0};
  std::vector<ServerInfo> servers;
  std::vector<ServerNamespace> namespaces;
  std::vector<ScenarioResult> scenarios;
  std::vector<RunProblem> problems;
  std::vector<std::string> launch_output;  // captured stdout/stderr of launched servers
  std::string fatal_error;         // the target could not be launched or reached
  std::vector<std::string> command_line;   // referee's arguments, as given
  std::string run_id;              // names the run's test mailboxes
  Shard shard;
  bool strict = false;             // --strict: warn counts as a failure
  std::vector<RequirementInfo> requirements;  // those the scenarios' checks name, by id
  std::vector<BaselineNote> baseline_notes;   // --baseline entries by requirement
  std::string interrupted;         // "SIGINT" / "SIGTERM" when a signal ended the run early
  std::optional<StressResult> stress;  // `referee stress` runs only
};

}  // namespace referee::engine
