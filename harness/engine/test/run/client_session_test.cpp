// After the server says BYE the client sends nothing more (RFC 3501 §7.1.5: BYE "indicates
// that the server is about to close the connection"; "the client SHOULD continue to read
// response data from the server until the connection is closed"): no command of a step, no
// LOGOUT at teardown. What the server did instead — close, or keep the connection open — is
// in the transcript, and an <expect-close> step judges it.
#include "harness/engine/run/client_session.hpp"

#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "harness/engine/test/engine_test_support.hpp"
#include "harness/engine/test/fake_server.hpp"

namespace referee::engine::test {
namespace {

using std::chrono::milliseconds;

constexpr milliseconds deadline{400};
constexpr const char* bye_greeting = "S: * BYE [REFERRAL imap://;AUTH=*@127.0.0.1:1/] moved";

// C1 connects to a server greeting with BYE, then waits for the close (RFC 2221 §4.2).
Scenario greeted_with_bye() {
  Scenario scenario = scenario_with_c1("bye-greeting");
  scenario.clients[0].user_role.reset();
  scenario.clients[0].login = LoginMethod::none;
  scenario.clients[0].greeting = GreetingPattern{.statuses = {"BYE"},
                                                 .requirement = {"rfc2221-4.2-bye-referral"}};
  scenario.steps.push_back(ExpectCloseStep{.client = "C1", .bye = Presence::must,
                                           .requirement = {"rfc3501-7.1.5-bye-greeting-closes"}});
  return scenario;
}

std::size_t lines_sent_by(const ScenarioResult& result, const std::string& client) {
  std::size_t sent = 0;
  for (const auto& line : result.transcript) sent += line.client == client && line.direction == "send";
  return sent;
}

bool transcript_says(const ScenarioResult& result, const std::string& note) {
  for (const auto& line : result.transcript) {
    if (line.direction == "meta" && line.bytes.find(note) != std::string::npos) return true;
  }
  return false;
}

TEST(ClientSessionAfterBye, ByeGreetingThenCloseSendsNothingAndPasses) {
  FakeServer server({Script{bye_greeting, "CLOSE"}});
  ScenarioResult result = run_one(fake_profile(server.port()), greeted_with_bye(), deadline);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
  const CheckResult* closed = find_check(result, "rfc3501-7.1.5-bye-greeting-closes");
  ASSERT_NE(closed, nullptr) << dump(result);
  EXPECT_EQ(closed->outcome, Outcome::pass);
  EXPECT_EQ(lines_sent_by(result, "C1"), 0u) << dump(result);
}

TEST(ClientSessionAfterBye, ByeGreetingKeptOpenSendsNothingAndFails) {
  FakeServer server({Script{bye_greeting, "SILENCE"}});
  ScenarioResult result = run_one(fake_profile(server.port()), greeted_with_bye(), deadline);
  server.finish();
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  const CheckResult* closed = find_check(result, "rfc3501-7.1.5-bye-greeting-closes");
  ASSERT_NE(closed, nullptr) << dump(result);
  EXPECT_EQ(closed->outcome, Outcome::fail);
  EXPECT_EQ(closed->observed, "still open after " + std::to_string(deadline.count()) + " ms");
  // No LOGOUT at teardown either, and the teardown does not wait for the close a second time.
  EXPECT_EQ(lines_sent_by(result, "C1"), 0u) << dump(result);
  EXPECT_TRUE(transcript_says(result, "kept the connection open")) << dump(result);
  EXPECT_LT(result.duration, deadline * 3 / 2);
}

// A command step after an untagged BYE is not sent: the step sees the close.
TEST(ClientSessionAfterBye, CommandAfterUntaggedByeIsNotSent) {
  FakeServer server({Script{"S: * OK fake ready", "C: A1 LOGIN alice alice-pw",
                            "S: A1 OK logged in", "C: A2 NOOP", "S: * BYE shutting down",
                            "S: A2 OK NOOP completed", "PAUSE 100", "CLOSE"}});
  Scenario scenario = scenario_with_c1("untagged-bye");
  CommandStep noop = command("C1", "NOOP");
  expect_tagged(noop, {"OK"}, "rfc3501-6.1.2-noop-succeeds");
  CommandStep after = command("C1", "NOOP");
  expect_tagged(after, {"NONE"}, "rfc3501-6.1.2-noop-succeeds");
  scenario.steps = {noop, after};
  ScenarioResult result = run_one(fake_profile(server.port()), scenario, deadline);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
  EXPECT_EQ(lines_sent_by(result, "C1"), 2u) << dump(result);  // LOGIN and the first NOOP
  EXPECT_TRUE(transcript_says(result, "A3 NOOP not sent: the server said BYE")) << dump(result);
}

// Kept open after an untagged BYE: the withheld command ends at the step deadline, and the
// teardown closes without LOGOUT and without waiting again.
TEST(ClientSessionAfterBye, UntaggedByeKeptOpenEndsTheWithheldCommandAtTheDeadline) {
  FakeServer server({Script{"S: * OK fake ready", "C: A1 LOGIN alice alice-pw",
                            "S: A1 OK logged in", "C: A2 NOOP", "S: * BYE shutting down",
                            "S: A2 OK NOOP completed", "SILENCE"}});
  Scenario scenario = scenario_with_c1("untagged-bye-kept-open");
  CommandStep noop = command("C1", "NOOP");
  expect_tagged(noop, {"OK"}, "rfc3501-6.1.2-noop-succeeds");
  CommandStep after = command("C1", "NOOP");
  expect_tagged(after, {"OK"}, "rfc3501-6.1.2-noop-succeeds");
  scenario.steps = {noop, after};
  ScenarioResult result = run_one(fake_profile(server.port()), scenario, deadline);
  server.finish();
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  EXPECT_EQ(lines_sent_by(result, "C1"), 2u) << dump(result);
  EXPECT_TRUE(transcript_says(result, "kept the connection open until the deadline")) << dump(result);
  bool explained = false;
  for (const auto& check : result.checks) explained |= check.observed.find("not sent") != std::string::npos;
  EXPECT_TRUE(explained) << dump(result);
  EXPECT_LT(result.duration, deadline * 3 / 2);
}

}  // namespace
}  // namespace referee::engine::test
