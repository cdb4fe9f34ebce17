// Following referrals to their end (docs/SCENARIO-LANGUAGE.md <follow-referral>): mailbox
// referral chains re-issued or probed on each server (RFC 2193 §3 loops, RFC 2221 §3 depth),
// login="none" connecting only, a URL without a user logging in as the referring client's
// user, and steps on a client whose referral failed being skipped rather than errors.
#include "harness/engine/run/referral_follower.hpp"

#include <gtest/gtest.h>

#include "harness/engine/test/engine_test_support.hpp"
#include "harness/engine/test/fake_server.hpp"

namespace referee::engine::test {
namespace {

Script logged_in(std::string user, std::vector<std::string> lines) {
  Script script = {"S: * OK fake ready", "C: A1 LOGIN " + user + " " + user + "-pw",
                   "S: A1 OK logged in"};
  script.insert(script.end(), lines.begin(), lines.end());
  return script;
}

std::string referral_to(const FakeServer& server, std::string mailbox) {
  return "[REFERRAL imap://alice;AUTH=*@127.0.0.1:" + std::to_string(server.port()) + "/" +
         mailbox + "]";
}

FollowReferralStep follow(std::string requirement, unsigned max_hops = 10) {
  return FollowReferralStep{.client = "C1", .as = "C1R", .max_hops = max_hops,
                            .requirement = {std::move(requirement)}};
}

Scenario referred(std::string name, std::string command_text) {
  Scenario scenario = scenario_with_c1(std::move(name));
  scenario.rfc = "2193";
  scenario.section = "3";
  scenario.steps.push_back(command("C1", std::move(command_text)));
  return scenario;
}

std::size_t count_outcome(const ScenarioResult& result, Outcome outcome) {
  return static_cast<std::size_t>(std::count_if(
      result.checks.begin(), result.checks.end(),
      [outcome](const CheckResult& check) { return check.outcome == outcome; }));
}

// E6 + E7: alpha refers loop/a to beta, beta refers it back to alpha, alpha to beta again.
// The chain is followed by re-issuing SELECT on each server until a URL comes twice; the step
// on C1R afterwards is skipped, and the scenario is the loop's fail, not an error.
TEST(ReferralChain, MailboxReferralLoopIsFollowedToTheRepeatedUrl) {
  FakeServer alpha({}), beta({});
  alpha.set_scripts(
      {logged_in("alice", {"C: A2 SELECT loop/a", "S: A2 NO " + referral_to(beta, "loop/a") + " x"}),
       logged_in("alice", {"C: A2 SELECT \"loop/a\"", "S: A2 NO " + referral_to(beta, "loop/a") + " x"})});
  beta.set_scripts(
      {logged_in("alice", {"C: A2 SELECT \"loop/a\"", "S: A2 NO " + referral_to(alpha, "loop/a") + " y"})});
  Scenario scenario = referred("mailbox-loop", "SELECT loop/a");
  scenario.steps.push_back(follow("rfc2193-3-no-referral-loop"));
  CommandStep select = command("C1R", "SELECT ${C1R.mailbox}");
  expect_tagged(select, {"OK"}, "rfc2193-3-no-referral-loop");
  scenario.steps.push_back(select);
  ScenarioResult result = run_one(fake_profile(alpha.port(), beta.port()), scenario);
  EXPECT_TRUE(alpha.finish().empty());
  EXPECT_TRUE(beta.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  const CheckResult* loop = find_check(result, "rfc2193-3-no-referral-loop");
  ASSERT_NE(loop, nullptr) << dump(result);
  EXPECT_EQ(loop->outcome, Outcome::fail);
  EXPECT_NE(loop->observed.find("was already followed in this chain"), std::string::npos);
  EXPECT_EQ(count_outcome(result, Outcome::not_applicable), 1u) << dump(result);
  EXPECT_EQ(result.checks.back().summary, "step skipped") << dump(result);
  EXPECT_NE(result.checks.back().observed.find("C1R is unavailable"), std::string::npos);
}

// E6: a chain that ends. beta refers again (SHOULD NOT: warn), alpha then serves loop/b, and
// C1R is the last hop, with ${C1R.mailbox} the mailbox of the last URL.
TEST(ReferralChain, MailboxReferralChainEndsAtTheServerThatServesIt) {
  FakeServer alpha({}), beta({});
  alpha.set_scripts(
      {logged_in("alice", {"C: A2 SELECT loop/a", "S: A2 NO " + referral_to(beta, "loop/a") + " x"}),
       logged_in("alice", {"C: A2 SELECT \"loop/b\"", "S: * 2 EXISTS", "S: A2 OK selected",
                           "C: A3 SELECT loop/b", "S: * 2 EXISTS", "S: A3 OK selected"})});
  beta.set_scripts(
      {logged_in("alice", {"C: A2 SELECT \"loop/a\"", "S: A2 NO " + referral_to(alpha, "loop/b") + " y"})});
  Scenario scenario = referred("mailbox-chain", "SELECT loop/a");
  scenario.steps.push_back(follow("rfc2193-4.1-mailbox-referral"));
  CommandStep select = command("C1R", "SELECT ${C1R.mailbox}");
  expect_tagged(select, {"OK"}, "rfc2193-3-no-referral-loop");
  select.expect.untagged.push_back(untagged(Presence::must, "EXISTS", "rfc3501-5.2-size-updates", "2"));
  scenario.steps.push_back(select);
  ScenarioResult result = run_one(fake_profile(alpha.port(), beta.port()), scenario);
  EXPECT_TRUE(alpha.finish().empty());
  EXPECT_TRUE(beta.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::warn) << dump(result);
  const CheckResult* again = find_check(result, "rfc2221-3-no-referral-to-referral");
  ASSERT_NE(again, nullptr) << dump(result);
  EXPECT_EQ(again->outcome, Outcome::warn);
  bool followed = false;
  for (const auto& check : result.checks) {
    followed |= check.summary == "referral followed" &&
                check.observed.ends_with("(server alpha) after 2 hop(s)");
  }
  EXPECT_TRUE(followed) << dump(result);
}

// E6: a referred command that changes state is never repeated by the follow: STATUS probes
// the mailbox, and the scenario's own DELETE on C1R is the only one.
TEST(ReferralChain, ChangingCommandIsProbedWithStatusNotRepeated) {
  FakeServer alpha({}), beta({});
  alpha.set_scripts({logged_in("alice", {"C: A2 DELETE box", "S: A2 NO " + referral_to(beta, "box") + " x"})});
  beta.set_scripts({logged_in("alice", {"C: A2 STATUS \"box\" (MESSAGES)", "S: * STATUS box (MESSAGES 1)",
                                        "S: A2 OK", "C: A3 DELETE box", "S: A3 OK deleted"})});
  Scenario scenario = referred("delete-remote", "DELETE box");
  scenario.steps.push_back(follow("rfc2193-4.1-mailbox-referral"));
  CommandStep remove = command("C1R", "DELETE ${C1R.mailbox}");
  expect_tagged(remove, {"OK"}, "rfc2193-3-referral-is-tagged-no");
  scenario.steps.push_back(remove);
  ScenarioResult result = run_one(fake_profile(alpha.port(), beta.port()), scenario);
  EXPECT_TRUE(alpha.finish().empty());
  EXPECT_TRUE(beta.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
}

// E4: login="none" only connects: no LOGIN, no mailbox check, whatever was referred.
TEST(ReferralChain, LoginNoneOnlyConnectsEvenForAMailboxReferral) {
  FakeServer alpha({}), beta({});
  alpha.set_scripts({logged_in("alice", {"C: A2 SELECT remote/projects",
                                         "S: A2 NO " + referral_to(beta, "remote/projects") + " x"})});
  beta.set_scripts({{"S: * OK fake ready", "C: A1 CAPABILITY", "S: * CAPABILITY IMAP4rev1",
                     "S: A1 OK"}});
  Scenario scenario = referred("connect-only", "SELECT remote/projects");
  FollowReferralStep connect_only = follow("rfc2193-4.1-mailbox-referral");
  connect_only.login = LoginMethod::none;
  connect_only.as_url = false;
  scenario.steps.push_back(connect_only);
  CommandStep capability = command("C1R", "CAPABILITY");
  expect_tagged(capability, {"OK"}, "rfc2193-3-referral-is-tagged-no");
  scenario.steps.push_back(capability);
  ScenarioResult result = run_one(fake_profile(alpha.port(), beta.port()), scenario);
  EXPECT_TRUE(alpha.finish().empty());
  EXPECT_TRUE(beta.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
}

// E5: a login referral without a user after a LOGIN the scenario sent itself (C1 has no user
// role and login="none"): the follow logs in as that user; the URL only earns the lint's warn.
TEST(ReferralChain, UrlWithoutUserLogsInAsTheUserOfTheLoginCommand) {
  FakeServer alpha({}), beta({});
  alpha.set_scripts({{"S: * OK fake ready", "C: A1 LOGIN bob bob-pw",
                      "S: A1 NO [REFERRAL imap://127.0.0.1:" + std::to_string(beta.port()) +
                          "/] go home"}});
  beta.set_scripts({logged_in("bob", {"C: A2 NOOP", "S: A2 OK"})});
  Scenario scenario = scenario_with_c1("anonymous-url");
  scenario.clients[0] = client("C1", "main", std::nullopt);
  scenario.clients[0].login = LoginMethod::none;
  scenario.steps.push_back(command("C1", "LOGIN bob bob-pw"));
  scenario.steps.push_back(follow("rfc2221-4.1-login-referral"));
  CommandStep noop = command("C1R", "NOOP");
  expect_tagged(noop, {"OK"}, "rfc2221-4.1-login-referral");
  scenario.steps.push_back(noop);
  ScenarioResult result = run_one(fake_profile(alpha.port(), beta.port()), scenario);
  EXPECT_TRUE(alpha.finish().empty());
  EXPECT_TRUE(beta.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::warn) << dump(result);
  EXPECT_EQ(count_outcome(result, Outcome::fail), 0u) << dump(result);
}

// A hop whose login is answered OK [REFERRAL] is not the user's home yet (RFC 2221 §4: "the
// user's personal mailboxes are elsewhere"): the chain goes on to the server that accepts it.
TEST(ReferralChain, LoginOkWithAReferralAtAHopIsFollowedFurther) {
  FakeServer alpha({}), beta({});
  std::string to_alpha = "imap://bob;AUTH=*@127.0.0.1:" + std::to_string(alpha.port()) + "/";
  std::string to_beta = "imap://bob;AUTH=*@127.0.0.1:" + std::to_string(beta.port()) + "/";
  alpha.set_scripts({{"S: * OK fake ready", "C: A1 LOGIN bob bob-pw", "S: A1 NO [REFERRAL " + to_beta + "] x"},
                     logged_in("bob", {"C: A2 NOOP", "S: A2 OK"})});
  beta.set_scripts({{"S: * OK fake ready", "C: A1 LOGIN bob bob-pw",
                     "S: A1 OK [REFERRAL " + to_alpha + "] public mailboxes only"}});
  Scenario scenario = scenario_with_c1("ok-referral-hop");
  scenario.clients[0].user_role = "homed-elsewhere";
  scenario.steps.push_back(FollowReferralStep{.client = "C1", .as = "C1R",
                                              .requirement = {"rfc2221-4.1-login-referral"}});
  CommandStep noop = command("C1R", "NOOP");
  expect_tagged(noop, {"OK"}, "rfc2221-4.1-login-referral");
  scenario.steps.push_back(noop);
  ScenarioResult result = run_one(fake_profile(alpha.port(), beta.port()), scenario);
  EXPECT_TRUE(alpha.finish().empty());
  EXPECT_TRUE(beta.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::warn) << dump(result);  // beta referred again: SHOULD NOT
  EXPECT_EQ(count_outcome(result, Outcome::fail), 0u) << dump(result);
}

}  // namespace
}  // namespace referee::engine::test
