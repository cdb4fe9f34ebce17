// Judging <referral> patterns of a tagged response through the engine: count="0" ("no
// REFERRAL response code": a proxied answer, a failed login) and count="pairs" (RENAME,
// RFC 2193 §4.3).
#include "harness/engine/run/judge.hpp"

#include <gtest/gtest.h>

#include "harness/engine/test/engine_test_support.hpp"
#include "harness/engine/test/fake_server.hpp"

namespace referee::engine::test {
namespace {

ScenarioResult run_with_referral(const std::string& answer, std::string command_text,
                                 ReferralPattern pattern, std::vector<std::string> statuses) {
  FakeServer server({alice({"C: A2 " + command_text, answer})});
  Scenario scenario = scenario_with_c1("referral-count");
  scenario.rfc = "2193";
  CommandStep step = command("C1", std::move(command_text));
  expect_tagged(step, std::move(statuses), "rfc2193-3-referral-is-tagged-no");
  step.expect.tagged->referral = std::move(pattern);
  scenario.steps.push_back(step);
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  return result;
}

// E1: <referral count="0"/> is satisfied by a response without a REFERRAL code.
TEST(Judge, ReferralCountZeroMatchesAResponseWithoutReferral) {
  ScenarioResult plain = run_with_referral("S: A2 NO [AUTHENTICATIONFAILED] wrong password",
                                           "LOGIN bob wrong", ReferralPattern{.count = "0"}, {"NO"});
  EXPECT_EQ(plain.outcome, Outcome::pass) << dump(plain);
  ScenarioResult referred = run_with_referral(
      "S: A2 NO [REFERRAL imap://bob;AUTH=*@127.0.0.1:1/] go", "LOGIN bob wrong",
      ReferralPattern{.count = "0"}, {"NO"});
  EXPECT_EQ(referred.outcome, Outcome::fail) << dump(referred);
  ASSERT_GE(referred.checks.size(), 2u);
  EXPECT_EQ(referred.checks.back().expected, "no REFERRAL response code");
}

// count="pairs": RENAME's "one or more pairs of IMAP mailbox referrals" (RFC 2193 §4.3).
TEST(Judge, ReferralCountPairsWantsAnEvenNumberOfUrls) {
  const std::string url = "imap://alice;AUTH=*@127.0.0.1:1/";
  ReferralPattern pairs{.count = "pairs", .requirement = {"rfc2193-4.3-rename-pair"}};
  ScenarioResult two = run_with_referral("S: A2 NO [REFERRAL " + url + "a " + url + "b] there",
                                         "RENAME a b", pairs, {"NO"});
  const CheckResult* pair = find_check(two, "rfc2193-4.3-rename-pair");
  ASSERT_NE(pair, nullptr) << dump(two);
  EXPECT_EQ(pair->outcome, Outcome::pass) << dump(two);
  ScenarioResult one = run_with_referral("S: A2 NO [REFERRAL " + url + "a] there", "RENAME a b",
                                         pairs, {"NO"});
  pair = find_check(one, "rfc2193-4.3-rename-pair");
  ASSERT_NE(pair, nullptr) << dump(one);
  EXPECT_EQ(pair->outcome, Outcome::fail);
  EXPECT_EQ(pair->expected, "REFERRAL with pairs of URLs");
}

// RFC 5092 §3.2: a login referral that writes the user name raw fails the scenario's own
// check, which names the user, before the URL syntax rule (so an alternative dropped for it
// is dropped for the rule the scenario is about).
TEST(Judge, UnencodedUserFailsTheScenarioCheckBeforeTheSyntaxRule) {
  ReferralPattern pattern{.count = "1", .urls = {{.user = "mary smith;sales"}},
                          .requirement = {"rfc5092-3.2-user-percent-encoded"}};
  ScenarioResult raw = run_with_referral("S: A2 NO [REFERRAL imap://mary smith;sales;AUTH=*@127.0.0.1:1/] go",
                                         "LOGIN \"mary smith;sales\" pw", pattern, {"NO"});
  EXPECT_EQ(raw.outcome, Outcome::fail) << dump(raw);
  std::optional<std::size_t> user_check, syntax_check;
  for (std::size_t i = 0; i < raw.checks.size(); ++i) {
    const auto& check = raw.checks[i];
    if (check.requirement == "rfc5092-3.2-user-percent-encoded" && !user_check) user_check = i;
    if (check.requirement == "rfc5092-11-url-syntax" && !syntax_check) syntax_check = i;
  }
  ASSERT_TRUE(user_check && syntax_check) << dump(raw);
  EXPECT_LT(*user_check, *syntax_check);
  EXPECT_EQ(raw.checks[*user_check].outcome, Outcome::fail);
  EXPECT_EQ(raw.checks[*syntax_check].outcome, Outcome::fail);
  EXPECT_TRUE(raw.checks[*user_check].observed.starts_with("user name \"mary smith;sales\" not percent-encoded"))
      << raw.checks[*user_check].observed;
  ScenarioResult encoded = run_with_referral("S: A2 NO [REFERRAL imap://mary%20smith%3Bsales;AUTH=*@127.0.0.1:1/] go",
                                             "LOGIN \"mary smith;sales\" pw", pattern, {"NO"});
  const CheckResult* user = find_check(encoded, "rfc5092-3.2-user-percent-encoded");
  ASSERT_NE(user, nullptr) << dump(encoded);
  EXPECT_EQ(user->outcome, Outcome::pass) << dump(encoded);
}

}  // namespace
}  // namespace referee::engine::test
