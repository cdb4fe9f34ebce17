// <alternatives>: each candidate can be the observed one, none matching gives the block's
// verdict, and a SHOULD-level failure keeps the candidate with a warning.
#include "harness/engine/run/alternatives.hpp"

#include <gtest/gtest.h>

#include "harness/engine/test/engine_test_support.hpp"
#include "harness/engine/test/fake_server.hpp"

namespace referee::engine::test {
namespace {

Script fetch_answered(std::vector<std::string> answer) {
  Script script = {"S: * OK fake ready", "C: A1 LOGIN alice alice-pw", "S: A1 OK logged in",
                   "C: A2 FETCH 1 (FLAGS)"};
  script.insert(script.end(), answer.begin(), answer.end());
  return script;
}

// RFC 2180 §4.1: FETCH of a message another session expunged.
Scenario fetch_expunged(std::string none_verdict) {
  Scenario scenario = scenario_with_c1("fetch-expunged");
  scenario.rfc = "2180";
  auto block = std::make_shared<AlternativesStep>();
  block->name = "fetch-expunged";
  block->none_verdict = std::move(none_verdict);
  block->requirement = {"rfc2180-3-delete-selected"};

  CommandStep ghost_fetch = command("C1", "FETCH 1 (FLAGS)");
  expect_tagged(ghost_fetch, {"OK"}, "rfc2180-3.2-ghost-delete");
  ghost_fetch.expect.untagged.push_back(untagged(Presence::must, "FETCH", "rfc2180-3.2-ghost-delete", "1"));
  block->alternatives.push_back(Alternative{.id = "ghost", .section = "4.1.1", .level = Level::may,
                                            .description = "the message is still readable",
                                            .steps = {ghost_fetch}});
  CommandStep refused_fetch = command("C1", "FETCH 1 (FLAGS)");
  expect_tagged(refused_fetch, {"NO"}, "rfc2180-3.2-ghost-delete");
  block->alternatives.push_back(Alternative{.id = "fetch-no", .section = "4.1.2",
                                            .level = Level::should_not,
                                            .description = "FETCH answered NO",
                                            .steps = {refused_fetch}});
  scenario.steps.push_back(block);
  return scenario;
}

TEST(Alternatives, FirstCandidateObservedIsInfo) {
  FakeServer server({fetch_answered({"S: * 1 FETCH (FLAGS (\\Seen))", "S: A2 OK done"})});
  ScenarioResult result = run_one(fake_profile(server.port()), fetch_expunged("warn"));
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::info) << dump(result);
  ASSERT_EQ(result.strategies.size(), 1u);
  EXPECT_EQ(result.strategies[0].alternative, "ghost");
  EXPECT_EQ(result.checks.back().observed,
            "fetch-expunged = ghost (RFC 2180 §4.1.1): the message is still readable");
}

TEST(Alternatives, SecondCandidateObservedCarriesItsOwnLevel) {
  FakeServer server({fetch_answered({"S: A2 NO message expunged"})});
  ScenarioResult result = run_one(fake_profile(server.port()), fetch_expunged("warn"));
  EXPECT_TRUE(server.finish().empty());
  ASSERT_EQ(result.strategies.size(), 1u) << dump(result);
  EXPECT_EQ(result.strategies[0].alternative, "fetch-no");
  // level="SHOULD-NOT" on the alternative: observing it is a warning.
  EXPECT_EQ(result.outcome, Outcome::warn) << dump(result);
  // The failed ghost candidate's checks are not in the result.
  for (const auto& check : result.checks) EXPECT_NE(check.outcome, Outcome::fail) << dump(result);
}

TEST(Alternatives, NoneMatchingGivesTheBlockVerdictWithWhatWasObserved) {
  for (std::string verdict : {"warn", "fail"}) {
    FakeServer server({fetch_answered({"S: A2 BAD what"})});
    ScenarioResult result = run_one(fake_profile(server.port()), fetch_expunged(verdict));
    EXPECT_TRUE(server.finish().empty());
    EXPECT_EQ(result.outcome, verdict == "warn" ? Outcome::warn : Outcome::fail) << dump(result);
    ASSERT_EQ(result.strategies.size(), 1u);
    EXPECT_EQ(result.strategies[0].alternative, "");
    const CheckResult& block = result.checks.back();
    EXPECT_NE(block.observed.find("none matched (outside RFC 2180's documented practice)"),
              std::string::npos) << block.observed;
    EXPECT_NE(block.observed.find("ghost: expected"), std::string::npos) << block.observed;
    EXPECT_NE(block.observed.find("observed A2 BAD what"), std::string::npos) << block.observed;
  }
}

TEST(Alternatives, ShouldLevelFailureKeepsTheCandidateAsAWarning) {
  FakeServer server({fetch_answered({"S: A2 OK nothing"})});
  Scenario scenario = fetch_expunged("fail");
  auto& block = *std::get<std::shared_ptr<AlternativesStep>>(scenario.steps[0]);
  // The ghost candidate now expects the FETCH data only at SHOULD level.
  auto& fetch = std::get<CommandStep>(block.alternatives[0].steps[0]);
  fetch.expect.untagged[0].requirement = {"rfc2180-4.1.3-only-expunged-no"};
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  ASSERT_EQ(result.strategies.size(), 1u) << dump(result);
  EXPECT_EQ(result.strategies[0].alternative, "ghost");
  EXPECT_EQ(result.outcome, Outcome::warn) << dump(result);
  const CheckResult* should = find_check(result, "rfc2180-4.1.3-only-expunged-no");
  ASSERT_NE(should, nullptr);
  EXPECT_EQ(should->outcome, Outcome::warn);
}

TEST(Alternatives, FewestWarningsWinsAmongCompletedCandidates) {
  FakeServer server({fetch_answered({"S: A2 OK nothing"})});
  Scenario scenario = fetch_expunged("fail");
  auto& block = *std::get<std::shared_ptr<AlternativesStep>>(scenario.steps[0]);
  auto& ghost = std::get<CommandStep>(block.alternatives[0].steps[0]);
  ghost.expect.untagged[0].requirement = {"rfc2180-4.1.3-only-expunged-no"};  // warns here
  CommandStep quiet = command("C1", "FETCH 1 (FLAGS)");
  expect_tagged(quiet, {"OK"}, "rfc2180-3.2-ghost-delete");
  block.alternatives.push_back(Alternative{.id = "silent", .section = "4.1.3", .level = Level::may,
                                           .description = "OK without data", .steps = {quiet}});
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  ASSERT_EQ(result.strategies.size(), 1u) << dump(result);
  EXPECT_EQ(result.strategies[0].alternative, "silent");
  EXPECT_EQ(result.outcome, Outcome::info) << dump(result);
}

// E2: every candidate is judged on the same responses. "warned" keeps the FETCH but warns
// (its tagged NO is a SHOULD); judging it first must not consume the FETCH "quiet" needs.
TEST(Alternatives, EveryCandidateIsJudgedOnTheSameResponses) {
  FakeServer server({fetch_answered({"S: * 1 FETCH (FLAGS (\\Seen))", "S: A2 OK done"})});
  Scenario scenario = fetch_expunged("warn");
  auto& block = *std::get<std::shared_ptr<AlternativesStep>>(scenario.steps[0]);
  auto& warned = std::get<CommandStep>(block.alternatives[0].steps[0]);
  warned.expect.tagged = TaggedPattern{.statuses = {"NO"}, .requirement = {"rfc2180-4.1.3-only-expunged-no"}};
  CommandStep quiet = command("C1", "FETCH 1 (FLAGS)");
  expect_tagged(quiet, {"OK"}, "rfc2180-3.2-ghost-delete");
  quiet.expect.untagged.push_back(untagged(Presence::must, "FETCH", "rfc2180-3.2-ghost-delete", "1"));
  block.alternatives[1] = Alternative{.id = "quiet", .section = "4.1.3", .level = Level::may,
                                      .description = "data and OK", .steps = {quiet}};
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  ASSERT_EQ(result.strategies.size(), 1u) << dump(result);
  EXPECT_EQ(result.strategies[0].alternative, "quiet") << dump(result);
  EXPECT_EQ(result.outcome, Outcome::info) << dump(result);
}

// E3: inside an alternative only SHOULD-level failures keep the candidate; a failed MAY check
// and a failed check without a requirement drop it like a MUST.
TEST(Alternatives, MayLevelAndUnnamedFailuresDropTheCandidate) {
  for (std::string requirement : {"rfc2180-3.2-ghost-delete", ""}) {
    FakeServer server({fetch_answered({"S: A2 NO gone"})});
    Scenario scenario = fetch_expunged("warn");
    auto& block = *std::get<std::shared_ptr<AlternativesStep>>(scenario.steps[0]);
    auto& ghost = std::get<CommandStep>(block.alternatives[0].steps[0]);
    ghost.expect.untagged.clear();
    ghost.expect.tagged->requirement = {requirement};  // OK expected, NO observed
    ScenarioResult result = run_one(fake_profile(server.port()), scenario);
    EXPECT_TRUE(server.finish().empty());
    ASSERT_EQ(result.strategies.size(), 1u) << dump(result);
    EXPECT_EQ(result.strategies[0].alternative, "fetch-no") << requirement << dump(result);
  }
}

// E9: when none matches, the candidate that went furthest shows which requirement broke: its
// MUST check is reported (fail under none="fail", capped at warn under none="warn").
TEST(Alternatives, NoneMatchingReportsTheBrokenCheckOfTheFurthestCandidate) {
  for (std::string verdict : {"fail", "warn"}) {
    FakeServer server({fetch_answered({"S: * 1 FETCH (FLAGS (\\Seen))", "S: A2 OK done",
                                       "C: A3 COPY 1 dest", "S: A3 OK copied"})});
    Scenario scenario = fetch_expunged(verdict);
    auto& block = *std::get<std::shared_ptr<AlternativesStep>>(scenario.steps[0]);
    CommandStep copy = command("C1", "COPY 1 dest");
    copy.expect.untagged.push_back(
        untagged(Presence::must, "EXPUNGE", "rfc2180-4.4.1-pending-expunge-to-copy", "1"));
    block.alternatives[0].steps.push_back(copy);  // ghost goes one step further, then breaks
    ScenarioResult result = run_one(fake_profile(server.port()), scenario, std::chrono::milliseconds(500));
    EXPECT_TRUE(server.finish().empty());
    const CheckResult* broken = find_check(result, "rfc2180-4.4.1-pending-expunge-to-copy");
    ASSERT_NE(broken, nullptr) << dump(result);
    Outcome expected = verdict == "fail" ? Outcome::fail : Outcome::warn;
    EXPECT_EQ(broken->outcome, expected) << dump(result);
    EXPECT_EQ(result.checks.back().requirement, "rfc2180-3-delete-selected");
    EXPECT_EQ(result.outcome, expected) << dump(result);
  }
}

}  // namespace
}  // namespace referee::engine::test
