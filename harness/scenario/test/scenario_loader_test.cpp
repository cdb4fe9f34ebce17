#include "harness/scenario/scenario_loader.hpp"

#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

#include "harness/scenario/test/test_files.hpp"

namespace referee::scenario {
namespace {

using namespace std::chrono_literals;

const Scenario& every_element() {
  static const Scenario scenario = [] {
    auto loaded = load_scenario(test::data_dir() / "every-element.xml", test::catalogue());
    EXPECT_TRUE(loaded.diagnostics.empty()) << test::describe(loaded.diagnostics);
    return loaded ? *loaded.value : Scenario{};
  }();
  return scenario;
}

template <class T>
const T& step_at(const std::vector<Step>& steps, std::size_t index) {
  EXPECT_LT(index, steps.size());
  return std::get<T>(steps.at(index));
}

TEST(ScenarioLoader, ReadsTheHeader) {
  const Scenario& s = every_element();
  EXPECT_EQ(s.id, "rfc2193/4.1/every-element");
  EXPECT_EQ(s.title, "Every element");
  EXPECT_EQ(s.rfc, "2193");
  EXPECT_EQ(s.section, "4.1");
  EXPECT_TRUE(s.destructive);
  ASSERT_EQ(s.quotes.size(), 2u);
  EXPECT_EQ(s.quotes[1].rfc, "2221");
  EXPECT_EQ(s.quotes[1].section, "3");
  EXPECT_EQ(s.quotes[1].text, "A client MUST NOT follow more than 10 levels.");
  EXPECT_EQ(s.description, "Free text.");
  EXPECT_EQ(s.where.file, (test::data_dir() / "every-element.xml").string());
}

TEST(ScenarioLoader, ReadsRequirements) {
  const Scenario& s = every_element();
  ASSERT_EQ(s.capabilities.size(), 2u);
  EXPECT_EQ(s.capabilities[0].name, "MAILBOX-REFERRALS");
  EXPECT_EQ(s.capabilities[0].client, "C1");
  EXPECT_TRUE(s.capabilities[0].after_login);
  EXPECT_FALSE(s.capabilities[1].after_login);
  EXPECT_EQ(s.capabilities[1].where.line, 11u);
  ASSERT_EQ(s.roles.size(), 3u);
  EXPECT_EQ(s.roles[0].kind, RoleKind::user);
  EXPECT_EQ(s.roles[0].name, "homed-elsewhere");
  EXPECT_EQ(s.roles[1].kind, RoleKind::server);
  EXPECT_EQ(s.roles[2].kind, RoleKind::mailbox);
}

TEST(ScenarioLoader, ReadsClientsGroupsAndGreetings) {
  const Scenario& s = every_element();
  ASSERT_EQ(s.clients.size(), 4u);
  EXPECT_EQ(s.clients[0].login, LoginMethod::login);
  EXPECT_EQ(s.clients[0].tls, TlsChoice::profile);
  EXPECT_EQ(s.clients[1].user_role, "local2");
  EXPECT_EQ(s.clients[1].login, LoginMethod::authenticate_plain);
  EXPECT_EQ(s.clients[1].tls, TlsChoice::starttls);
  const ClientSpec& retired = s.clients[2];
  EXPECT_EQ(retired.server_role, "retired");
  EXPECT_FALSE(retired.user_role);
  EXPECT_EQ(retired.login, LoginMethod::none);
  EXPECT_EQ(retired.tls, TlsChoice::implicit);
  ASSERT_TRUE(retired.greeting);
  EXPECT_EQ(retired.greeting->statuses, std::vector<std::string>{"BYE"});
  EXPECT_EQ(retired.greeting->requirement.id, "rfc2221-4.2-bye-referral");
  ASSERT_TRUE(retired.greeting->referral);
  EXPECT_EQ(retired.greeting->referral->count, "1");
  ASSERT_EQ(retired.greeting->referral->urls.size(), 1u);
  EXPECT_EQ(retired.greeting->referral->urls[0].auth, "*");
  EXPECT_EQ(s.clients[3].id, "L");
  EXPECT_EQ(s.clients[3].group_count, 3u);
  EXPECT_EQ(s.clients[3].tls, TlsChoice::none);
  EXPECT_EQ(s.clients[3].where.line, 26u);
  EXPECT_EQ(s.clients[3].where.column, 5u);
}

TEST(ScenarioLoader, ReadsSetup) {
  const Scenario& s = every_element();
  ASSERT_TRUE(s.setup);
  EXPECT_EQ(s.setup->client, "C1");
  ASSERT_EQ(s.setup->mailboxes.size(), 2u);
  EXPECT_EQ(s.setup->mailboxes[0].name, "${test.mailbox}/box");
  EXPECT_EQ(s.setup->mailboxes[0].messages, 3u);
  EXPECT_EQ(s.setup->mailboxes[1].messages, 0u);
}

TEST(ScenarioLoader, ReadsACommandWithEveryExpectation) {
  const auto& command = step_at<CommandStep>(every_element().steps, 0);
  EXPECT_EQ(command.client, "C1");
  EXPECT_EQ(command.timeout, 2s);
  EXPECT_TRUE(command.expect.ordered);
  ASSERT_EQ(command.send.size(), 1u);
  EXPECT_EQ(std::get<std::string>(command.send[0]), "SELECT ${mailbox.remote}");
  const TaggedPattern& tagged = *command.expect.tagged;
  EXPECT_EQ(tagged.statuses, std::vector<std::string>{"NO"});
  EXPECT_EQ(tagged.requirement.id, "rfc2193-4.1-mailbox-referral");
  EXPECT_EQ(tagged.capture, "answer");
  EXPECT_EQ(tagged.capture_group, 1);
  EXPECT_EQ(tagged.code, "REFERRAL");
  EXPECT_EQ(tagged.text_match, "(Remote) mailbox");
  const ReferralPattern& referral = *tagged.referral;
  EXPECT_EQ(referral.count, "2+");
  EXPECT_EQ(referral.requirement.id, "rfc2193-3-valid-urls");
  ASSERT_EQ(referral.urls.size(), 2u);
  EXPECT_EQ(referral.urls[0].server, "other");
  EXPECT_EQ(referral.urls[0].user, "${user.local.login}");
  EXPECT_EQ(referral.urls[0].auth, "any");
  EXPECT_EQ(referral.urls[0].mailbox, "${mailbox.remote}");
  EXPECT_FALSE(referral.urls[0].role);
  EXPECT_FALSE(referral.urls[0].not_server);
  EXPECT_EQ(referral.urls[1].role, "second");
  EXPECT_EQ(referral.urls[1].server, "replica");
  EXPECT_EQ(referral.urls[1].not_server, "main");
  EXPECT_EQ(referral.urls[1].auth, "absent");
  EXPECT_FALSE(referral.urls[1].user);
  ASSERT_EQ(command.expect.untagged.size(), 1u);
  EXPECT_EQ(command.expect.untagged[0].presence, Presence::must_not);
  EXPECT_EQ(command.expect.bye, Presence::must_not);
  EXPECT_EQ(command.expect.close, Presence::may);
  EXPECT_EQ(command.where.line, 33u);
}

TEST(ScenarioLoader, ReadsFollowReferralAndUntaggedDetails) {
  const auto& follow = step_at<FollowReferralStep>(every_element().steps, 1);
  EXPECT_EQ(follow.client, "C1");
  EXPECT_EQ(follow.as, "C1R");
  EXPECT_TRUE(follow.as_url);
  EXPECT_EQ(follow.max_hops, 5u);
  EXPECT_EQ(follow.requirement.id, "rfc2193-3-no-referral-loop");
  const auto& command = step_at<CommandStep>(every_element().steps, 2);
  ASSERT_EQ(command.expect.untagged.size(), 4u);
  const UntaggedPattern& exists = command.expect.untagged[0];
  EXPECT_EQ(exists.presence, Presence::must);
  EXPECT_EQ(exists.name, "EXISTS");
  EXPECT_EQ(exists.number, "${answer}");
  EXPECT_EQ(exists.match, "^\\* ([0-9]+) EXISTS");
  EXPECT_EQ(exists.capture, "count");
  EXPECT_EQ(exists.capture_group, 1);
  EXPECT_EQ(command.expect.untagged[1].list_mailbox, "${mailbox.remote}");
  const auto& fields = command.expect.untagged[2].fields;
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].name, "FLAGS");
  EXPECT_EQ(fields[0].contains, "\\Deleted");
  EXPECT_FALSE(fields[0].equals);
  EXPECT_EQ(fields[1].equals, "0");
  EXPECT_EQ(command.expect.untagged[3].code, "UIDVALIDITY");
}

TEST(ScenarioLoader, ReadsLiteralsAndResume) {
  const auto& append = step_at<CommandStep>(every_element().steps, 3);
  ASSERT_EQ(append.send.size(), 4u);
  EXPECT_EQ(std::get<std::string>(append.send[0]), "APPEND ${test.mailbox}/box ");
  const auto& held = std::get<LiteralPart>(append.send[1]);
  EXPECT_EQ(held.bytes, "Subject: x\n");
  EXPECT_TRUE(held.synchronizing);
  EXPECT_TRUE(held.hold);
  EXPECT_EQ(std::get<std::string>(append.send[2]), " ");
  const auto& plus = std::get<LiteralPart>(append.send[3]);
  EXPECT_EQ(plus.bytes, "\r\n");  // &#13;&#10; survives end-of-line normalisation
  EXPECT_FALSE(plus.synchronizing);
  EXPECT_FALSE(plus.hold);
  const auto& resume = step_at<ResumeStep>(every_element().steps, 4);
  EXPECT_EQ(resume.client, "C2");
  EXPECT_EQ(resume.timeout, 500ms);
  EXPECT_EQ(resume.expect.tagged->statuses, (std::vector<std::string>{"OK", "NO", "BAD"}));
}

TEST(ScenarioLoader, ReadsWaitsAndConcurrency) {
  const auto& steps = every_element().steps;
  const auto& await = step_at<AwaitStep>(steps, 5);
  EXPECT_EQ(await.client, "C1R");
  EXPECT_EQ(await.timeout, 1min);
  ASSERT_EQ(await.untagged.size(), 1u);
  EXPECT_EQ(await.untagged[0].number, "${count}");
  EXPECT_EQ(step_at<FenceStep>(steps, 6).client, "C1");
  EXPECT_EQ(step_at<BarrierStep>(steps, 7).clients, (std::vector<std::string>{"C1", "C2", "L2"}));
  const auto& concurrent = *step_at<std::shared_ptr<ConcurrentStep>>(steps, 8);
  ASSERT_EQ(concurrent.commands.size(), 2u);
  EXPECT_EQ(concurrent.commands[1].client, "L3");
  EXPECT_EQ(concurrent.commands[1].expect.tagged->statuses, std::vector<std::string>{"NONE"});
}

TEST(ScenarioLoader, ReadsAlternatives) {
  const auto& block = *step_at<std::shared_ptr<AlternativesStep>>(every_element().steps, 9);
  EXPECT_EQ(block.name, "delete-selected");
  EXPECT_EQ(block.none_verdict, "fail");
  EXPECT_EQ(block.requirement.id, "rfc2180-3.1-fail-delete-rename");
  ASSERT_EQ(block.alternatives.size(), 2u);
  const Alternative& refuse = block.alternatives[0];
  EXPECT_EQ(refuse.id, "refuse");
  EXPECT_EQ(refuse.section, "3.1");
  EXPECT_EQ(refuse.level, Level::may);
  EXPECT_EQ(refuse.description, "DELETE refused");
  ASSERT_EQ(refuse.steps.size(), 1u);
  const Alternative& bye = block.alternatives[1];
  EXPECT_EQ(bye.level, Level::should_not);
  ASSERT_EQ(bye.steps.size(), 2u);
  const auto& close = std::get<ExpectCloseStep>(bye.steps[1]);
  EXPECT_EQ(close.client, "C1");
  EXPECT_EQ(close.bye, Presence::must);
  EXPECT_EQ(close.requirement.id, "rfc3501-3.4-bye-before-close");
  EXPECT_EQ(close.timeout, 3s);
}

TEST(ScenarioLoader, FoldsLineBreaksInCommandText) {
  const auto loaded = load_scenario_text(
      "t.xml", test::scenario_document({"<command client=\"C1\"><send>\n      APPEND box\n"
                                        "      <literal>a\n b</literal>\n    </send></command>"}),
      test::catalogue());
  ASSERT_TRUE(loaded) << test::describe(loaded.diagnostics);
  const auto& send = std::get<CommandStep>(loaded.value->steps[0]).send;
  ASSERT_EQ(send.size(), 2u);
  EXPECT_EQ(std::get<std::string>(send[0]), "APPEND box ");
  EXPECT_EQ(std::get<LiteralPart>(send[1]).bytes, "a\n b");
}

TEST(ScenarioLoader, LoadsADirectorySortedByIdSkippingCatalogues) {
  const ScenarioSet set = load_scenario_directory(test::data_dir() / "directory", test::catalogue());
  EXPECT_TRUE(set.ok()) << test::describe(set.diagnostics);
  ASSERT_EQ(set.scenarios.size(), 2u);
  EXPECT_EQ(set.scenarios[0].id, "rfc2180/3/delete-selected-mailbox");
  EXPECT_EQ(set.scenarios[1].id, "rfc2221/4.1/login-referral");
  // RFC 2180's strategies take different actions after DELETE: a lock-step warning.
  ASSERT_EQ(set.diagnostics.size(), 1u);
  EXPECT_EQ(set.diagnostics[0].severity, Severity::warning);
}

TEST(ScenarioLoader, ReportsDuplicateIdsAcrossADirectory) {
  const auto directory = std::filesystem::temp_directory_path() / ("referee-dup-" + std::to_string(::getpid()));
  std::filesystem::create_directories(directory);
  const std::string text = test::scenario_document({R"(<fence client="C1"/>)"});
  for (const char* name : {"a.xml", "b.xml"}) std::ofstream(directory / name) << text;
  const ScenarioSet set = load_scenario_directory(directory, test::catalogue());
  EXPECT_EQ(set.scenarios.size(), 1u);
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.diagnostics[0].file, (directory / "b.xml").string());
  EXPECT_NE(set.diagnostics[0].message.find("duplicate scenario id \"rfc2180/3/test\" (also in "),
            std::string::npos);
  std::filesystem::remove_all(directory);
}

TEST(ScenarioLoader, ReportsAMissingDirectory) {
  const ScenarioSet set = load_scenario_directory("/nonexistent-scenarios", test::catalogue());
  EXPECT_FALSE(set.ok());
  EXPECT_TRUE(set.scenarios.empty());
}

// <expunges> and <message-count>: the message-number checks of RFC 3501 §7.4.1.
TEST(ScenarioLoader, ReadsMessageNumberExpectations) {
  const auto loaded = load_scenario_text(
      "t.xml",
      test::scenario_document({R"(<command client="C1"><send>NOOP</send>)"
                               R"(<expunges messages="2,4" requirement="rfc3501-7.4.1-expunge-decrements"/>)"
                               R"(<message-count equals="5" requirement="rfc3501-5.2-size-updates"/></command>)"}),
      test::catalogue());
  ASSERT_TRUE(loaded) << test::describe(loaded.diagnostics);
  const auto& command = step_at<CommandStep>(loaded.value->steps, 0);
  ASSERT_TRUE(command.expect.expunges);
  EXPECT_EQ(command.expect.expunges->messages, "2,4");
  EXPECT_EQ(command.expect.expunges->requirement.id, "rfc3501-7.4.1-expunge-decrements");
  EXPECT_EQ(command.expect.expunges->where.line, 9u);
  ASSERT_TRUE(command.expect.message_count);
  EXPECT_EQ(command.expect.message_count->equals, "5");
  EXPECT_EQ(command.expect.message_count->requirement.id, "rfc3501-5.2-size-updates");
}

TEST(ScenarioLoader, MessageNumberExpectationsNeedARequirementAndComeOnce) {
  const auto unnamed = load_scenario_text(
      "t.xml",
      test::scenario_document({R"(<command client="C1"><send>NOOP</send><message-count equals="5"/></command>)"}),
      test::catalogue());
  EXPECT_FALSE(unnamed);
  const auto twice = load_scenario_text(
      "t.xml",
      test::scenario_document({R"(<command client="C1"><send>NOOP</send>)"
                               R"(<expunges messages="2" requirement="rfc3501-7.4.1-expunge-decrements"/>)"
                               R"(<expunges messages="3" requirement="rfc3501-7.4.1-expunge-decrements"/></command>)"}),
      test::catalogue());
  EXPECT_FALSE(twice);
  EXPECT_NE(test::describe(twice.diagnostics).find("a command takes at most one <expunges>"),
            std::string::npos) << test::describe(twice.diagnostics);
}

}  // namespace
}  // namespace referee::scenario
