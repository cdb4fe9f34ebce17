// One test per way a server can break a scenario: each checks the verdict and the message.
#include "harness/engine/run/judge.hpp"

#include <gtest/gtest.h>

#include "harness/engine/test/engine_test_support.hpp"
#include "harness/engine/test/fake_server.hpp"

namespace referee::engine::test {
namespace {

using std::chrono::milliseconds;

TEST(FailureModes, MissingUntaggedIsAFailNamingThePattern) {
  FakeServer server({alice({"C: A2 NOOP", "S: A2 OK nothing new"})});
  Scenario scenario = scenario_with_c1("missing-untagged");
  CommandStep noop = command("C1", "NOOP");
  noop.expect.untagged.push_back(untagged(Presence::must, "EXISTS", "rfc3501-5.2-size-updates", "4"));
  scenario.steps.push_back(noop);
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  const CheckResult* check = find_check(result, "rfc3501-5.2-size-updates");
  ASSERT_NE(check, nullptr) << dump(result);
  EXPECT_EQ(check->outcome, Outcome::fail);
  EXPECT_EQ(check->expected, "untagged EXISTS number=4");
  EXPECT_EQ(check->observed, "not received (by the tagged response); no untagged response");
  EXPECT_EQ(check->client, "C1");
}

TEST(FailureModes, ForbiddenUntaggedFailsThePatternAndTheImplicitRule) {
  FakeServer server({alice({"C: A2 FETCH 1 (FLAGS)", "S: * 1 EXPUNGE", "S: A2 OK done"})});
  Scenario scenario = scenario_with_c1("forbidden-untagged");
  CommandStep fetch = command("C1", "FETCH 1 (FLAGS)");
  fetch.expect.untagged.push_back(untagged(Presence::must_not, "EXPUNGE",
                                           "rfc3501-7.4.1-no-expunge-during-fetch-store-search"));
  scenario.steps.push_back(fetch);
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  // The implicit RFC 3501 §7.4.1 check and the scenario's must-not both saw it.
  int failures = 0;
  for (const auto& check : result.checks) {
    if (check.requirement == "rfc3501-7.4.1-no-expunge-during-fetch-store-search") {
      EXPECT_EQ(check.outcome, Outcome::fail);
      EXPECT_EQ(check.observed, "* 1 EXPUNGE");
      EXPECT_EQ(check.section, "7.4.1");
      ++failures;
    }
  }
  EXPECT_EQ(failures, 2) << dump(result);
}

TEST(FailureModes, UidFetchMaySeeAnExpunge) {
  FakeServer server({alice({"C: A2 UID FETCH 1 (FLAGS)", "S: * 1 EXPUNGE", "S: A2 OK done"})});
  Scenario scenario = scenario_with_c1("uid-fetch-expunge");
  CommandStep fetch = command("C1", "UID FETCH 1 (FLAGS)");
  expect_tagged(fetch, {"OK"}, "rfc3501-5.2-size-updates");
  scenario.steps.push_back(fetch);
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
}

TEST(FailureModes, WrongStatusShowsTheTaggedLine) {
  FakeServer server({alice({"C: A2 SELECT INBOX", "S: A2 NO [TRYCREATE] no such mailbox"})});
  Scenario scenario = scenario_with_c1("wrong-status");
  CommandStep select = command("C1", "SELECT INBOX");
  expect_tagged(select, {"OK"}, "rfc3501-5.2-size-updates");
  scenario.steps.push_back(select);
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  ASSERT_EQ(result.checks.size(), 1u);
  EXPECT_EQ(result.checks[0].expected, "tagged OK");
  EXPECT_EQ(result.checks[0].observed, "A2 NO [TRYCREATE] no such mailbox");
  EXPECT_EQ(result.checks[0].summary, "tagged OK to SELECT");
}

TEST(FailureModes, TimeoutIsAFailOfTheCheckNotAnError) {
  FakeServer server({alice({"C: A2 NOOP"})});  // never answers
  Scenario scenario = scenario_with_c1("timeout");
  CommandStep noop = command("C1", "NOOP");
  noop.timeout = milliseconds(200);
  expect_tagged(noop, {"OK"}, "rfc3501-5.2-size-updates");
  scenario.steps.push_back(noop);
  ScenarioResult result = run_one(fake_profile(server.port()), scenario, milliseconds(500));
  server.finish();
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  ASSERT_FALSE(result.checks.empty());
  EXPECT_EQ(result.checks[0].observed, "no tagged response: no tagged response before the deadline");
}

TEST(FailureModes, DisconnectWithoutByeFailsTheImplicitRule) {
  FakeServer server({alice({"C: A2 NOOP", "CLOSE"})});
  Scenario scenario = scenario_with_c1("disconnect");
  CommandStep noop = command("C1", "NOOP");
  expect_tagged(noop, {"OK"}, "rfc3501-5.2-size-updates");
  scenario.steps.push_back(noop);
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  const CheckResult* bye = find_check(result, "rfc3501-3.4-bye-before-close");
  ASSERT_NE(bye, nullptr) << dump(result);
  EXPECT_EQ(bye->outcome, Outcome::fail);
  EXPECT_EQ(bye->summary, "connection closed without BYE");
  EXPECT_NE(result.checks.back().observed.find("connection closed before the tagged response"),
            std::string::npos) << dump(result);
}

TEST(FailureModes, ByeThenCloseIsJudgedByByePresence) {
  FakeServer server({alice({"C: A2 NOOP", "S: * BYE shutting down", "CLOSE"})});
  Scenario scenario = scenario_with_c1("bye");
  CommandStep noop = command("C1", "NOOP");
  expect_tagged(noop, {"NONE"}, "rfc3501-3.4-bye-on-logout");
  noop.expect.bye = Presence::must;
  noop.expect.close = Presence::must;
  scenario.steps.push_back(noop);
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
  EXPECT_EQ(find_check(result, "rfc3501-3.4-bye-before-close"), nullptr);
  ASSERT_EQ(result.checks.size(), 3u) << dump(result);

  // The same server when the scenario expected an answer: fail, with the BYE as the reason.
  FakeServer again({alice({"C: A2 NOOP", "S: * BYE shutting down", "CLOSE"})});
  Scenario expecting_ok = scenario_with_c1("bye-unexpected");
  CommandStep noop_ok = command("C1", "NOOP");
  expect_tagged(noop_ok, {"OK"}, "rfc3501-3.4-bye-on-logout");
  noop_ok.expect.bye = Presence::must_not;
  expecting_ok.steps.push_back(noop_ok);
  ScenarioResult failed = run_one(fake_profile(again.port()), expecting_ok);
  EXPECT_TRUE(again.finish().empty());
  EXPECT_EQ(failed.outcome, Outcome::fail) << dump(failed);
  ASSERT_EQ(failed.checks.size(), 2u) << dump(failed);
  EXPECT_EQ(failed.checks[1].expected, "no untagged BYE");
  EXPECT_EQ(failed.checks[1].observed, "untagged BYE");
}

TEST(FailureModes, UnparsableResponseFailsTheSyntaxRuleAndTheRunGoesOn) {
  FakeServer server({alice({"C: A2 NOOP", "S: * 3 EXISTS (((", "S: A2 OK done"})});
  Scenario scenario = scenario_with_c1("garbage");
  CommandStep noop = command("C1", "NOOP");
  expect_tagged(noop, {"OK"}, "rfc3501-5.2-size-updates");
  scenario.steps.push_back(noop);
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  const CheckResult* syntax = find_check(result, "rfc3501-9-response-syntax");
  ASSERT_NE(syntax, nullptr) << dump(result);
  EXPECT_EQ(syntax->outcome, Outcome::fail);
  EXPECT_NE(syntax->observed.find("* 3 EXISTS ((("), std::string::npos) << syntax->observed;
  EXPECT_EQ(find_check(result, "rfc3501-5.2-size-updates")->outcome, Outcome::pass);
}

TEST(FailureModes, ExistsShrinkingWithoutExpungeFails) {
  FakeServer server({alice({"C: A2 SELECT INBOX", "S: * 5 EXISTS", "S: A2 OK selected",
                            "C: A3 NOOP", "S: * 1 EXPUNGE", "S: * 4 EXISTS", "S: A3 OK",
                            "C: A4 NOOP", "S: * 2 EXISTS", "S: A4 OK"})});
  Scenario scenario = scenario_with_c1("exists-shrinks");
  for (const char* text : {"SELECT INBOX", "NOOP", "NOOP"}) scenario.steps.push_back(command("C1", text));
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  ASSERT_EQ(result.checks.size(), 1u) << dump(result);
  EXPECT_EQ(result.checks[0].requirement, "rfc3501-5.2-exists-never-decreases");
  EXPECT_EQ(result.checks[0].observed, "* 2 EXISTS");
  EXPECT_EQ(result.checks[0].expected, "EXISTS >= 4 (only EXPUNGE reduces it)");
}

TEST(FailureModes, UnreachableServerIsAnError) {
  std::uint16_t closed_port = 0;
  {
    FakeServer gone({});
    closed_port = gone.port();
  }
  Scenario scenario = scenario_with_c1("unreachable");
  scenario.steps.push_back(command("C1", "NOOP"));
  ScenarioResult result = run_one(fake_profile(closed_port), scenario);
  EXPECT_EQ(result.outcome, Outcome::error) << dump(result);
  EXPECT_NE(result.reason.find("C1: no greeting from 127.0.0.1:"), std::string::npos) << result.reason;
}

TEST(FailureModes, UnknownRequirementIsAScenarioError) {
  FakeServer server({alice({"C: A2 NOOP", "S: A2 OK"})});
  Scenario scenario = scenario_with_c1("unknown-requirement");
  CommandStep noop = command("C1", "NOOP");
  expect_tagged(noop, {"OK"}, "rfc9999-1-made-up");
  scenario.steps.push_back(noop);
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::error) << dump(result);
  EXPECT_NE(result.reason.find("unknown requirement id \"rfc9999-1-made-up\""), std::string::npos);
}

}  // namespace
}  // namespace referee::engine::test
