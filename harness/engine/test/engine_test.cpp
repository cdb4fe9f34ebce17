// The entry points: a three-client RFC 2180 scenario end to end, parallel jobs, --repeat,
// --fail-fast, the progress callback, and probe_servers.
#include "harness/engine/engine.hpp"

#include <gtest/gtest.h>

#include "harness/engine/test/engine_test_support.hpp"
#include "harness/engine/test/fake_server.hpp"

namespace referee::engine::test {
namespace {

CommandStep ok_command(std::string client, std::string text) {
  CommandStep step = command(std::move(client), std::move(text));
  expect_tagged(step, {"OK"}, "rfc3501-5.2-size-updates");
  return step;
}

std::shared_ptr<AlternativesStep> fetch_after_expunge() {
  auto block = std::make_shared<AlternativesStep>();
  block->name = "fetch-expunged";
  block->requirement = {"rfc2180-3-delete-selected"};
  CommandStep ghost = ok_command("C2", "FETCH 1 (FLAGS)");
  ghost.expect.untagged.push_back(untagged(Presence::must, "FETCH", "rfc2180-3.2-ghost-delete", "1"));
  block->alternatives.push_back({.id = "ghost", .section = "4.1.1", .description = "still readable",
                                 .steps = {ghost}});
  CommandStep refused = command("C2", "FETCH 1 (FLAGS)");
  expect_tagged(refused, {"NO"}, "rfc2180-3.2-ghost-delete");
  block->alternatives.push_back({.id = "fetch-no", .section = "4.1.2", .description = "NO",
                                 .steps = {refused}});
  return block;
}

// RFC 2180 §4.1 with three sessions: C1 expunges what C2 and C3 have selected. C2's FETCH
// shows the strategy, C2's fence collects the pending EXPUNGE, and C3 awaits an EXISTS the
// server pushes on its own once C1 is done — ordering by awaits only.
TEST(Engine, ThreeClientRfc2180Scenario) {
  FakeServer server({
      alice({"C: A2 SELECT box", "S: * 3 EXISTS", "S: A2 OK", "C: A3 STORE 1 +FLAGS (\\Deleted)",
             "S: * 1 FETCH (FLAGS (\\Deleted))", "S: A3 OK", "C: A4 EXPUNGE", "S: * 1 EXPUNGE",
             "S: A4 OK", "SIGNAL expunged"}),
      alice({"C: A2 SELECT box", "S: * 3 EXISTS", "S: A2 OK", "C: A3 FETCH 1 (FLAGS)",
             "S: * 1 FETCH (FLAGS (\\Deleted))", "S: A3 OK", "C: A4 NOOP", "S: * 1 EXPUNGE",
             "S: A4 OK"}),
      alice({"C: A2 SELECT box", "S: * 3 EXISTS", "S: A2 OK", "WAIT expunged", "S: * 4 EXISTS",
             "C: A3 NOOP", "S: * 1 EXPUNGE", "S: A3 OK"}),
  });
  Scenario scenario = scenario_with_c1("rfc2180-three-clients");
  scenario.rfc = "2180";
  scenario.clients.push_back(client("C2"));
  scenario.clients.push_back(client("C3"));
  for (const char* id : {"C1", "C2", "C3"}) scenario.steps.push_back(ok_command(id, "SELECT box"));
  scenario.steps.push_back(BarrierStep{.clients = {"C1", "C2", "C3"}});
  scenario.steps.push_back(ok_command("C1", "STORE 1 +FLAGS (\\Deleted)"));
  CommandStep expunge = ok_command("C1", "EXPUNGE");
  expunge.expect.untagged.push_back(untagged(Presence::must, "EXPUNGE", "rfc3501-5.2-size-updates", "1"));
  scenario.steps.push_back(expunge);
  scenario.steps.push_back(fetch_after_expunge());
  scenario.steps.push_back(FenceStep{.client = "C2"});
  scenario.steps.push_back(AwaitStep{
      .client = "C2", .untagged = {untagged(Presence::must, "EXPUNGE", "rfc3501-5.2-size-updates", "1")}});
  scenario.steps.push_back(AwaitStep{
      .client = "C3", .untagged = {untagged(Presence::must, "EXISTS", "rfc3501-5.2-size-updates", "4")}});
  CommandStep noop = ok_command("C3", "NOOP");
  noop.expect.untagged.push_back(untagged(Presence::must, "EXPUNGE", "rfc3501-5.2-size-updates", "1"));
  scenario.steps.push_back(noop);

  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::info) << dump(result);
  ASSERT_EQ(result.strategies.size(), 1u);
  EXPECT_EQ(result.strategies[0].alternative, "ghost");
  for (const auto& check : result.checks) {
    EXPECT_TRUE(check.outcome == Outcome::pass || check.outcome == Outcome::info) << dump(result);
  }
}

Scenario noop_scenario(std::string name, std::string status) {
  Scenario scenario = scenario_with_c1(std::move(name));
  CommandStep noop = command("C1", "NOOP");
  expect_tagged(noop, {std::move(status)}, "rfc3501-5.2-size-updates");
  scenario.steps.push_back(noop);
  return scenario;
}

TEST(Engine, RepeatRunsEachScenarioAgainAndReportsProgress) {
  FakeServer server({alice({"C: A2 NOOP", "S: A2 OK"}), alice({"C: A2 NOOP", "S: A2 OK"})});
  std::vector<unsigned> seen;
  RunOptions options{.repeat = 2, .run_id = "r",
                     .on_result = [&](const ScenarioResult& result) { seen.push_back(result.repetition); }};
  RunResult run = run_scenarios(fake_profile(server.port()), {noop_scenario("a", "OK")},
                                test_catalogue(), options);
  EXPECT_TRUE(server.finish().empty());
  ASSERT_EQ(run.scenarios.size(), 2u);
  EXPECT_EQ(seen, (std::vector<unsigned>{0, 1}));
  EXPECT_EQ(run.target, "fake (fake.xml)");
  EXPECT_EQ(run.scenarios[1].outcome, Outcome::pass);
}

// Two scenarios whose servers only answer once both are connected: they must run at once.
TEST(Engine, JobsRunIndependentScenariosConcurrently) {
  FakeServer server({alice({"SIGNAL first", "WAIT second", "C: A2 NOOP", "S: A2 OK"}),
                     alice({"SIGNAL second", "WAIT first", "C: A2 NOOP", "S: A2 OK"})});
  RunOptions options{.jobs = 2, .run_id = "r"};
  RunResult run = run_scenarios(fake_profile(server.port()),
                                {noop_scenario("a", "OK"), noop_scenario("b", "OK")},
                                test_catalogue(), options);
  EXPECT_TRUE(server.finish().empty());
  ASSERT_EQ(run.scenarios.size(), 2u);
  EXPECT_EQ(run.scenarios[0].id, "test/a");
  EXPECT_EQ(run.scenarios[0].outcome, Outcome::pass) << dump(run.scenarios[0]);
  EXPECT_EQ(run.scenarios[1].outcome, Outcome::pass) << dump(run.scenarios[1]);
}

TEST(Engine, FailFastStartsNothingAfterAFailure) {
  FakeServer server({alice({"C: A2 NOOP", "S: A2 OK"})});
  RunOptions options{.fail_fast = true, .run_id = "r"};
  RunResult run = run_scenarios(fake_profile(server.port()),
                                {noop_scenario("fails", "NO"), noop_scenario("never", "OK")},
                                test_catalogue(), options);
  EXPECT_TRUE(server.finish().empty());
  ASSERT_EQ(run.scenarios.size(), 1u);
  EXPECT_EQ(run.scenarios[0].outcome, Outcome::fail);
}

TEST(Engine, ProbeServersReportsGreetingAndCapabilities) {
  FakeServer server({{"S: * OK [CAPABILITY IMAP4rev1 MAILBOX-REFERRALS] hello", "C: A1 CAPABILITY",
                      "S: * CAPABILITY IMAP4rev1 MAILBOX-REFERRALS LOGIN-REFERRALS", "S: A1 OK"}});
  std::uint16_t gone_port = 0;
  {
    FakeServer gone({});
    gone_port = gone.port();
  }
  auto servers = probe_servers(fake_profile(server.port(), gone_port), std::chrono::milliseconds(2000));
  EXPECT_TRUE(server.finish().empty());
  ASSERT_EQ(servers.size(), 2u);
  EXPECT_EQ(servers[0].greeting, "* OK [CAPABILITY IMAP4rev1 MAILBOX-REFERRALS] hello");
  EXPECT_EQ(servers[0].capabilities,
            (std::vector<std::string>{"IMAP4REV1", "MAILBOX-REFERRALS", "LOGIN-REFERRALS"}));
  EXPECT_TRUE(servers[1].greeting.starts_with("unreachable: ")) << servers[1].greeting;
}

TEST(Engine, RunIdLooksLikeATimestampAndASuffix) {
  std::string id = make_run_id();
  EXPECT_EQ(id.size(), 18u) << id;
  EXPECT_EQ(id[8], 'T');
  EXPECT_EQ(id[13], '-');
}

}  // namespace
}  // namespace referee::engine::test
