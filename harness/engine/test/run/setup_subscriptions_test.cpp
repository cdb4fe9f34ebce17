// <setup><subscribe>: the subscription is made as the setup client's user before the steps,
// following a SUBSCRIBE referral to the server it names, and undone afterwards there, only
// when this scenario made it.
#include "harness/engine/run/setup_subscriptions.hpp"

#include <gtest/gtest.h>

#include "harness/engine/test/engine_test_support.hpp"
#include "harness/engine/test/fake_server.hpp"

namespace referee::engine::test {
namespace {

Scenario rlsub_with_subscription() {
  Scenario scenario = scenario_with_c1("subscribe");
  scenario.setup = scenario::Setup{.client = "C1", .subscriptions = {{"${mailbox.remote}", {}}}};
  scenario.steps.push_back(command("C1", "RLSUB \"\" *"));
  return scenario;
}

const Script c1_rlsub = alice({"C: A2 RLSUB \"\" *", "S: * LSUB () \"/\" remote/projects", "S: A2 OK"});

TEST(SetupSubscriptions, FollowsASubscribeReferralAndUndoesItWhereItWasMade) {
  FakeServer beta({alice({"C: A2 SUBSCRIBE \"remote/projects\"", "S: A2 OK subscribed"}),
                   alice({"C: A2 UNSUBSCRIBE \"remote/projects\"", "S: A2 OK unsubscribed"})});
  const std::string url = "imap://alice;AUTH=*@127.0.0.1:" + std::to_string(beta.port()) + "/remote/projects";
  FakeServer alpha({c1_rlsub,
                    alice({"C: A2 LSUB \"\" \"remote/projects\"", "S: A2 OK",
                           "C: A3 SUBSCRIBE \"remote/projects\"", "S: A3 NO [REFERRAL " + url + "] remote"})});
  ScenarioResult result = run_one(fake_profile(alpha.port(), beta.port()), rlsub_with_subscription());
  EXPECT_TRUE(alpha.finish().empty()) << dump(result);
  EXPECT_TRUE(beta.finish().empty()) << dump(result);
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
}

TEST(SetupSubscriptions, LeavesAnExistingSubscriptionAlone) {
  FakeServer beta({});
  FakeServer alpha({c1_rlsub,
                    alice({"C: A2 LSUB \"\" \"remote/projects\"", "S: * LSUB () \"/\" remote/projects", "S: A2 OK"})});
  ScenarioResult result = run_one(fake_profile(alpha.port(), beta.port()), rlsub_with_subscription());
  auto problems = alpha.finish();
  EXPECT_TRUE(problems.empty()) << problems.front() << dump(result);  // no SUBSCRIBE, no UNSUBSCRIBE
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
}

TEST(SetupSubscriptions, ARefusedSubscribeIsAScenarioErrorAndNoStepRuns) {
  FakeServer alpha({alice({}),
                    alice({"C: A2 LSUB \"\" \"remote/projects\"", "S: A2 OK",
                           "C: A3 SUBSCRIBE \"remote/projects\"", "S: A3 NO [NONEXISTENT] no such mailbox"})});
  ScenarioResult result = run_one(fake_profile(alpha.port()), rlsub_with_subscription());
  EXPECT_TRUE(alpha.finish().empty()) << dump(result);
  EXPECT_EQ(result.outcome, Outcome::error) << dump(result);
  EXPECT_NE(result.reason.find("SUBSCRIBE failed: A3 NO [NONEXISTENT]"), std::string::npos) << result.reason;
}

}  // namespace
}  // namespace referee::engine::test
