// Referrals across two fake servers (RFC 2193 mailbox referrals, RFC 2221 login referrals):
// following, and each way a referral can be wrong (bad URL, unlisted host, hop limit, loop).
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

std::string url_to(std::uint16_t port, std::string rest) {
  return "imap://" + rest.substr(0, rest.find('/')) + "@127.0.0.1:" + std::to_string(port) +
         rest.substr(rest.find('/'));
}

FollowReferralStep follow(std::string from, std::string as, std::string requirement) {
  return FollowReferralStep{.client = std::move(from), .as = std::move(as),
                            .requirement = {std::move(requirement)}};
}

// RFC 2193 §4.1: SELECT of a remote mailbox is referred; the engine follows to beta, logs in
// as the URL says, checks beta lists the mailbox, and the scenario continues on C1R.
TEST(ReferralFollower, FollowsAMailboxReferralToTheOtherServer) {
  // The referred SELECT is re-issued on beta: that is how the engine knows beta serves it.
  FakeServer beta({logged_in("alice", {"C: A2 SELECT \"remote/projects\"",
                                       "S: * 2 EXISTS", "S: A2 OK [READ-WRITE] selected",
                                       "C: A3 SELECT remote/projects", "S: * 2 EXISTS",
                                       "S: A3 OK [READ-WRITE] selected"})});
  std::string referral = url_to(beta.port(), "alice;AUTH=*/remote/projects");
  FakeServer alpha({logged_in("alice", {"C: A2 SELECT remote/projects",
                                        "S: A2 NO [REFERRAL " + referral + "] Remote mailbox"})});
  Scenario scenario = scenario_with_c1("rfc2193-select-remote");
  CommandStep select = command("C1", "SELECT ${mailbox.remote}");
  expect_tagged(select, {"NO"}, "rfc2193-3-referral-is-tagged-no");
  select.expect.tagged->referral = ReferralPattern{
      .count = "1",
      .urls = {UrlPattern{.server = "other", .user = "${user.local.login}", .auth = "*",
                          .mailbox = "${mailbox.remote}"}},
      .requirement = {"rfc2193-4.1-mailbox-referral"}};
  scenario.steps.push_back(select);
  scenario.steps.push_back(follow("C1", "C1R", "rfc2193-4.1-mailbox-referral"));
  CommandStep reselect = command("C1R", "SELECT ${C1R.mailbox}");
  expect_tagged(reselect, {"OK"}, "rfc3501-5.2-size-updates");
  reselect.expect.untagged.push_back(untagged(Presence::must, "EXISTS", "rfc3501-5.2-size-updates", "2"));
  scenario.steps.push_back(reselect);
  ScenarioResult result = run_one(fake_profile(alpha.port(), beta.port()), scenario);
  EXPECT_TRUE(alpha.finish().empty());
  EXPECT_TRUE(beta.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
  ASSERT_EQ(result.checks.size(), 6u) << dump(result);
  EXPECT_EQ(result.checks[1].summary, "referral URLs");
  EXPECT_EQ(result.checks[1].observed, referral + " (server beta)");
  EXPECT_EQ(result.checks[2].summary, "the referred server serves the mailbox");
  EXPECT_EQ(result.checks[3].observed, referral + " (server beta) after 1 hop(s)");
  bool c1r_on_beta = false;
  for (const auto& line : result.transcript) c1r_on_beta |= line.client == "C1R" && line.server == "beta";
  EXPECT_TRUE(c1r_on_beta);
}

TEST(ReferralFollower, WrongReferralUrlFailsNamingTheDifferenceAndTheRule) {
  FakeServer alpha({logged_in("alice", {"C: A2 SELECT remote/projects",
                                        "S: A2 NO [REFERRAL imap://alice@127.0.0.1:1/other imap//broken] x"})});
  Scenario scenario = scenario_with_c1("wrong-url");
  CommandStep select = command("C1", "SELECT remote/projects");
  expect_tagged(select, {"NO"}, "rfc2193-3-referral-is-tagged-no");
  select.expect.tagged->referral = ReferralPattern{
      .urls = {UrlPattern{.server = "main", .mailbox = "remote/projects"}},
      .requirement = {"rfc2193-4.1-mailbox-referral"}};
  scenario.steps.push_back(select);
  scenario.rfc = "2193";
  ScenarioResult result = run_one(fake_profile(alpha.port()), scenario);
  EXPECT_TRUE(alpha.finish().empty());
  const CheckResult* syntax = find_check(result, "rfc5092-11-url-syntax");
  ASSERT_NE(syntax, nullptr) << dump(result);
  EXPECT_EQ(syntax->outcome, Outcome::fail);
  EXPECT_NE(syntax->observed.find("\"imap//broken\" breaks rule"), std::string::npos) << syntax->observed;
  const CheckResult* referral = find_check(result, "rfc2193-4.1-mailbox-referral");
  ASSERT_NE(referral, nullptr);
  // A MAY-level referral pattern that does not match is info, never fail (DECISIONS.md).
  EXPECT_EQ(referral->outcome, Outcome::info);
  EXPECT_NE(referral->observed.find("URL 1: its host is not server alpha"), std::string::npos)
      << referral->observed;
  EXPECT_EQ(result.outcome, Outcome::fail);
}

TEST(ReferralFollower, HostOutsideTheProfileIsNeverContacted) {
  FakeServer alpha({logged_in("alice", {"C: A2 SELECT remote/projects",
                                        "S: A2 NO [REFERRAL imap://alice;AUTH=*@catcher.invalid/remote] x"})});
  Scenario scenario = scenario_with_c1("unlisted-host");
  scenario.steps.push_back(command("C1", "SELECT remote/projects"));
  scenario.steps.push_back(follow("C1", "C1R", "rfc2193-4.1-mailbox-referral"));
  ScenarioResult result = run_one(fake_profile(alpha.port()), scenario);
  EXPECT_TRUE(alpha.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  const CheckResult* check = find_check(result, "rfc2221-6-password-catching");
  ASSERT_NE(check, nullptr) << dump(result);
  EXPECT_EQ(check->outcome, Outcome::fail);
  EXPECT_NE(check->observed.find("catcher.invalid is not a profile server; not contacted"),
            std::string::npos);
  for (const auto& line : result.transcript) EXPECT_NE(line.client, "C1R");
}

std::string port_of(const FakeServer& server) { return std::to_string(server.port()); }

Scenario bob_follows(unsigned max_hops) {
  Scenario scenario = scenario_with_c1("login-referral-chain");
  scenario.clients[0].user_role = "homed-elsewhere";
  FollowReferralStep step = follow("C1", "C1R", "rfc2221-4.1-login-referral");
  step.max_hops = max_hops;
  scenario.steps.push_back(step);
  return scenario;
}

// C1 (bob) gets a login referral to beta; beta and alpha then greet with BYE referrals.
TEST(ReferralFollower, MoreHopsThanAllowedIsAFail) {
  FakeServer alpha({}), beta({});
  alpha.set_scripts(
      {{"S: * OK fake ready", "C: A1 LOGIN bob bob-pw",
        "S: A1 NO [REFERRAL imap://bob@127.0.0.1:" + port_of(beta) + "/] go to beta"},
       {"S: * BYE [REFERRAL imap://bob;AUTH=PLAIN@127.0.0.1:" + port_of(beta) + "/] again", "CLOSE"}});
  beta.set_scripts(
      {{"S: * BYE [REFERRAL imap://bob;AUTH=*@127.0.0.1:" + port_of(alpha) + "/] elsewhere", "CLOSE"}});
  ScenarioResult result = run_one(fake_profile(alpha.port(), beta.port()), bob_follows(2));
  EXPECT_TRUE(alpha.finish().empty());
  EXPECT_TRUE(beta.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  const CheckResult* hops = find_check(result, "rfc2221-3-client-max-10-hops");
  ASSERT_NE(hops, nullptr) << dump(result);
  EXPECT_EQ(hops->outcome, Outcome::fail);
  EXPECT_EQ(hops->expected, "at most 2 levels of referral");
  EXPECT_NE(hops->observed.find("hop 3 to imap://bob;AUTH=PLAIN@"), std::string::npos);
  // Referring to a server that refers again is a SHOULD NOT (RFC 2221 §3): warn.
  const CheckResult* again = find_check(result, "rfc2221-3-no-referral-to-referral");
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(again->outcome, Outcome::warn);
}

TEST(ReferralFollower, TheSameUrlTwiceIsALoop) {
  FakeServer alpha({}), beta({});
  std::string to_beta = "imap://bob@127.0.0.1:" + port_of(beta) + "/";
  alpha.set_scripts({{"S: * OK fake ready", "C: A1 LOGIN bob bob-pw",
                      "S: A1 NO [REFERRAL " + to_beta + "] go to beta"}});
  beta.set_scripts({{"S: * BYE [REFERRAL " + to_beta + "] try me again", "CLOSE"}});
  ScenarioResult result = run_one(fake_profile(alpha.port(), beta.port()), bob_follows(10));
  EXPECT_TRUE(alpha.finish().empty());
  EXPECT_TRUE(beta.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  const CheckResult* loop = find_check(result, "rfc2193-3-no-referral-loop");
  ASSERT_NE(loop, nullptr) << dump(result);
  EXPECT_EQ(loop->outcome, Outcome::fail);
  EXPECT_EQ(loop->observed, to_beta + " was already followed in this chain");
}

TEST(ReferralFollower, LoginReferralIsFollowedAndTheUrlUserLogsIn) {
  FakeServer alpha({}), beta({});
  alpha.set_scripts({{"S: * OK fake ready", "C: A1 LOGIN bob bob-pw",
                      "S: A1 NO [REFERRAL imap://bob;AUTH=*@127.0.0.1:" + port_of(beta) + "/] beta"}});
  beta.set_scripts({logged_in("bob", {"C: A2 NOOP", "S: A2 OK"})});
  Scenario scenario = bob_follows(10);
  CommandStep noop = command("C1R", "NOOP");
  expect_tagged(noop, {"OK"}, "rfc2221-4.1-login-referral");
  scenario.steps.push_back(noop);
  ScenarioResult result = run_one(fake_profile(alpha.port(), beta.port()), scenario);
  EXPECT_TRUE(alpha.finish().empty());
  EXPECT_TRUE(beta.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
}

TEST(ReferralFollower, ByeGreetingReferralIsJudgedByTheGreetingPattern) {
  FakeServer alpha({}), retired({});
  retired.set_scripts({{"S: * BYE [REFERRAL imap://;AUTH=*@127.0.0.1:" + port_of(alpha) +
                            "/] moved", "CLOSE"}});
  Scenario scenario = scenario_with_c1("bye-greeting");
  scenario.clients[0] = client("C3", "other", std::nullopt);
  scenario.clients[0].login = LoginMethod::none;
  scenario.clients[0].greeting = GreetingPattern{
      .statuses = {"BYE"},
      .referral = ReferralPattern{.count = "1", .urls = {UrlPattern{.server = "main", .auth = "*"}}},
      .requirement = {"rfc2221-4.2-bye-referral"}};
  ScenarioResult result = run_one(fake_profile(alpha.port(), retired.port()), scenario);
  EXPECT_TRUE(retired.finish().empty());
  alpha.finish();
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
  ASSERT_EQ(result.checks.size(), 2u) << dump(result);
  EXPECT_EQ(result.checks[0].expected, "greeting BYE");
}

}  // namespace
}  // namespace referee::engine::test
