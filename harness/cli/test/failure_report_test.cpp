#include "harness/cli/failure_report.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace referee::cli {
namespace {

using engine::Outcome;
using ::testing::HasSubstr;
using ::testing::Not;

scenario::RequirementCatalogue catalogue() {
  scenario::Requirement requirement;
  requirement.id = "rfc2193-3-referral-is-tagged-no";
  requirement.rfc = "2193";
  requirement.section = "3";
  requirement.text = "A referral response consists of a tagged NO response and a REFERRAL response code.";
  return {{requirement.id, requirement}};
}

engine::CheckResult check(Outcome outcome, std::string client, std::string requirement) {
  engine::CheckResult result;
  result.requirement = std::move(requirement);
  result.rfc = "2193";
  result.section = "3";
  result.outcome = outcome;
  result.expected = "NO [REFERRAL imap://...]";
  result.observed = "a2 OK SELECT completed";
  result.client = std::move(client);
  result.step = {"scenarios/rfc2193/4.1/select-remote-mailbox.xml", 21, 5};
  return result;
}

engine::ScenarioResult failed_scenario() {
  engine::ScenarioResult scenario;
  scenario.id = "rfc2193/4.1/select-remote-mailbox";
  scenario.title = "SELECT of a remote mailbox is referred";
  scenario.outcome = Outcome::fail;
  scenario.checks = {check(Outcome::pass, "C1", "other-requirement"),
                     check(Outcome::fail, "C2", "rfc2193-3-referral-is-tagged-no"),
                     check(Outcome::warn, "C3", "a-should")};
  scenario.transcript = {{1, "C1", "alpha", "send", "a1 LOGIN alice ***\r\n"},
                         {2, "C2", "alpha", "send", "a2 SELECT remote/projects\r\n"},
                         {3, "C2", "alpha", "recv", "a2 OK SELECT completed\r\n"},
                         {4, "C3", "beta", "recv", "* OK\r\n"}};
  return scenario;
}

TEST(FailureReport, NamesScenarioRequirementSentenceExpectedObservedAndWhere) {
  auto text = describe_failure(failed_scenario(), catalogue(), {});
  EXPECT_THAT(text, HasSubstr("FAIL  rfc2193/4.1/select-remote-mailbox: SELECT of a remote mailbox is referred"));
  EXPECT_THAT(text, HasSubstr("rfc2193-3-referral-is-tagged-no (RFC 2193 §3, MUST)"));
  EXPECT_THAT(text, HasSubstr("at scenarios/rfc2193/4.1/select-remote-mailbox.xml:21:5, client C2"));
  EXPECT_THAT(text, HasSubstr("\"A referral response consists of a tagged NO response"));
  EXPECT_THAT(text, HasSubstr("expected: NO [REFERRAL imap://...]"));
  EXPECT_THAT(text, HasSubstr("observed: a2 OK SELECT completed"));
}

TEST(FailureReport, ShowsTheLastLinesOfTheClientsInvolvedOnly) {
  auto text = describe_failure(failed_scenario(), catalogue(), {.transcript_lines = 1});
  EXPECT_THAT(text, HasSubstr("last lines of C2:\n    +0.000003 C2 alpha S: a2 OK SELECT completed\n"));
  EXPECT_THAT(text, Not(HasSubstr("a2 SELECT remote/projects")));  // only the last line
  EXPECT_THAT(text, Not(HasSubstr("last lines of C1")));          // its check passed
  EXPECT_THAT(text, Not(HasSubstr("last lines of C3")));          // a warning, not --strict
  EXPECT_THAT(text, Not(HasSubstr("a-should")));
}

TEST(FailureReport, StrictAddsWarningsAndTheirClients) {
  auto text = describe_failure(failed_scenario(), catalogue(), {.strict = true});
  EXPECT_THAT(text, HasSubstr("a-should"));
  EXPECT_THAT(text, HasSubstr("last lines of C3:"));
  EXPECT_EQ(clients_involved(failed_scenario(), true), (std::vector<std::string>{"C2", "C3"}));
}

TEST(FailureReport, ErrorWithoutChecksShowsTheReasonAndEveryClient) {
  auto scenario = failed_scenario();
  scenario.outcome = Outcome::error;
  scenario.checks.clear();
  scenario.reason = "C1: no greeting within 5000 ms";
  auto text = describe_failure(scenario, catalogue(), {});
  EXPECT_THAT(text, HasSubstr("ERROR rfc2193/4.1/select-remote-mailbox"));
  EXPECT_THAT(text, HasSubstr("  C1: no greeting within 5000 ms\n"));
  EXPECT_EQ(clients_involved(scenario, false), (std::vector<std::string>{"C1", "C2", "C3"}));
}

TEST(FailureReport, NothingForScenariosThatDoNotFail) {
  auto scenario = failed_scenario();
  scenario.outcome = Outcome::warn;
  EXPECT_EQ(describe_failure(scenario, catalogue(), {}), "");
  EXPECT_NE(describe_failure(scenario, catalogue(), {.strict = true}), "");
}

}  // namespace
}  // namespace referee::cli
