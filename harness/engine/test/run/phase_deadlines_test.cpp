// Setup and teardown each run under one deadline (ScenarioContext::begin_phase): a server that
// answers every command slowly, one byte at a time, cannot stretch a phase of N commands to N
// deadlines. When the phase's deadline passes the scenario is an error naming the phase, the
// server and the command in flight, the teardown still closes everything, and the run goes on.
#include "harness/engine/run/scenario_runner.hpp"

#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "harness/engine/test/engine_test_support.hpp"
#include "harness/engine/test/fake_server.hpp"

namespace referee::engine::test {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;

constexpr milliseconds deadline{500};
// Each answer takes 300 ms (7 bytes, 50 ms apart): within a command's own deadline, but two of
// them are more than the phase's.
const std::string slowly = "TRICKLE 50 ";

std::string root(const std::string& name) { return "referee-test/run1-test-" + name; }

// A scenario whose setup creates ${test.mailbox/box}; one NOOP step.
Scenario isolated_noop(const std::string& name) {
  Scenario scenario = scenario_with_c1(name);
  scenario.setup = scenario::Setup{.client = "C1", .mailboxes = {SetupMailbox{"${test.mailbox/box}", 0, {}}}};
  CommandStep noop = command("C1", "NOOP");
  expect_tagged(noop, {"OK"}, "rfc3501-6.1.2-noop-succeeds");
  scenario.steps.push_back(noop);
  return scenario;
}

Scenario plain_noop(const std::string& name) {
  Scenario scenario = scenario_with_c1(name);
  CommandStep noop = command("C1", "NOOP");
  expect_tagged(noop, {"OK"}, "rfc3501-6.1.2-noop-succeeds");
  scenario.steps.push_back(noop);
  return scenario;
}

// Before the run: the test prefix exists. After it: what `left` names is this run's leftover.
Script survey() {
  return alice({"C: A2 LIST \"\" \"referee-test\"", "S: * LIST () \"/\" referee-test", "S: A2 OK"});
}
Script run_teardown(const std::string& left = "") {
  if (left.empty()) return alice({"C: A2 LIST \"\" \"referee-test/run1-*\"", "S: A2 OK"});
  return alice({"C: A2 LIST \"\" \"referee-test/run1-*\"", "S: * LIST () \"/\" " + left, "S: A2 OK",
                "C: A3 DELETE \"" + left + "\"", "S: A3 OK"});
}

// Microseconds of the first event of `client` whose bytes start with `prefix`; -1 when none.
std::int64_t first_at(const ScenarioResult& result, const std::string& client, const std::string& prefix) {
  for (const auto& line : result.transcript) {
    if (line.client == client && line.bytes.starts_with(prefix)) return line.micros;
  }
  return -1;
}

std::int64_t deadline_passed_at(const ScenarioResult& result, const std::string& client) {
  for (const auto& line : result.transcript) {
    if (line.client == client && line.direction == "meta" &&
        line.bytes.find("deadline passed") != std::string::npos) {
      return line.micros;
    }
  }
  return -1;
}

// The phase starts just before `from_micros` (its first event), so up to 2 % less than the
// deadline is still the whole of it; more than 10 % over is a deadline not kept.
void expect_phase_kept(std::int64_t from_micros, std::int64_t to_micros, const ScenarioResult& result) {
  ASSERT_GE(from_micros, 0) << dump(result);
  ASSERT_GE(to_micros, 0) << dump(result);
  microseconds took(to_micros - from_micros);
  EXPECT_GE(took, deadline * 98 / 100) << dump(result);
  EXPECT_LE(took, deadline * 11 / 10) << dump(result);
}

TEST(PhaseDeadlines, SetupEndsAtOneDeadlineWhateverTheServerTrickles) {
  const std::string box = root("slow-setup") + "/box";
  FakeServer server({survey(), alice(),
                     alice({"C: A2 LIST \"\" \"" + root("slow-setup") + "*\"", slowly + "A2 OK\r\n",
                            "C: A3 CREATE \"" + box + "\"", slowly + "A3 OK\r\n"}),
                     alice({"C: A2 LIST \"\" \"" + root("slow-setup") + "*\"", "S: A2 OK"}),
                     alice({"C: A2 NOOP", "S: A2 OK"}), run_teardown()});
  RunOptions options{.default_timeout = deadline, .run_id = "run1"};
  RunResult run = run_scenarios(fake_profile(server.port()), {isolated_noop("slow-setup"), plain_noop("next")},
                                test_catalogue(), options);
  EXPECT_TRUE(server.finish().empty());
  ASSERT_EQ(run.scenarios.size(), 2u);
  const ScenarioResult& result = run.scenarios[0];
  EXPECT_EQ(result.outcome, Outcome::error) << dump(result);
  EXPECT_EQ(result.reason, "setup: the phase's deadline (500 ms, --timeout) passed on server alpha "
                           "(connection setup) with A3 CREATE \"" + box + "\" in flight");
  expect_phase_kept(first_at(result, "setup", "connected"), deadline_passed_at(result, "setup"), result);
  EXPECT_LT(first_at(result, "C1", "A2 NOOP"), 0) << "the steps ran after a failed setup";
  EXPECT_GE(first_at(result, "teardown", "A2 LIST"), 0) << "the teardown did not run";
  EXPECT_EQ(run.scenarios[1].outcome, Outcome::pass) << dump(run.scenarios[1]);
}

TEST(PhaseDeadlines, TeardownEndsAtOneDeadlineAndTheRunDeletesWhatIsLeft) {
  const std::string mailbox = root("slow-teardown");
  FakeServer server({survey(), alice({"C: A2 NOOP", "S: A2 OK"}),
                     alice({"C: A2 LIST \"\" \"" + mailbox + "*\"", "S: A2 OK",
                            "C: A3 CREATE \"" + mailbox + "/box\"", "S: A3 OK"}),
                     alice({"C: A2 LIST \"\" \"" + mailbox + "*\"", "S: * LIST () \"/\" " + mailbox,
                            "S: * LIST () \"/\" " + mailbox + "/box", "S: A2 OK",
                            "C: A3 DELETE \"" + mailbox + "/box\"", slowly + "A3 OK\r\n",
                            "C: A4 DELETE \"" + mailbox + "\"", slowly + "A4 OK\r\n"}),
                     alice({"C: A2 NOOP", "S: A2 OK"}), run_teardown(mailbox)});
  RunOptions options{.default_timeout = deadline, .run_id = "run1"};
  RunResult run = run_scenarios(fake_profile(server.port()), {isolated_noop("slow-teardown"), plain_noop("next")},
                                test_catalogue(), options);
  EXPECT_TRUE(server.finish().empty()) << "the run-level teardown did not delete the leftover";
  ASSERT_EQ(run.scenarios.size(), 2u);
  const ScenarioResult& result = run.scenarios[0];
  EXPECT_EQ(result.outcome, Outcome::error) << dump(result);
  EXPECT_EQ(result.reason, "teardown: the phase's deadline (500 ms, --timeout) passed on server "
                           "alpha (connection teardown) with A4 DELETE \"" + mailbox + "\" in flight");
  // The teardown starts with C1's LOGOUT and ends, connections closed, within the deadline.
  std::int64_t started = first_at(result, "C1", "A3 LOGOUT");
  expect_phase_kept(started, deadline_passed_at(result, "teardown"), result);
  ASSERT_FALSE(result.transcript.empty());
  EXPECT_LE(microseconds(result.transcript.back().micros - started), deadline * 11 / 10) << dump(result);
  EXPECT_EQ(run.scenarios[1].outcome, Outcome::pass) << dump(run.scenarios[1]);
}

}  // namespace
}  // namespace referee::engine::test
