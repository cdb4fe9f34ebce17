#pragma once
// The stress section of the result tree (`referee stress`, docs/STRESS.md): throughput and
// latency per command type, the invariants broken, and where to replay them from. Plain data;
// the JSON writer (reports/json/stress_json.cpp) and other reporters read it.
#include <cstdint>
#include <string>
#include <vector>

namespace referee::engine {

// One command type ("FETCH", "UID STORE", "IDLE", ...) over the whole run.
struct StressCommandStats {
  std::string name;
  std::uint64_t count = 0;          // commands completed (any tagged status)
  double per_second = 0;            // count / run duration
  std::uint64_t p50_us = 0;         // latency percentiles: send to tagged response, µs
  std::uint64_t p90_us = 0;
  std::uint64_t p99_us = 0;
  std::uint64_t max_us = 0;
};

// An invariant broken (outcome fail) or an RFC 2180 inconsistency (outcome info).
struct StressFinding {
  std::string invariant;            // "no-expunge-during-fetch", "uid-ascending", ...
  std::string requirement;          // catalogue id (scenarios/requirements.xml)
  std::string outcome;              // "fail" or "info" (reports/json outcome names)
  std::string client;               // the client that observed it: "C3"
  std::string command;              // that client's command, after the tag
  std::string summary;
  std::string expected;
  std::string observed;
  std::uint64_t command_index = 0;  // position in the global command order (replay file)
  // The last events of every client before it, oldest first, one line each:
  // "+1234567us C3 send a17 FETCH 4 (FLAGS UID)".
  std::vector<std::string> transcript;
};

struct StressResult {
  std::uint64_t seed = 0;
  unsigned clients = 0;
  unsigned mailboxes = 0;
  std::string mix;                  // "select=5,fetch=25,..."
  std::uint64_t commands = 0;       // commands completed
  double duration_s = 0;            // from the first command to the last answer
  double commands_per_second = 0;
  double checker_cpu_s = 0;         // CPU time spent in the model and invariants
  double harness_cpu_s = 0;         // CPU time of the referee process during the run
  double server_cpu_s = -1;         // CPU time of a launched target during the run (-1: unknown)
  std::vector<StressCommandStats> per_command;
  std::vector<StressFinding> findings;
  std::uint64_t violations = 0;     // findings with outcome fail (counted even past the list cap)
  std::string replay_file;          // written when a violation stopped or marked the run
  std::string shrunk_scenario;      // written by --shrink
  std::string shrink_summary;       // "3 clients, 41 commands -> 2 clients, 4 commands"
  bool replayed = false;            // this run re-ran a replay file
};

}  // namespace referee::engine
