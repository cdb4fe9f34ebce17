#include "reports/test/sample_run.hpp"

#include <regex>

namespace referee::reports::testing {
namespace {

using namespace std::string_literals;
using engine::Outcome;

engine::CheckResult check(std::string requirement, std::string section, scenario::Level level,
                          Outcome outcome, std::optional<std::size_t> event) {
  return {.requirement = std::move(requirement), .rfc = "2193", .section = std::move(section),
          .level = level, .outcome = outcome, .summary = "tagged response to SELECT",
          .expected = "NO [REFERRAL imap://…/remote/projects]", .observed = "a3 OK [READ-WRITE] done",
          .client = "C1", .step = {"scenarios/rfc2193/4.1/select-remote-mailbox.xml", 21, 5},
          .transcript_event = event};
}

engine::ScenarioResult failing() {
  engine::ScenarioResult s{.id = "rfc2193/4.1/select-remote-mailbox", .title = "SELECT of a remote mailbox",
                           .rfc = "2193", .section = "4.1", .file = "scenarios/rfc2193/4.1/select-remote-mailbox.xml"};
  s.quotes = {"RFC 2193 §4.1: the server MUST return a referral"};
  s.outcome = Outcome::fail;
  s.duration = std::chrono::microseconds(12345);
  s.checks = {check("rfc2193-4.1-select-referral", "4.1", scenario::Level::must, Outcome::fail, 3),
              check("rfc3501-7.4.1-no-expunge", "7.4.1", scenario::Level::must_not, Outcome::pass, std::nullopt)};
  s.checks[1].rfc = "3501";
  s.transcript = {{100, "C1", "alpha", "meta", "connected to 127.0.0.1:40123"},
                  {150, "C1", "alpha", "recv", "* OK [CAPABILITY IMAP4rev1 MAILBOX-REFERRALS] ready\r\n"},
                  {220, "C2", "alpha", "send", "b1 LOGIN bob ***\r\n"},
                  {300, "C1", "alpha", "recv", "a3 OK [READ-WRITE] done ]]> \x01\x00\xff\r\n"s},
                  {350, "C1R", "beta", "send", "r1 APPEND x {5}\r\nhe\r\nl\r\n"},
                  {400, "teardown", "alpha", "send", "t1 DELETE referee-20261123T1412-8f3a\r\n"}};
  return s;
}

engine::ScenarioResult simple(std::string id, std::string rfc, std::string section, Outcome outcome) {
  engine::ScenarioResult s{.id = std::move(id), .title = "a sample scenario",
                           .rfc = std::move(rfc), .section = std::move(section), .file = "scenarios/x.xml"};
  s.outcome = outcome;
  s.duration = std::chrono::microseconds(1500);
  return s;
}

}  // namespace

engine::RunResult sample_run() {
  engine::RunResult run;
  run.suite_version = "0.1.0";
  run.target = "reference servers (fixtures/targets/reference.xml)";
  run.started_at = "2026-11-23T14:12:00";
  run.duration = std::chrono::microseconds(1234567);
  run.command_line = {"referee", "run", "--fixture-fault", "referral-loop"};
  run.run_id = "20261123T1412-8f3a";
  run.servers = {{"alpha", "127.0.0.1:40123", "* OK [CAPABILITY IMAP4rev1 MAILBOX-REFERRALS] alpha ready",
                  {"IMAP4rev1", "MAILBOX-REFERRALS"}, {"IMAP4rev1", "MAILBOX-REFERRALS", "NAMESPACE"}}};
  run.launch_output = {"launch stdout: READY alpha=127.0.0.1:40123"};
  run.requirements = {{"rfc2193-4.1-select-referral", "2193", "4.1", scenario::Level::must,
                       "the server MUST return a referral"},
                      {"rfc3501-7.4.1-no-expunge", "3501", "7.4.1", scenario::Level::must_not,
                       "An EXPUNGE response MUST NOT be sent when no command is in progress"}};
  auto warned = simple("rfc2180/4.1.3/fetch-only-expunged", "2180", "4.1.3", Outcome::warn);
  warned.checks = {check("rfc2180-4.1.3-fetch-no", "4.1.3", scenario::Level::should, Outcome::warn, std::nullopt)};
  warned.checks[0].rfc = "2180";
  auto informed = simple("rfc2180/3/delete-selected-mailbox", "2180", "3", Outcome::info);
  informed.strategies = {{"delete-selected", "ghost", "3.2", "DELETE allowed, other sessions keep access"}};
  auto skipped = simple("rfc2221/4.1/login-referral", "2221", "4.1", Outcome::not_applicable);
  skipped.reason = "the profile has no server with role \"remote\"";
  auto broken = simple("rfc2221/3/bye-greeting", "2221", "3", Outcome::error);
  broken.reason = "step timed out before the server answered";
  run.scenarios = {simple("rfc2180/4.2.1/store-expunged", "2180", "4.2.1", Outcome::pass), informed, warned,
                   failing(), skipped, broken};
  return run;
}

std::string normalise_volatile(std::string text) {
  static const std::regex ports(R"((127\.0\.0\.1|\[::1\]):[0-9]+)");
  static const std::regex hostname(R"re(hostname="[^"]*")re");
  static const std::regex times(R"re(time="[0-9.]+")re");
  static const std::regex stamps(R"re("(started_at|timestamp)":\s*"[^"]*")re");
  static const std::regex durations(R"re("(duration_us|us)":\s*[0-9]+)re");
  static const std::regex run_ids(R"([0-9]{8}[Tt][0-9]{4}-[0-9a-f]{4})");
  text = std::regex_replace(text, ports, "$1:PORT");
  text = std::regex_replace(text, hostname, "hostname=\"HOST\"");
  text = std::regex_replace(text, times, "time=\"T\"");
  text = std::regex_replace(text, stamps, "\"$1\": \"TIME\"");
  text = std::regex_replace(text, durations, "\"$1\": 0");
  return std::regex_replace(text, run_ids, "RUNID");
}

}  // namespace referee::reports::testing
