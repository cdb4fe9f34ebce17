// Servers that misbehave on purpose (issue 10): Referee never hangs, keeps each deadline to
// within 10 %, bounds what it records, and judges what it saw. Deadlines are small so the
// tests stay fast; each timed test measures, from the transcript, the time between the event
// that started the step and the event that says its deadline passed.
#include "harness/engine/run/client_session.hpp"

#include <sys/resource.h>

#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "harness/engine/test/engine_test_support.hpp"
#include "harness/engine/test/fake_server.hpp"

namespace referee::engine::test {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;

constexpr milliseconds deadline{500};

Scenario one_noop(std::string name) {
  Scenario scenario = scenario_with_c1(std::move(name));
  CommandStep noop = command("C1", "NOOP");
  expect_tagged(noop, {"OK"}, "rfc3501-6.1.2-noop-succeeds");
  scenario.steps.push_back(noop);
  return scenario;
}

// Time from the first event of `client` whose bytes start with `from` to the first later event
// of `client` saying a deadline passed; -1 µs when either is missing.
microseconds until_deadline(const ScenarioResult& result, const std::string& client,
                            const std::string& from) {
  std::optional<std::int64_t> started;
  for (const auto& line : result.transcript) {
    if (line.client != client) continue;
    if (!started && line.bytes.starts_with(from)) started = line.micros;
    if (started && line.direction == "meta" && line.bytes.find("deadline passed") != std::string::npos) {
      return microseconds(line.micros - *started);
    }
  }
  return microseconds(-1);
}

// `from_connected`: measured from the "connected" event, which comes just after the deadline
// started (it bounds connecting too), so up to 2 % less is still the whole deadline.
void expect_deadline_kept(microseconds took, milliseconds limit, const ScenarioResult& result,
                          bool from_connected = false) {
  EXPECT_GE(took, from_connected ? limit * 98 / 100 : limit) << dump(result);
  EXPECT_LE(took, limit * 11 / 10) << dump(result);
}

std::size_t transcript_bytes(const ScenarioResult& result) {
  std::size_t total = 0;
  for (const auto& line : result.transcript) total += line.bytes.size();
  return total;
}

TEST(MisbehavingServers, NoGreeting) {
  FakeServer server({Script{"SILENCE"}});
  ScenarioResult result = run_one(fake_profile(server.port()), one_noop("no-greeting"), deadline);
  server.finish();
  EXPECT_EQ(result.outcome, Outcome::error) << dump(result);
  EXPECT_NE(result.reason.find("no greeting from 127.0.0.1:"), std::string::npos) << result.reason;
  expect_deadline_kept(until_deadline(result, "C1", "connected to"), deadline, result, true);
  EXPECT_LE(result.duration, deadline * 11 / 10);
}

TEST(MisbehavingServers, GreetingThenSilence) {
  FakeServer server({Script{"S: * OK fake ready", "SILENCE"}});
  ScenarioResult result = run_one(fake_profile(server.port()), one_noop("silence"), deadline);
  server.finish();
  EXPECT_EQ(result.outcome, Outcome::error) << dump(result);
  EXPECT_NE(result.reason.find("login as alice failed"), std::string::npos) << result.reason;
  expect_deadline_kept(until_deadline(result, "C1", "A1 LOGIN"), deadline, result);
  // The timed-out client is closed, not asked to LOGOUT (which would wait once more).
  EXPECT_LE(result.duration, deadline * 11 / 10);
}

TEST(MisbehavingServers, HugeLiteralDrippedIsRefusedAndTheDeadlineHolds) {
  FakeServer server({alice({"C: A2 NOOP", "DRIP 5 * 1 FETCH (BODY[] {4294967295}\r\n"})});
  ScenarioResult result = run_one(fake_profile(server.port()), one_noop("huge-literal"), deadline);
  server.finish();
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  const CheckResult* syntax = find_check(result, "rfc3501-9-response-syntax");
  ASSERT_NE(syntax, nullptr) << dump(result);
  EXPECT_NE(syntax->observed.find("{4294967295}"), std::string::npos) << syntax->observed;
  expect_deadline_kept(until_deadline(result, "C1", "A2 NOOP"), deadline, result);
}

TEST(MisbehavingServers, OneHundredTwentyEightMebibytesWithoutCrlf) {
  FakeServer server({alice({"C: A2 NOOP", "FILL 134217728 a", "SILENCE"})});
  ScenarioResult result = run_one(fake_profile(server.port()), one_noop("no-crlf"), deadline);
  server.finish();
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  const CheckResult* syntax = find_check(result, "rfc3501-9-response-syntax");
  ASSERT_NE(syntax, nullptr);
  EXPECT_EQ(syntax->outcome, Outcome::fail);
  expect_deadline_kept(until_deadline(result, "C1", "A2 NOOP"), deadline, result);
  // What is kept is bounded by the parser's line limit, not by what the server sent.
  EXPECT_LT(transcript_bytes(result), 4u * 1024 * 1024);
#ifndef __SANITIZE_ADDRESS__  // ASan's quarantine keeps freed memory resident on purpose
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  EXPECT_LT(usage.ru_maxrss, 64 * 1024) << "KiB at peak, for 128 MiB received";
#endif
}

TEST(MisbehavingServers, BinaryGarbage) {
  FakeServer server({alice({"C: A2 NOOP", "GARBAGE 1048576", "SILENCE"})});
  ScenarioResult result = run_one(fake_profile(server.port()), one_noop("garbage"), deadline);
  server.finish();
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  const CheckResult* syntax = find_check(result, "rfc3501-9-response-syntax");
  ASSERT_NE(syntax, nullptr);
  EXPECT_EQ(syntax->outcome, Outcome::fail);
  expect_deadline_kept(until_deadline(result, "C1", "A2 NOOP"), deadline, result);
  EXPECT_LT(transcript_bytes(result), 4u * 1024 * 1024);
}

TEST(MisbehavingServers, CloseInTheMiddleOfAResponse) {
  FakeServer server({alice({"C: A2 NOOP", "RAW * 1 FETCH (BODY[] {100}\r\nabc", "CLOSE"})});
  ScenarioResult result = run_one(fake_profile(server.port()), one_noop("close-mid"), deadline);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  const CheckResult* bye = find_check(result, "rfc3501-3.4-bye-before-close");
  ASSERT_NE(bye, nullptr) << dump(result);
  EXPECT_NE(bye->observed.find("closed by peer inside a response"), std::string::npos)
      << bye->observed;
  bool partial_kept = false;  // what came before the close is in the transcript
  for (const auto& line : result.transcript) partial_kept |= line.bytes.ends_with("{100}\r\nabc");
  EXPECT_TRUE(partial_kept) << dump(result);
  EXPECT_LT(result.duration, deadline) << dump(result);  // a close ends the step at once
}

TEST(MisbehavingServers, OneByteEveryHalfSecond) {
  constexpr milliseconds longer{1200};  // two bytes arrive before it passes
  FakeServer server({alice({"C: A2 NOOP", "DRIP 500 * OK still working on it\r\n"})});
  ScenarioResult result = run_one(fake_profile(server.port()), one_noop("drip"), longer);
  server.finish();
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  expect_deadline_kept(until_deadline(result, "C1", "A2 NOOP"), longer, result);
  EXPECT_LE(result.duration, longer * 11 / 10);
}

TEST(MisbehavingServers, AMillionUntaggedResponsesAreCappedAndCounted) {
  FakeServer server({alice({"C: A2 NOOP", "FLOOD 1000000 * 1 EXISTS", "S: A2 OK done"})});
  ScenarioResult result =
      run_one(fake_profile(server.port()), one_noop("flood"), milliseconds(20000));
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result).substr(0, 4000);
  std::size_t kept = 0;
  std::string left_out;
  for (const auto& line : result.transcript) {
    kept += line.bytes == "* 1 EXISTS\r\n";
    if (line.bytes.find("left out") != std::string::npos) left_out = line.bytes;
  }
  // The first 500, and the last 500 responses: 499 EXISTS and the tagged OK.
  EXPECT_EQ(kept, 999u);
  EXPECT_EQ(left_out, "999001 responses left out of the transcript (flood: the first 500 and "
                      "the last 500 are kept)");
  EXPECT_LT(result.transcript.size(), 1100u);
}

TEST(MisbehavingServers, AnEndlessFloodStillEndsAtTheDeadline) {
  FakeServer server({alice({"C: A2 NOOP", "FLOOD 4000000000 * 1 EXISTS"})});
  ScenarioResult result = run_one(fake_profile(server.port()), one_noop("endless"), deadline);
  server.finish();
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result).substr(0, 4000);
  expect_deadline_kept(until_deadline(result, "C1", "A2 NOOP"), deadline, result);
  EXPECT_LT(result.transcript.size(), 1100u);
}

TEST(MisbehavingServers, ByeInTheMiddleOfAScenario) {
  FakeServer server({alice({"C: A2 NOOP", "S: * BYE going away", "CLOSE"})});
  Scenario scenario = one_noop("bye-mid");
  scenario.steps.push_back(scenario.steps.front());  // a second NOOP after the BYE
  ScenarioResult result = run_one(fake_profile(server.port()), scenario, deadline);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  EXPECT_EQ(find_check(result, "rfc3501-3.4-bye-before-close"), nullptr) << dump(result);
  ASSERT_EQ(result.checks.size(), 2u) << dump(result);
  EXPECT_NE(result.checks[1].observed.find("the connection is closed"), std::string::npos)
      << result.checks[1].observed;
  EXPECT_LT(result.duration, deadline);
}

profile::Profile implicit_tls(std::uint16_t port) {
  profile::Profile profile = fake_profile(port);
  profile.servers[0].tls = profile::Tls::implicit;
  return profile;
}

TEST(MisbehavingServers, TlsHandshakeFailure) {
  FakeServer server({Script{"S: * OK this is not TLS", "SILENCE"}});
  ScenarioResult result = run_one(implicit_tls(server.port()), one_noop("tls-plain"), deadline);
  server.finish();
  EXPECT_EQ(result.outcome, Outcome::error) << dump(result);
  EXPECT_NE(result.reason.find("TLS"), std::string::npos) << result.reason;
  // The OpenSSL reason, not only "TLS failed": what a vendor needs to fix the set-up.
  EXPECT_NE(result.reason.find("wrong version number"), std::string::npos) << result.reason;
  EXPECT_LT(result.duration, deadline);
}

TEST(MisbehavingServers, TlsHandshakeNeverAnswered) {
  FakeServer server({Script{"SILENCE"}});
  ScenarioResult result = run_one(implicit_tls(server.port()), one_noop("tls-silent"), deadline);
  server.finish();
  EXPECT_EQ(result.outcome, Outcome::error) << dump(result);
  expect_deadline_kept(until_deadline(result, "C1", "connected to"), deadline, result, true);
}

std::string port_of(const FakeServer& server) { return std::to_string(server.port()); }

Scenario bob_follows(unsigned max_hops) {
  Scenario scenario = scenario_with_c1("login-referral-chain");
  scenario.clients[0].user_role = "homed-elsewhere";
  scenario.steps.push_back(FollowReferralStep{.client = "C1", .as = "C1R", .max_hops = max_hops,
                                              .requirement = {"rfc2221-4.1-login-referral"}});
  return scenario;
}

TEST(MisbehavingServers, ReferralLoopBetweenTwoServers) {
  FakeServer alpha({}), beta({});
  std::string to_alpha = "imap://bob;AUTH=*@127.0.0.1:" + port_of(alpha) + "/";
  std::string to_beta = "imap://bob;AUTH=*@127.0.0.1:" + port_of(beta) + "/";
  alpha.set_scripts({{"S: * OK fake ready", "C: A1 LOGIN bob bob-pw",
                      "S: A1 NO [REFERRAL " + to_beta + "] go to beta"},
                     {"S: * BYE [REFERRAL " + to_beta + "] back to beta", "CLOSE"}});
  beta.set_scripts({{"S: * BYE [REFERRAL " + to_alpha + "] back to alpha", "CLOSE"}});
  ScenarioResult result =
      run_one(fake_profile(alpha.port(), beta.port()), bob_follows(10), deadline);
  EXPECT_TRUE(alpha.finish().empty());
  EXPECT_TRUE(beta.finish().empty());
  const CheckResult* loop = find_check(result, "rfc2193-3-no-referral-loop");
  ASSERT_NE(loop, nullptr) << dump(result);
  EXPECT_EQ(loop->outcome, Outcome::fail);
  EXPECT_EQ(loop->observed, to_beta + " was already followed in this chain");
  EXPECT_LT(result.duration, deadline);
}

// Twelve servers, each greeting the next hop's client with a BYE referral to the one after.
TEST(MisbehavingServers, ChainOfElevenReferrals) {
  std::vector<std::unique_ptr<FakeServer>> servers;
  for (int i = 0; i < 12; ++i) servers.push_back(std::make_unique<FakeServer>(std::vector<Script>{}));
  servers.back()->set_scripts({Script{"SILENCE"}});
  profile::Profile profile = fake_profile(servers[0]->port(), servers[1]->port());
  for (std::size_t i = 2; i < servers.size(); ++i) {
    profile.servers.push_back({.id = "hop" + std::to_string(i), .roles = {"spare"},
                               .host = "127.0.0.1", .port = servers[i]->port()});
  }
  auto url_of = [&](std::size_t i) { return "imap://bob;AUTH=*@127.0.0.1:" + port_of(*servers[i]) + "/"; };
  servers[0]->set_scripts({{"S: * OK fake ready", "C: A1 LOGIN bob bob-pw",
                            "S: A1 NO [REFERRAL " + url_of(1) + "] next"}});
  for (std::size_t i = 1; i + 1 < servers.size(); ++i) {
    servers[i]->set_scripts({{"S: * BYE [REFERRAL " + url_of(i + 1) + "] next", "CLOSE"}});
  }
  ScenarioResult result = run_one(profile, bob_follows(10), deadline);
  for (std::size_t i = 0; i + 1 < servers.size(); ++i) EXPECT_TRUE(servers[i]->finish().empty()) << i;
  EXPECT_FALSE(servers.back()->finish().empty());  // hop 11 is never contacted
  const CheckResult* hops = find_check(result, "rfc2221-3-client-max-10-hops");
  ASSERT_NE(hops, nullptr) << dump(result);
  EXPECT_EQ(hops->outcome, Outcome::fail);
  EXPECT_NE(hops->observed.find("hop 11 to " + url_of(11)), std::string::npos) << hops->observed;
  EXPECT_LT(result.duration, deadline);
}

// One deadline bounds the whole chain, not each hop: a slow hop leaves the next less time.
TEST(MisbehavingServers, ReferralChainSharesOneDeadline) {
  FakeServer alpha({}), beta({}), gamma({Script{"SILENCE"}});
  profile::Profile profile = fake_profile(alpha.port(), beta.port());
  profile.servers.push_back({.id = "gamma", .roles = {"spare"}, .host = "127.0.0.1",
                             .port = gamma.port()});
  alpha.set_scripts({{"S: * OK fake ready", "C: A1 LOGIN bob bob-pw",
                      "S: A1 NO [REFERRAL imap://bob;AUTH=*@127.0.0.1:" + port_of(beta) + "/] b"}});
  beta.set_scripts({{"PAUSE 300", "S: * BYE [REFERRAL imap://bob;AUTH=*@127.0.0.1:" +
                                      port_of(gamma) + "/] g", "CLOSE"}});
  ScenarioResult result = run_one(profile, bob_follows(10), deadline);
  alpha.finish();
  beta.finish();
  gamma.finish();
  EXPECT_EQ(result.outcome, Outcome::error) << dump(result);
  std::int64_t referred = -1, expired = -1;
  for (const auto& line : result.transcript) {
    if (referred < 0 && line.bytes.starts_with("A1 NO [REFERRAL")) referred = line.micros;
    if (line.bytes.find("deadline passed") != std::string::npos) expired = line.micros;
  }
  ASSERT_GE(referred, 0);
  expect_deadline_kept(microseconds(expired - referred), deadline, result);
}

TEST(MisbehavingServers, ReferralToAHostOutsideTheProfile) {
  FakeServer alpha({alice({"C: A2 SELECT remote/projects",
                           "S: A2 NO [REFERRAL imap://alice;AUTH=*@catcher.invalid/remote] x"})});
  Scenario scenario = scenario_with_c1("outside");
  scenario.steps.push_back(command("C1", "SELECT remote/projects"));
  scenario.steps.push_back(FollowReferralStep{.client = "C1", .as = "C1R",
                                              .requirement = {"rfc2193-4.1-mailbox-referral"}});
  ScenarioResult result = run_one(fake_profile(alpha.port()), scenario, deadline);
  EXPECT_TRUE(alpha.finish().empty());
  const CheckResult* check = find_check(result, "rfc2221-6-password-catching");
  ASSERT_NE(check, nullptr) << dump(result);
  EXPECT_EQ(check->outcome, Outcome::fail);
  for (const auto& line : result.transcript) EXPECT_NE(line.client, "C1R");
  EXPECT_LT(result.duration, deadline);
}

}  // namespace
}  // namespace referee::engine::test
