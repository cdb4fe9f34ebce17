// Each semantic error a scenario can hold, with its message and file:line:column. Steps start
// on line 9, column 5 of the documents test::scenario_document builds.
#include "harness/scenario/scenario_checks.hpp"

#include <gtest/gtest.h>

#include "harness/scenario/scenario_loader.hpp"
#include "harness/scenario/test/test_files.hpp"

namespace referee::scenario {
namespace {

using test::has_diagnostic;

LoadResult<Scenario> load(const std::vector<std::string>& steps,
                          const std::vector<std::string>& clients = {}) {
  return load_scenario_text("t.xml", test::scenario_document(steps, clients), test::catalogue());
}

constexpr Severity error = Severity::error;

TEST(ScenarioChecks, UnknownClient) {
  const auto loaded = load({R"(<fence client="C1"/>)", R"(<fence client="C9"/>)"});
  EXPECT_FALSE(loaded);
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 10, 5, "unknown client \"C9\""));
  EXPECT_EQ(loaded.diagnostics[0].file, "t.xml");
}

TEST(ScenarioChecks, UnknownClientInBarrierCapabilityAndSetup) {
  std::string text = test::scenario_document({R"(<barrier clients="C1 C7"/>)"});
  text.replace(text.find("  <clients>"), 0,
               "  <requires><capability name=\"X\" client=\"C5\"/></requires>\n");
  text.replace(text.find("  <steps>"), 0, "  <setup client=\"C6\"><mailbox name=\"m\"/></setup>\n");
  const auto loaded = load_scenario_text("t.xml", text, test::catalogue());
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 4, 13, "unknown client \"C5\""));
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 3, "unknown client \"C6\""));
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 11, 5, "unknown client \"C7\""));
}

TEST(ScenarioChecks, GroupMembersAreClients) {
  const auto loaded = load({R"(<fence client="L3"/>)", R"(<fence client="L4"/>)"},
                           {R"(<group id="L" count="3" server="main" user="local"/>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 5, "unknown client \"L4\""));
  EXPECT_EQ(loaded.diagnostics.size(), 1u) << test::describe(loaded.diagnostics);
}

TEST(ScenarioChecks, FollowReferralCreatesItsClientForLaterStepsOnly) {
  const auto loaded = load({R"(<fence client="C1R"/>)",
                            R"(<follow-referral client="C1" as="C1R"/>)",
                            R"(<command client="C1R"><send>SELECT ${C1R.mailbox}</send></command>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 5, "unknown client \"C1R\""));
  EXPECT_EQ(loaded.diagnostics.size(), 1u) << test::describe(loaded.diagnostics);
}

TEST(ScenarioChecks, DuplicateClientIds) {
  const auto loaded = load({R"(<follow-referral client="C1" as="C2"/>)"},
                           {R"(<client id="C1" server="main" user="local"/>)",
                            R"(<client id="C1" server="main" user="local"/>)",
                            R"(<group id="C" count="2" server="main" user="local"/>)",
                            R"(<client id="C2" server="main" user="local"/>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 6, 5, "duplicate client id \"C1\""));
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 7, 5, "duplicate client id \"C1\""));
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 8, 5, "duplicate client id \"C2\""));
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 11, 5, "duplicate client id \"C2\""));
}

TEST(ScenarioChecks, ClientThatLogsInNeedsAUser) {
  const auto loaded = load({}, {R"(<client id="C1" server="main"/>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 5, 5, "logs in but names no user role"));
}

TEST(ScenarioChecks, UndefinedVariable) {
  const auto loaded = load({R"(<command client="C1"><send>SELECT ${nope}</send></command>)"});
  EXPECT_FALSE(loaded);
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 5, "undefined variable ${nope} in <send>"));
}

TEST(ScenarioChecks, UndefinedVariableInAttributesAndLiterals) {
  const auto loaded = load(
      {R"(<command client="C1"><send>A <literal>${x1}</literal></send>)"
       R"(<untagged presence="may" number="${x2}"><list mailbox="${x3}"/></untagged>)"
       R"(<tagged><referral><url user="${x4}"/></referral></tagged></command>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 5, "${x1} in <literal>"));
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 65, "${x2} in attribute number"));
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 65, "${x3} in <list mailbox>"));
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 157, "${x4} in <url user>"));
}

TEST(ScenarioChecks, CapturedVariablesAreDefinedAfterTheCapture) {
  const auto loaded = load(
      {R"(<command client="C1"><send>FETCH ${n} FLAGS</send></command>)",
       R"(<command client="C1"><send>SELECT x</send><untagged presence="may" name="EXISTS" capture="n"/></command>)",
       R"(<command client="C1"><send>FETCH ${n} FLAGS</send></command>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 5, "undefined variable ${n}"));
  EXPECT_EQ(loaded.diagnostics.size(), 1u) << test::describe(loaded.diagnostics);
}

TEST(ScenarioChecks, NonAsciiMailboxNamesGoThroughPathComponents) {
  const auto loaded = load({R"(<command client="C1"><send>SELECT "Entwürfe"</send></command>)",
                            R"(<command client="C1"><send>SELECT "${test.mailbox/Entwürfe}"</send></command>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 5, "non-ASCII text in <send>"));
  EXPECT_EQ(loaded.diagnostics.size(), 1u) << test::describe(loaded.diagnostics);
}

TEST(ScenarioChecks, NonAsciiSetupMailboxGoesThroughAPathComponent) {
  std::string text = test::scenario_document({R"(<fence client="C1"/>)"});
  text.replace(text.find("  <steps>"), 0,
               "  <setup client=\"C1\"><mailbox name=\"Entwürfe\"/>"
               "<mailbox name=\"${test.mailbox/Entwürfe}\"/></setup>\n");
  const auto loaded = load_scenario_text("t.xml", text, test::catalogue());
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 8, 22, "non-ASCII text in <mailbox name>"));
  EXPECT_EQ(loaded.diagnostics.size(), 1u) << test::describe(loaded.diagnostics);
}

TEST(ScenarioChecks, BadPathComponentIsNamed) {
  const auto loaded = load({R"(<command client="C1"><send>SELECT "${test.mailbox/a.b}"</send></command>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 5, "the character '.' in a path component"));
}

TEST(ScenarioChecks, UnterminatedVariable) {
  const auto loaded = load({R"(<command client="C1"><send>SELECT ${oops</send></command>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 5, "unterminated \"${\" in <send>"));
}

TEST(ScenarioChecks, UnknownRequirement) {
  const auto loaded = load({R"(<command client="C1"><send>NOOP</send><tagged status="OK" requirement="rfc9999-1-made-up"/></command>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 43,
                             "unknown requirement \"rfc9999-1-made-up\": not in the catalogue"));
}

TEST(ScenarioChecks, MustPresenceWithoutRequirement) {
  const auto loaded = load({R"(<await client="C1"><untagged name="EXISTS"/></await>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 24, "presence=\"must\" without requirement"));
}

TEST(ScenarioChecks, ResumeWithoutAHeldLiteral) {
  const auto loaded = load({R"(<command client="C1"><send>APPEND x <literal>a</literal></send></command>)",
                            R"(<resume client="C1"/>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 10, 5, "<resume client=\"C1\"> without a held literal"));
}

TEST(ScenarioChecks, HeldCommandMustBeResumedBeforeTheNextCommand) {
  const auto loaded = load(
      {R"(<command client="C1"><send>APPEND x <literal hold="true">a</literal></send></command>)",
       R"(<command client="C2"><send>NOOP</send></command>)",
       R"(<command client="C1"><send>NOOP</send></command>)", R"(<resume client="C1"/>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 11, 5, "still holds the command of line 9"));
  EXPECT_EQ(loaded.diagnostics.size(), 1u) << test::describe(loaded.diagnostics);
}

TEST(ScenarioChecks, HoldNeedsASynchronizingLiteral) {
  const auto loaded = load({R"(<command client="C1"><send>A <literal sync="false" hold="true">a</literal></send></command>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 5, "hold=\"true\" needs a synchronizing literal"));
}

TEST(ScenarioChecks, InvalidRe2Pattern) {
  const auto loaded = load({R"(<await client="C1"><untagged presence="may" match="(unclosed"/></await>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 24, "invalid RE2 pattern \"(unclosed\": missing )"));
}

TEST(ScenarioChecks, CaptureGroupMustExist) {
  const auto loaded = load(
      {R"x(<await client="C1"><untagged presence="may" match="^\* (\d+)" capture="a" group="2"/></await>)x",
       R"(<command client="C1"><send>NOOP</send><tagged capture="b" group="1"/></command>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 24, "capture group 2 does not exist"));
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 10, 43, "needs a <text match> pattern"));
}

TEST(ScenarioChecks, BadTimeoutSyntax) {
  const auto syntax = load({R"(<fence client="C1"/>)", R"(<command client="C1" timeout="5 sec"><send>NOOP</send></command>)"});
  EXPECT_TRUE(has_diagnostic(syntax.diagnostics, error, 10, 26, "'5 sec' is not accepted by the pattern"));
  const auto zero = load({R"(<command client="C1" timeout="0ms"><send>NOOP</send></command>)"});
  EXPECT_TRUE(has_diagnostic(zero.diagnostics, error, 9, 26, "timeout \"0ms\": a timeout is a positive number"));
}

// Several commands of one client in a <concurrent> are pipelined (RFC 3501 §5.5).
TEST(ScenarioChecks, PipelinedCommandsOfOneClientAreAccepted) {
  const auto loaded = load({R"(<concurrent completion-order="as-sent" requirement="rfc3501-5.5-order-on-ambiguity"><command client="C1"><send>NOOP</send></command><command client="C1"><send>NOOP</send></command></concurrent>)"});
  EXPECT_TRUE(loaded.diagnostics.empty()) << loaded.diagnostics.front().message;
}

// "command continuations MUST be negotiated before any subsequent command is initiated".
TEST(ScenarioChecks, PipelinedCommandCannotCarryASynchronizingLiteral) {
  const auto loaded = load({R"(<concurrent><command client="C1"><send>APPEND x <literal>hi</literal></send></command><command client="C1"><send>NOOP</send></command></concurrent>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 17, "cannot carry a synchronizing literal"));
  const auto plus = load({R"(<concurrent><command client="C1"><send>APPEND x <literal sync="false">hi</literal></send></command><command client="C1"><send>NOOP</send></command></concurrent>)"});
  EXPECT_TRUE(plus.diagnostics.empty()) << plus.diagnostics.front().message;
}

TEST(ScenarioChecks, CompletionOrderNeedsAPipelineAndARequirement) {
  const auto single = load({R"(<concurrent completion-order="as-sent" requirement="rfc3501-5.5-order-on-ambiguity"><command client="C1"><send>NOOP</send></command></concurrent>)"});
  EXPECT_TRUE(has_diagnostic(single.diagnostics, error, 9, 5, "needs two commands of one client"));
  const auto unnamed = load({R"(<concurrent completion-order="as-sent"><command client="C1"><send>NOOP</send></command><command client="C1"><send>NOOP</send></command></concurrent>)"});
  EXPECT_TRUE(has_diagnostic(unnamed.diagnostics, error, 9, 5, "without requirement"));
}

TEST(ScenarioChecks, AtMostOneTaggedExpectation) {
  const auto loaded = load({R"(<command client="C1"><send>NOOP</send><tagged status="OK"/><tagged status="NO"/></command>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 64, "at most one <tagged>"));
}

TEST(ScenarioChecks, CaptureOnAForbiddenResponse) {
  const auto loaded = load({R"(<await client="C1"><untagged presence="must-not" name="BYE" capture="x"/></await>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 24, "capture on a must-not response"));
}

TEST(ScenarioChecks, AlternativesThatDivergeAreAWarning) {
  const auto loaded = load(
      {R"(<alternatives name="delete">)",
       R"(  <alternative id="a"><command client="C1"><send>DELETE x</send></command><fence client="C2"/></alternative>)",
       R"(  <alternative id="b"><command client="C1"><send>DELETE x</send></command><fence client="C1"/></alternative>)",
       R"(</alternatives>)"});
  ASSERT_TRUE(loaded) << test::describe(loaded.diagnostics);
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, Severity::warning, 11, 79,
                             "alternatives \"delete\" leave lock-step at step 2: \"a\" does \"fence C2\" "
                             "but \"b\" does \"fence C1\"; the engine follows \"a\""));
}

TEST(ScenarioChecks, AlternativesDefineOnlyWhatEveryAlternativeDefines) {
  const auto loaded = load(
      {R"(<alternatives name="x" requirement="rfc0-1-unknown">)",
       R"(  <alternative id="a"><follow-referral client="C1" as="R"/><command client="C1"><send>N</send><tagged capture="t"/></command></alternative>)",
       R"(  <alternative id="a"><follow-referral client="C1" as="R"/></alternative>)",
       R"(</alternatives>)", R"(<fence client="R"/>)",
       R"(<command client="C1"><send>${t}</send></command>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 5, "unknown requirement \"rfc0-1-unknown\""));
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 11, 7, "duplicate alternative id \"a\""));
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 14, 5, "undefined variable ${t}"));
  EXPECT_EQ(loaded.diagnostics.size(), 3u) << test::describe(loaded.diagnostics);
}

TEST(ScenarioChecks, DiagnosticsComeInFileOrder) {
  const auto loaded = load({R"(<fence client="X2"/>)", R"(<fence client="X1"/>)"},
                           {R"(<client id="C1" server="main"/>)"});
  ASSERT_EQ(loaded.diagnostics.size(), 3u);
  EXPECT_EQ(loaded.diagnostics[0].line, 5u);
  EXPECT_EQ(loaded.diagnostics[1].line, 8u);
  EXPECT_EQ(loaded.diagnostics[2].line, 9u);
}

// <expunges> and <message-count> name catalogued requirements and defined variables.
TEST(ScenarioChecks, MessageNumberExpectations) {
  const auto loaded = load({R"(<command client="C1"><send>NOOP</send>)"
                            R"(<expunges messages="2,${gone}" requirement="rfc0-1-unknown"/>)"
                            R"(<message-count equals="${left}" requirement="rfc3501-5.2-size-updates"/></command>)"});
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 43, "unknown requirement \"rfc0-1-unknown\""));
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 43, "undefined variable ${gone} in <expunges messages>"));
  EXPECT_TRUE(has_diagnostic(loaded.diagnostics, error, 9, 104, "undefined variable ${left} in <message-count equals>"));
}

}  // namespace
}  // namespace referee::scenario
