// Engine tests against the scripted fake server: one test per semantic of the scenario
// language (commands, untagged presence, awaits, fences, barriers, concurrent, hold/resume,
// captures, gating, redaction). Isolation: isolation_test.cpp.
#include "harness/engine/run/step_executor.hpp"

#include <gtest/gtest.h>

#include "harness/engine/test/engine_test_support.hpp"
#include "harness/engine/test/fake_server.hpp"

namespace referee::engine::test {
namespace {

const Script login = {"S: * OK [CAPABILITY IMAP4rev1 LITERAL+] fake ready",
                      "C: A1 LOGIN alice alice-pw", "S: A1 OK logged in"};

Script with_login(std::vector<std::string> lines) {
  Script script = login;
  script.insert(script.end(), lines.begin(), lines.end());
  return script;
}

TEST(StepExecutor, CommandWithTaggedAndUntaggedExpectationsPasses) {
  FakeServer server({with_login({"C: A2 SELECT INBOX", "S: * 3 EXISTS", "S: * 0 RECENT",
                                 "S: A2 OK [READ-WRITE] selected"})});
  Scenario scenario = scenario_with_c1("select");
  CommandStep select = command("C1", "SELECT INBOX");
  expect_tagged(select, {"OK"}, "rfc3501-5.2-size-updates");
  select.expect.untagged.push_back(untagged(Presence::must, "EXISTS", "rfc3501-5.2-size-updates", "3"));
  scenario.steps.push_back(select);
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
  ASSERT_EQ(result.checks.size(), 2u) << dump(result);
  EXPECT_EQ(result.checks[0].observed, "* 3 EXISTS");
  EXPECT_EQ(result.checks[1].observed, "A2 OK [READ-WRITE] selected");
  ASSERT_TRUE(result.checks[0].transcript_event.has_value());
  EXPECT_EQ(result.transcript.at(*result.checks[0].transcript_event).bytes, "* 3 EXISTS\r\n");
}

// The same expectations when the server's bytes arrive one at a time, literals included.
TEST(StepExecutor, ResponsesSplitAtEveryByteAreJudgedTheSame) {
  FakeServer server({{"SPLIT", "S: * OK fake ready", "C: A1 LOGIN alice alice-pw", "S: A1 OK",
                      "C: A2 FETCH 1 (BODY[])", "S: * 1 FETCH (BODY[] {5}", "S: hello)",
                      "S: * 3 EXISTS", "S: A2 OK done"}});
  Scenario scenario = scenario_with_c1("split");
  CommandStep fetch = command("C1", "FETCH 1 (BODY[])");
  expect_tagged(fetch, {"OK"}, "rfc3501-5.2-size-updates");
  UntaggedPattern body = untagged(Presence::must, "FETCH", "rfc3501-5.2-size-updates", "1");
  body.fields.push_back(FieldPattern{.name = "BODY[]", .equals = "hello"});
  fetch.expect.untagged.push_back(body);
  fetch.expect.untagged.push_back(untagged(Presence::must, "EXISTS", "rfc3501-5.2-size-updates", "3"));
  scenario.steps.push_back(fetch);
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
  ASSERT_EQ(result.checks.size(), 3u);
  EXPECT_EQ(result.checks[0].observed, "* 1 FETCH (BODY[] {5}\r\nhello)");
}

TEST(StepExecutor, AuthenticatePlainSendsARedactedClientResponse) {
  // base64("\0alice\0alice-pw")
  FakeServer server({{"S: * OK ready", "C: A1 AUTHENTICATE PLAIN", "S: + ",
                      "C: AGFsaWNlAGFsaWNlLXB3", "S: A1 OK authenticated", "C: A2 NOOP", "S: A2 OK"}});
  Scenario scenario = scenario_with_c1("authenticate");
  scenario.clients[0].login = LoginMethod::authenticate_plain;
  CommandStep noop = command("C1", "NOOP");
  expect_tagged(noop, {"OK"}, "rfc3501-5.2-size-updates");
  scenario.steps.push_back(noop);
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
  for (const auto& line : result.transcript) {
    EXPECT_EQ(line.bytes.find("AGFsaWNl"), std::string::npos) << line.bytes;
  }
}

TEST(StepExecutor, GroupsExpandToNumberedClients) {
  FakeServer server({with_login({"C: A2 NOOP", "S: A2 OK"}), with_login({"C: A2 NOOP", "S: A2 OK"})});
  Scenario scenario = scenario_with_c1("group");
  scenario.clients[0] = client("L");
  scenario.clients[0].group_count = 2;
  for (const char* id : {"L1", "L2"}) {
    CommandStep noop = command(id, "NOOP");
    expect_tagged(noop, {"OK"}, "rfc3501-5.2-size-updates");
    scenario.steps.push_back(noop);
  }
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
  ASSERT_EQ(result.checks.size(), 2u);
  EXPECT_EQ(result.checks[1].client, "L2");
}

Scenario two_clients(std::string name) {
  Scenario scenario = scenario_with_c1(std::move(name));
  scenario.clients.push_back(client("C2"));
  return scenario;
}

// "all are sent, in order, before any response is awaited": C1's answer waits for C2's
// command to arrive, so awaiting C1 first would time out.
TEST(StepExecutor, ConcurrentSendsEveryCommandBeforeAwaiting) {
  FakeServer server({with_login({"C: A2 NOOP", "WAIT c2-sent", "S: A2 OK one"}),
                     with_login({"C: A2 NOOP", "SIGNAL c2-sent", "S: A2 OK two"})});
  Scenario scenario = two_clients("concurrent");
  auto concurrent = std::make_shared<ConcurrentStep>();
  for (const char* id : {"C1", "C2"}) {
    CommandStep noop = command(id, "NOOP");
    expect_tagged(noop, {"OK"}, "rfc3501-5.2-size-updates");
    concurrent->commands.push_back(noop);
  }
  scenario.steps.push_back(concurrent);
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
  ASSERT_EQ(result.checks.size(), 2u);
  EXPECT_EQ(result.checks[0].client, "C1");
  EXPECT_EQ(result.checks[1].client, "C2");
}

// "a SEARCH, but none naming 4": the must-not sees the SEARCH response the must took (a
// server listing an expunged message was once reported as leaving it out).
TEST(StepExecutor, MustNotSeesTheResponseAMustTook) {
  for (const std::string& answer : {std::string("S: * SEARCH 1 2 3"), std::string("S: * SEARCH 1 2 3 4")}) {
    FakeServer server({alice({"C: A2 SEARCH ALL", answer, "S: A2 OK searched"})});
    Scenario scenario = scenario_with_c1("must-not-after-must");
    CommandStep search = command("C1", "SEARCH ALL");
    search.expect.untagged.push_back(untagged(Presence::must, "SEARCH", "rfc3501-5.2-size-updates", std::nullopt));
    UntaggedPattern no_four = untagged(Presence::must_not, "SEARCH", "rfc3501-5.2-size-updates", std::nullopt);
    no_four.match = R"(^\* SEARCH.* 4\b)";
    search.expect.untagged.push_back(no_four);
    scenario.steps.push_back(search);
    ScenarioResult result = run_one(fake_profile(server.port()), scenario);
    EXPECT_TRUE(server.finish().empty());
    const bool lists_four = answer.ends_with(" 4");
    EXPECT_EQ(result.outcome, lists_four ? Outcome::fail : Outcome::pass) << answer << "\n" << dump(result);
  }
}

std::shared_ptr<ConcurrentStep> pipeline_of_c1(const std::vector<std::pair<std::string, std::string>>& commands) {
  auto pipeline = std::make_shared<ConcurrentStep>();
  pipeline->completion_as_sent = true;
  pipeline->requirement = {"rfc3501-5.5-order-on-ambiguity"};
  for (const auto& [text, exists] : commands) {
    CommandStep step = command("C1", text);
    expect_tagged(step, {"OK"}, "rfc3501-5.5-order-on-ambiguity");
    step.expect.untagged.push_back(untagged(Presence::must, "EXISTS", "rfc3501-5.5-order-on-ambiguity", exists));
    pipeline->commands.push_back(step);
  }
  return pipeline;
}

// Pipelining (RFC 3501 §5.5): the fake server reads every command before it answers, so an
// engine that waited for A2's answer before sending A3 would time out. Each command gets the
// untagged responses between the previous tagged response and its own.
TEST(StepExecutor, PipelinedCommandsAreWrittenBeforeAnyAnswerAndJudgedEach) {
  FakeServer server({alice({"C: A2 CHECK", "C: A3 NOOP", "S: * 1 EXISTS", "S: A2 OK checked",
                            "S: * 2 EXISTS", "S: A3 OK noop"})});
  Scenario scenario = scenario_with_c1("pipeline");
  scenario.steps.push_back(pipeline_of_c1({{"CHECK", "1"}, {"NOOP", "2"}}));
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
  ASSERT_EQ(result.checks.size(), 5u) << dump(result);
  EXPECT_EQ(result.checks[0].observed, "* 1 EXISTS");
  EXPECT_EQ(result.checks[1].observed, "A2 OK checked");
  EXPECT_EQ(result.checks[2].observed, "* 2 EXISTS");
  EXPECT_EQ(result.checks[4].requirement, "rfc3501-5.5-order-on-ambiguity");
  EXPECT_EQ(result.checks[4].outcome, Outcome::pass);
}

// "it MUST execute commands to completion in the order given by the client": A3 completing
// before A2 fails the block's requirement; the responses still go to the command they came
// before.
TEST(StepExecutor, PipelinedCommandsCompletedOutOfOrderFail) {
  FakeServer server({alice({"C: A2 CHECK", "C: A3 NOOP", "S: * 2 EXISTS", "S: A3 OK noop",
                            "S: * 3 EXISTS", "S: A2 OK checked"})});
  Scenario scenario = scenario_with_c1("pipeline-reversed");
  scenario.steps.push_back(pipeline_of_c1({{"CHECK", "3"}, {"NOOP", "2"}}));
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  ASSERT_EQ(result.checks.size(), 5u) << dump(result);
  EXPECT_EQ(result.checks[0].outcome, Outcome::pass) << "* 3 EXISTS came just before A2's tagged response";
  EXPECT_EQ(result.checks[4].outcome, Outcome::fail);
  EXPECT_EQ(result.checks[4].observed, "tagged responses came in the order A3 NOOP, A2 CHECK");
}

// A held synchronizing literal stops after "+"; C2 acts; <resume> sends the rest.
TEST(StepExecutor, HeldLiteralLetsAnotherClientActBeforeResume) {
  FakeServer server({with_login({"C: A2 APPEND box {5}", "S: + go", "C: hello",
                                 "S: A2 OK appended"}),
                     with_login({"C: A2 NOOP", "S: A2 OK"})});
  Scenario scenario = two_clients("hold");
  CommandStep append{.client = "C1",
                     .send = {std::string("APPEND box "), LiteralPart{.bytes = "hello", .hold = true}}};
  scenario.steps.push_back(append);
  CommandStep noop = command("C2", "NOOP");
  expect_tagged(noop, {"OK"}, "rfc3501-5.2-size-updates");
  scenario.steps.push_back(noop);
  ResumeStep resume{.client = "C1"};
  resume.expect.tagged = TaggedPattern{.statuses = {"OK"}, .requirement = {"rfc3501-5.2-size-updates"}};
  scenario.steps.push_back(resume);
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
  ASSERT_EQ(result.checks.size(), 2u);
  EXPECT_EQ(result.checks[1].observed, "A2 OK appended");
}

TEST(StepExecutor, NonSynchronizingLiteralIsSentAtOnceAndBareLfBecomesCrlf) {
  FakeServer server({with_login({"C: A2 APPEND box {4+}", "C: a", "C: b", "S: A2 OK"})});
  Scenario scenario = scenario_with_c1("literal-plus");
  CommandStep append{.client = "C1", .send = {std::string("APPEND box "),
                                              LiteralPart{.bytes = "a\nb", .synchronizing = false}}};
  expect_tagged(append, {"OK"}, "rfc3501-5.2-size-updates");
  scenario.steps.push_back(append);
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
}

TEST(StepExecutor, CapturedValuesAreSubstitutedLater) {
  FakeServer server({with_login({"C: A2 SELECT INBOX", "S: * OK [UIDVALIDITY 42] ok",
                                 "S: A2 OK selected", "C: A3 UID FETCH 42 (FLAGS)", "S: A3 OK"})});
  Scenario scenario = scenario_with_c1("capture");
  CommandStep select = command("C1", "SELECT INBOX");
  UntaggedPattern validity = untagged(Presence::may, "OK", "");
  validity.code = "UIDVALIDITY";
  validity.match = "UIDVALIDITY (\\d+)";
  validity.capture = "validity";
  validity.capture_group = 1;
  select.expect.untagged.push_back(validity);
  scenario.steps.push_back(select);
  CommandStep fetch = command("C1", "UID FETCH ${validity} (FLAGS)");
  expect_tagged(fetch, {"OK"}, "rfc3501-5.2-size-updates");
  scenario.steps.push_back(fetch);
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::pass) << dump(result);
}

TEST(StepExecutor, UndefinedVariableIsAScenarioErrorNamingIt) {
  FakeServer server({login});
  Scenario scenario = scenario_with_c1("undefined");
  scenario.steps.push_back(command("C1", "SELECT ${mailbox.nowhere}"));
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::error);
  EXPECT_EQ(result.reason, "undefined variable ${mailbox.nowhere}");
}

TEST(StepExecutor, OrderedUntaggedMustArriveInOrder) {
  FakeServer server({with_login({"C: A2 NOOP", "S: * 4 EXISTS", "S: * 1 RECENT", "S: A2 OK"})});
  Scenario scenario = scenario_with_c1("ordered");
  CommandStep noop = command("C1", "NOOP");
  noop.expect.ordered = true;
  noop.expect.untagged.push_back(untagged(Presence::must, "RECENT", "rfc3501-5.2-size-updates"));
  noop.expect.untagged.push_back(untagged(Presence::must, "EXISTS", "rfc3501-5.2-size-updates"));
  scenario.steps.push_back(noop);
  ScenarioResult result = run_one(fake_profile(server.port()), scenario);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::fail) << dump(result);
  EXPECT_EQ(result.checks[1].outcome, Outcome::fail);
}

TEST(StepExecutor, GatingMakesTheScenarioNotApplicableWithTheReason) {
  Scenario destructive = scenario_with_c1("destructive");
  destructive.destructive = true;
  profile::Profile profile = fake_profile(1);
  profile.destructive_allowed = false;
  ScenarioResult result = run_one(profile, destructive);
  EXPECT_EQ(result.outcome, Outcome::not_applicable);
  EXPECT_EQ(result.reason, "destructive scenario, and profile fake does not allow them");

  Scenario role = scenario_with_c1("role");
  role.roles.push_back(RoleRequirement{RoleKind::user, "reads-public-here", {}});
  result = run_one(profile, role);
  EXPECT_EQ(result.outcome, Outcome::not_applicable);
  EXPECT_EQ(result.reason, "profile fake has no user playing role \"reads-public-here\"");

  FakeServer server({{"S: * OK [CAPABILITY IMAP4rev1] ready"}});
  Scenario capability = scenario_with_c1("capability");
  capability.capabilities.push_back(CapabilityRequirement{.name = "MAILBOX-REFERRALS", .client = "C1"});
  result = run_one(fake_profile(server.port()), capability);
  EXPECT_TRUE(server.finish().empty());
  EXPECT_EQ(result.outcome, Outcome::not_applicable) << dump(result);
  EXPECT_EQ(result.reason, "server alpha does not announce MAILBOX-REFERRALS before login");
}

TEST(StepExecutor, PasswordsAreRedactedUnlessAskedNotTo) {
  for (bool redact : {true, false}) {
    FakeServer server({with_login({"C: A2 LOGIN alice alice-pw", "S: A2 NO already"})});
    Scenario scenario = scenario_with_c1("redact");
    scenario.steps.push_back(command("C1", "LOGIN ${user.local.login} ${user.local.password}"));
    RunOptions options{.default_timeout = std::chrono::milliseconds(2000), .redact = redact};
    RunResult run = run_scenarios(fake_profile(server.port()), {scenario}, test_catalogue(), options);
    EXPECT_TRUE(server.finish().empty());
    std::string sent;
    for (const auto& line : run.scenarios.at(0).transcript) {
      if (line.direction == "send") sent += line.bytes;
    }
    EXPECT_EQ(sent.find("alice-pw") == std::string::npos, redact) << sent;
    EXPECT_EQ(sent.find("A2 LOGIN alice ***") != std::string::npos, redact) << sent;
  }
}

}  // namespace
}  // namespace referee::engine::test
