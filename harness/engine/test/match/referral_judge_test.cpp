#include "harness/engine/match/referral_judge.hpp"

#include <gtest/gtest.h>

#include "harness/engine/match/profile_roles.hpp"
#include "harness/engine/test/engine_test_support.hpp"

namespace referee::engine {
namespace {

TEST(ReferralJudge, MapsHostsToProfileServersIncludingReferralNames) {
  auto profile = test::fake_profile(1430, 1431);
  profile.servers[1].referral_names = {"beta.example", "Gamma.example:993"};
  auto urls = check_referral_urls({"imap://bob@127.0.0.1:1431/", "imap://bob@BETA.example/",
                                   "imap://bob@gamma.example:993/", "imap://bob@gamma.example/",
                                   "imap://bob@127.0.0.1/"},
                                  false, profile);
  ASSERT_EQ(urls.size(), 5u);
  EXPECT_EQ(urls[0].server->id, "beta");
  EXPECT_EQ(urls[1].server->id, "beta");
  EXPECT_EQ(urls[2].server->id, "beta");
  EXPECT_EQ(urls[3].server, nullptr);  // the name was declared with port 993 only
  EXPECT_EQ(urls[4].server, nullptr);  // 127.0.0.1:143 is no profile server
}

TEST(ReferralJudge, ReportsTheBrokenRuleAndLintFindings) {
  auto profile = test::fake_profile(1430);
  auto urls = check_referral_urls({"imap//x", "imap://127.0.0.1:1430/INBOX"}, true, profile);
  ASSERT_TRUE(urls[0].problem.has_value());
  EXPECT_FALSE(urls[0].problem->rule.empty());
  EXPECT_FALSE(urls[1].findings.empty());  // no user and no ;AUTH=: anonymous fallback
}

TEST(ReferralJudge, CountBounds) {
  EXPECT_TRUE(count_matches("any", 0));
  EXPECT_TRUE(count_matches("1", 1));
  EXPECT_FALSE(count_matches("1", 2));
  EXPECT_TRUE(count_matches("2+", 3));
  EXPECT_FALSE(count_matches("2+", 1));
  EXPECT_FALSE(count_matches("x", 1));
}

// RFC 2193 §4.3: "one or more pairs of IMAP mailbox referrals".
TEST(ReferralJudge, PairsIsAnEvenCountOfAtLeastTwo) {
  EXPECT_FALSE(count_matches("pairs", 0));
  EXPECT_FALSE(count_matches("pairs", 1));
  EXPECT_TRUE(count_matches("pairs", 2));
  EXPECT_FALSE(count_matches("pairs", 3));
  EXPECT_TRUE(count_matches("pairs", 4));
}

// count="0": "no REFERRAL response code" (a proxied answer, a failed login); every other
// count needs the code, "any" included.
TEST(ReferralJudge, CountZeroMatchesOnlyTheAbsenceOfAReferral) {
  auto profile = test::fake_profile(1430, 1431);
  Variables variables = builtin_variables(profile);
  scenario::ReferralPattern none{.count = "0"};
  auto absent = match_referral(none, {}, profile, variables).value();
  EXPECT_TRUE(absent.matched);
  EXPECT_EQ(absent.expected, "no REFERRAL response code");
  auto urls = check_referral_urls({"imap://alice;AUTH=*@127.0.0.1:1431/remote/projects"}, true, profile);
  EXPECT_FALSE(match_referral(none, urls, profile, variables).value().matched);
  scenario::ReferralPattern any{.count = "any"};
  EXPECT_FALSE(match_referral(any, {}, profile, variables).value().matched);
  EXPECT_TRUE(match_referral(any, urls, profile, variables).value().matched);
}

TEST(ReferralJudge, MatchesEachAttributeInOrder) {
  auto profile = test::fake_profile(1430, 1431);
  Variables variables = builtin_variables(profile);
  auto urls = check_referral_urls({"imap://alice;AUTH=*@127.0.0.1:1431/remote/projects"}, true, profile);
  scenario::ReferralPattern pattern{
      .count = "1",
      .urls = {{.server = "other", .user = "${user.local.login}", .auth = "any", .mailbox = "${mailbox.remote}"}}};
  EXPECT_TRUE(match_referral(pattern, urls, profile, variables).value().matched);
  pattern.urls[0].auth = "absent";
  auto wrong_auth = match_referral(pattern, urls, profile, variables).value();
  EXPECT_FALSE(wrong_auth.matched);
  EXPECT_NE(wrong_auth.observed.find("its ;AUTH= is \"*\", not absent"), std::string::npos);
  pattern.urls[0].auth = "*";
  pattern.urls[0].server = "main";
  EXPECT_FALSE(match_referral(pattern, urls, profile, variables).value().matched);
  pattern.urls[0].server = "nobody";
  EXPECT_FALSE(match_referral(pattern, urls, profile, variables));  // scenario error
  auto none = match_referral(pattern, {}, profile, variables).value();
  EXPECT_EQ(none.observed, "no REFERRAL response code");
}

// RFC 5092 §8: the URL carries the name in UTF-8, percent-encoded; the scenario names the
// mailbox as the server does, in modified UTF-7. Compared as Unicode.
TEST(ReferralJudge, MailboxIsComparedAsUnicode) {
  auto profile = test::fake_profile(1430, 1431);
  Variables variables = builtin_variables(profile);
  variables.set("box", "t/Entw&APw-rfe");
  scenario::ReferralPattern pattern{.count = "1", .urls = {{.server = "other", .mailbox = "${box}"}}};
  const auto match = [&](const std::string& url) {
    return match_referral(pattern, check_referral_urls({url}, true, profile), profile, variables).value();
  };
  EXPECT_TRUE(match("imap://alice;AUTH=*@127.0.0.1:1431/t/Entw%C3%BCrfe").matched);
  EXPECT_TRUE(match("imap://alice;AUTH=*@127.0.0.1:1431/t/Entw%c3%bcrfe").matched);  // hex case is free
  auto utf7 = match("imap://alice;AUTH=*@127.0.0.1:1431/t/Entw&APw-rfe");
  EXPECT_FALSE(utf7.matched);
  EXPECT_NE(utf7.observed.find("not converted to UTF-8 (RFC 5092 §8)"), std::string::npos) << utf7.observed;
  variables.set("box", "t/100%41");
  EXPECT_TRUE(match("imap://alice;AUTH=*@127.0.0.1:1431/t/100%2541").matched);
  auto raw = match("imap://alice;AUTH=*@127.0.0.1:1431/t/100%41");
  EXPECT_FALSE(raw.matched);
  EXPECT_NE(raw.observed.find("its mailbox decodes to \"t/100A\", not \"t/100%41\""), std::string::npos) << raw.observed;
  variables.set("box", "t/Tom &- Jerry");
  EXPECT_TRUE(match("imap://alice;AUTH=*@127.0.0.1:1431/t/Tom%20&%20Jerry").matched);
  EXPECT_FALSE(match("imap://alice;AUTH=*@127.0.0.1:1431/t/Tom%20&-%20Jerry").matched);
}

// RFC 2193 §4.3: "the first one is an URL to the existing mailbox name and the second is an
// URL to the requested new mailbox name" — on the same server, or (the RFC's first example)
// on different servers: SERVER1/FOO SERVER2/BAR.
scenario::ReferralPattern rename_pair(bool cross_server) {
  scenario::UrlPattern existing{.server = "other", .mailbox = "FOO"};
  scenario::UrlPattern renamed{.mailbox = "BAR"};
  if (cross_server) {
    renamed.not_server = "other";
  } else {
    renamed.server = "other";
  }
  return {.count = "pairs", .urls = {existing, renamed}};
}

TEST(ReferralJudge, SameServerAndCrossServerRenamePairs) {
  auto profile = test::fake_profile(1430, 1431);
  Variables variables = builtin_variables(profile);
  auto same = check_referral_urls({"imap://alice;AUTH=*@127.0.0.1:1431/FOO",
                                   "imap://alice;AUTH=*@127.0.0.1:1431/BAR"}, true, profile);
  auto cross = check_referral_urls({"imap://alice;AUTH=*@127.0.0.1:1431/FOO",
                                    "imap://alice;AUTH=*@127.0.0.1:1430/BAR"}, true, profile);
  EXPECT_TRUE(match_referral(rename_pair(false), same, profile, variables).value().matched);
  EXPECT_TRUE(match_referral(rename_pair(true), cross, profile, variables).value().matched);
  auto not_cross = match_referral(rename_pair(true), same, profile, variables).value();
  EXPECT_FALSE(not_cross.matched);
  EXPECT_NE(not_cross.observed.find("URL 2: its host is server beta"), std::string::npos)
      << not_cross.observed;
  EXPECT_NE(not_cross.expected.find("not-server=other"), std::string::npos) << not_cross.expected;
  EXPECT_FALSE(match_referral(rename_pair(false), cross, profile, variables).value().matched);
  // The existing name's URL must name the server holding the mailbox, in a cross pair too.
  auto swapped = check_referral_urls({"imap://alice;AUTH=*@127.0.0.1:1430/FOO",
                                      "imap://alice;AUTH=*@127.0.0.1:1431/BAR"}, true, profile);
  auto wrong_holder = match_referral(rename_pair(true), swapped, profile, variables).value();
  EXPECT_FALSE(wrong_holder.matched);
  EXPECT_NE(wrong_holder.observed.find("URL 1: its host is not server beta"), std::string::npos)
      << wrong_holder.observed;
  // A host outside the profile is "another server" for not-server.
  auto elsewhere = check_referral_urls({"imap://alice;AUTH=*@127.0.0.1:1431/FOO",
                                        "imap://alice;AUTH=*@127.0.0.1:9/BAR"}, true, profile);
  EXPECT_TRUE(match_referral(rename_pair(true), elsewhere, profile, variables).value().matched);
  auto unknown_role = rename_pair(true);
  unknown_role.urls[1].not_server = "nobody";
  EXPECT_FALSE(match_referral(unknown_role, cross, profile, variables));  // scenario error
}

// A single URL, or an odd number, is no list of pairs, whichever server each names.
TEST(ReferralJudge, RenameReferralsThatAreNotPairsNeverMatch) {
  auto profile = test::fake_profile(1430, 1431);
  Variables variables = builtin_variables(profile);
  auto single = check_referral_urls({"imap://alice;AUTH=*@127.0.0.1:1431/FOO"}, true, profile);
  auto three = check_referral_urls({"imap://alice;AUTH=*@127.0.0.1:1431/FOO",
                                    "imap://alice;AUTH=*@127.0.0.1:1431/BAR",
                                    "imap://alice;AUTH=*@127.0.0.1:1431/FOO"}, true, profile);
  for (bool cross_server : {false, true}) {
    EXPECT_FALSE(match_referral(rename_pair(cross_server), single, profile, variables).value().matched);
    EXPECT_FALSE(match_referral(rename_pair(cross_server), three, profile, variables).value().matched);
  }
}

// RFC 5092 §3.2: a user name with a space or ";" "MUST be percent-encoded". Written as it is,
// the space splits the REFERRAL argument in two; the match fails and says why, first.
TEST(ReferralJudge, UserNameIsComparedDecodedAndMustBePercentEncoded) {
  auto profile = test::fake_profile(1430, 1431);
  profile.users.push_back({.id = "mary", .roles = {"homed-elsewhere-reserved-login"},
                           .login = "mary smith;sales", .password = "pw", .home_server = "beta"});
  Variables variables = builtin_variables(profile);
  scenario::ReferralPattern pattern{
      .count = "1",
      .urls = {{.server = "other", .user = "${user.homed-elsewhere-reserved-login.login}", .auth = "any"}}};
  const auto match = [&](const std::vector<std::string>& urls) {
    return match_referral(pattern, check_referral_urls(urls, false, profile), profile, variables).value();
  };
  EXPECT_TRUE(match({"imap://mary%20smith%3Bsales;AUTH=*@127.0.0.1:1431/"}).matched);
  // As the REFERRAL code's parser splits "imap://mary smith;sales;AUTH=*@127.0.0.1:1431/".
  auto raw = match({"imap://mary", "smith;sales;AUTH=*@127.0.0.1:1431/"});
  EXPECT_FALSE(raw.matched);
  EXPECT_TRUE(raw.observed.starts_with(
      "user name \"mary smith;sales\" not percent-encoded in URL \"imap://mary smith;sales;AUTH=*@127.0.0.1:1431/\""))
      << raw.observed;
  EXPECT_NE(raw.observed.find("; received: imap://mary (host not in the profile)"), std::string::npos)
      << raw.observed;
  // Only the space encoded: one URL, which does not parse; the ";" is named.
  auto partly = match({"imap://mary%20smith;sales;AUTH=*@127.0.0.1:1431/"});
  EXPECT_FALSE(partly.matched);
  EXPECT_NE(partly.observed.find("(RFC 5092 §3.2: \";\" MUST be percent-encoded"), std::string::npos)
      << partly.observed;
  // Another user, correctly encoded: the ordinary difference.
  auto other = match({"imap://bob;AUTH=*@127.0.0.1:1431/"});
  EXPECT_FALSE(other.matched);
  EXPECT_NE(other.observed.find("its user is \"bob\", not \"mary smith;sales\""), std::string::npos)
      << other.observed;
}

}  // namespace
}  // namespace referee::engine
