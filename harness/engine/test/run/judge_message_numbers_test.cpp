// <expunges> and <message-count> through the engine, against the scripted fake server:
// EXPUNGE numbers after RFC 3501 §7.4.1's immediate decrement, and the count a client knows.
#include "harness/engine/run/judge_message_numbers.hpp"

#include <gtest/gtest.h>

#include "harness/engine/test/engine_test_support.hpp"
#include "harness/engine/test/fake_server.hpp"

namespace referee::engine::test {
namespace {

constexpr const char* decrements = "rfc3501-7.4.1-expunge-decrements";

// C1 selects a 7-message mailbox, then a NOOP reports `noop_responses`.
ScenarioResult run_noop(std::vector<std::string> noop_responses, std::string messages,
                        std::string count) {
  Script script = {"S: * OK fake ready", "C: A1 LOGIN alice alice-pw", "S: A1 OK logged in",
                   "C: A2 SELECT INBOX", "S: * 7 EXISTS", "S: A2 OK [READ-WRITE] selected",
                   "C: A3 NOOP"};
  for (auto& line : noop_responses) script.push_back("S: " + line);
  script.push_back("S: A3 OK done");
  FakeServer server({script});
  Scenario scenario = scenario_with_c1("expunge-numbers");
  scenario.rfc = "3501";
  CommandStep select = command("C1", "SELECT INBOX");
  expect_tagged(select, {"OK"}, "");
  CommandStep noop = command("C1", "NOOP");
  expect_tagged(noop, {"OK"}, "");
  noop.expect.expunges = ExpungeSetPattern{std::move(messages), {decrements}, {}};
  noop.expect.message_count = MessageCountPattern{std::move(count), {decrements}, {}};
  scenario.steps = {select, noop};
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  return result;
}

const CheckResult* check_with_summary(const ScenarioResult& result, std::string_view prefix) {
  for (const auto& check : result.checks) {
    if (check.summary.starts_with(prefix)) return &check;
  }
  return nullptr;
}

TEST(JudgeMessageNumbers, AdjustedNumbersInEitherOrderPass) {
  for (auto batch : {std::vector<std::string>{"* 2 EXPUNGE", "* 3 EXPUNGE"},
                     std::vector<std::string>{"* 4 EXPUNGE", "* 2 EXPUNGE"}}) {
    ScenarioResult result = run_noop(batch, "2,4", "5");
    EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
  }
}

TEST(JudgeMessageNumbers, UnadjustedNumbersFail) {
  ScenarioResult result = run_noop({"* 2 EXPUNGE", "* 4 EXPUNGE"}, "2,4", "5");
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  const CheckResult* numbers = check_with_summary(result, "EXPUNGE numbers");
  ASSERT_NE(numbers, nullptr) << dump(result);
  EXPECT_EQ(numbers->outcome, Outcome::fail);
  EXPECT_EQ(numbers->requirement, decrements);
  EXPECT_NE(numbers->observed.find("EXPUNGE 2 4: EXPUNGE 4 (response 2)"), std::string::npos)
      << numbers->observed;
  // The count is still 5: only the numbers betray the server.
  const CheckResult* count = check_with_summary(result, "messages known");
  ASSERT_NE(count, nullptr);
  EXPECT_EQ(count->outcome, Outcome::pass) << count->observed;
}

TEST(JudgeMessageNumbers, MissingExpungeFailsBothChecks) {
  ScenarioResult result = run_noop({"* 2 EXPUNGE"}, "2,4", "5");
  const CheckResult* numbers = check_with_summary(result, "EXPUNGE numbers");
  const CheckResult* count = check_with_summary(result, "messages known");
  ASSERT_NE(numbers, nullptr);
  ASSERT_NE(count, nullptr);
  EXPECT_EQ(numbers->outcome, Outcome::fail);
  EXPECT_EQ(count->outcome, Outcome::fail);
  EXPECT_EQ(count->expected, "5 messages");
  EXPECT_EQ(count->observed, "6 messages (last EXISTS less the EXPUNGEs since)");
}

TEST(JudgeMessageNumbers, CountFollowsExistsAfterExpunges) {
  // Two expunged, one new message: 7 - 2 + 1.
  ScenarioResult result = run_noop({"* 2 EXPUNGE", "* 3 EXPUNGE", "* 6 EXISTS"}, "2,4", "6");
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
}

TEST(JudgeMessageNumbers, BadAttributesAreScenarioErrors) {
  ScenarioResult star = run_noop({"* 2 EXPUNGE", "* 3 EXPUNGE"}, "2:*", "5");
  EXPECT_EQ(star.outcome, Outcome::error) << dump(star);
  ScenarioResult count = run_noop({"* 2 EXPUNGE", "* 3 EXPUNGE"}, "2,4", "five");
  EXPECT_EQ(count.outcome, Outcome::error) << dump(count);
}

}  // namespace
}  // namespace referee::engine::test
