// Isolation (<setup>): test mailboxes are created and seeded before the steps, and deleted
// after them on a fresh connection once every scenario client has logged out; each
// repetition of a scenario gets mailboxes of its own.
#include "harness/engine/run/isolation.hpp"

#include <gtest/gtest.h>

#include "harness/engine/match/profile_roles.hpp"
#include "harness/engine/match/test_mailbox_names.hpp"
#include "harness/engine/test/engine_test_support.hpp"
#include "harness/engine/test/fake_server.hpp"

namespace referee::engine::test {
namespace {

const std::string root = "referee-test/run1-test-isolation";

// The setup connection: nothing left over, CREATE, APPEND of one seed message.
Script setup_script() {
  std::string seed = seed_message("test/isolation", 1, 1);
  Script setup = alice({"C: A2 LIST \"\" \"" + root + "*\"", "S: A2 OK nothing left over",
                        "C: A3 CREATE \"" + root + "/box\"", "S: A3 OK",
                        "C: A4 APPEND \"" + root + "/box\" {" + std::to_string(seed.size()) + "}",
                        "S: + go"});
  for (int line = 0; line < 7; ++line) setup.push_back("C~ .*");  // the message, 7 lines
  setup.push_back("S: A4 OK");
  return setup;
}

// The teardown connection: children first; "root-r1" belongs to another repetition.
Script teardown_script() {
  return alice({"C: A2 LIST \"\" \"" + root + "*\"", "S: * LIST () \"/\" " + root,
                "S: * LIST () \"/\" " + root + "/box", "S: * LIST () \"/\" " + root + "-r1",
                "S: * LIST () \"/\" " + root + "-r1/box", "S: A2 OK",
                "C: A3 DELETE \"" + root + "/box\"", "S: A3 OK", "C: A4 DELETE \"" + root + "\"",
                "S: A4 OK"});
}

// Before the run: does the prefix exist? (It does, so the run never deletes it.)
Script survey_script() {
  return alice({"C: A2 LIST \"\" \"referee-test\"", "S: * LIST () \"/\" referee-test", "S: A2 OK"});
}

// After the run: this run's leftovers below the prefix; none.
Script run_teardown_script() {
  return alice({"C: A2 LIST \"\" \"referee-test/run1-*\"", "S: A2 OK"});
}

Scenario isolated_select() {
  Scenario scenario = scenario_with_c1("isolation");
  scenario.setup = scenario::Setup{.client = "C1",
                                   .mailboxes = {SetupMailbox{"${test.mailbox/box}", 1, {}}}};
  CommandStep select = command("C1", "SELECT ${test.mailbox/box}");
  select.expect.untagged.push_back(untagged(Presence::must, "EXISTS", "rfc3501-5.2-size-updates", "1"));
  scenario.steps.push_back(select);
  return scenario;
}

std::size_t first_event(const ScenarioResult& result, std::string_view client,
                        std::string_view bytes = "") {
  for (std::size_t i = 0; i < result.transcript.size(); ++i) {
    const TranscriptLine& line = result.transcript[i];
    if (line.client == client && line.bytes.find(bytes) != std::string::npos) return i;
  }
  return result.transcript.size();
}

TEST(Isolation, SetupCreatesAndSeedsTeardownDeletesChildrenFirst) {
  FakeServer server({survey_script(),
                     alice({"C: A2 SELECT " + root + "/box", "S: * 1 EXISTS", "S: A2 OK"}),
                     setup_script(), teardown_script(), run_teardown_script()});
  ScenarioResult result = run_one(fake_profile(server.port()), isolated_select());
  EXPECT_TRUE(server.finish().empty()) << dump(result);
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
}

// E8: under RFC 2180 §3.1 (refuse to delete a selected mailbox) the teardown only works once
// C1, which has the mailbox selected, is gone: its LOGOUT comes before the teardown connects.
TEST(Isolation, TeardownDeletesOnAFreshConnectionAfterEveryClientLoggedOut) {
  FakeServer server({survey_script(),
                     alice({"C: A2 SELECT " + root + "/box", "S: * 1 EXISTS", "S: A2 OK"}),
                     setup_script(), teardown_script(), run_teardown_script()});
  ScenarioResult result = run_one(fake_profile(server.port()), isolated_select());
  EXPECT_TRUE(server.finish().empty()) << dump(result);
  std::size_t c1_logout = first_event(result, "C1", "LOGOUT");
  std::size_t setup_logout = first_event(result, "setup", "LOGOUT");
  std::size_t teardown = first_event(result, "teardown");
  ASSERT_LT(teardown, result.transcript.size()) << dump(result);
  EXPECT_LT(c1_logout, teardown) << dump(result);
  EXPECT_LT(setup_logout, teardown) << dump(result);
  EXPECT_LT(first_event(result, "teardown", "LOGOUT"), result.transcript.size()) << dump(result);
}

// E12: with --repeat, repetition N > 0 works below "<id>-rN", so two repetitions running at
// once never share (or delete) each other's mailboxes.
TEST(Isolation, EachRepetitionHasItsOwnTestMailbox) {
  const std::string second = root + "-r1";
  Scenario scenario = scenario_with_c1("isolation");
  scenario.steps.push_back(command("C1", "SELECT ${test.mailbox}"));
  FakeServer server({alice({"C: A2 SELECT " + root, "S: A2 OK"}),
                     alice({"C: A2 SELECT " + second, "S: A2 OK"})});
  auto profile = fake_profile(server.port());
  EXPECT_EQ(test_leaf("run1", "test/isolation", 2), "run1-test-isolation-r2");
  RunOptions options{.repeat = 2, .run_id = "run1"};
  RunResult run = run_scenarios(profile, {scenario}, test_catalogue(), options);
  EXPECT_TRUE(server.finish().empty());
  ASSERT_EQ(run.scenarios.size(), 2u);
  EXPECT_EQ(run.scenarios[1].repetition, 1u);
}

}  // namespace
}  // namespace referee::engine::test
