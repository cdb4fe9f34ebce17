#include "harness/engine/match/variables.hpp"

#include <gtest/gtest.h>

#include "harness/engine/match/profile_roles.hpp"
#include "harness/engine/test/engine_test_support.hpp"

namespace referee::engine {
namespace {

TEST(Variables, SubstitutesEveryOccurrence) {
  Variables variables;
  variables.set("a", "x");
  variables.set("mailbox.remote", "remote/projects");
  EXPECT_EQ(variables.substitute("SELECT ${mailbox.remote} ${a}${a} $a").value(),
            "SELECT remote/projects xx $a");
}

TEST(Variables, UndefinedAndUnterminatedAreScenarioErrorsNamingThem) {
  Variables variables;
  auto undefined = variables.substitute("SELECT ${nowhere}");
  ASSERT_FALSE(undefined);
  EXPECT_EQ(undefined.error().message, "undefined variable ${nowhere}");
  auto open = variables.substitute("SELECT ${nowhere");
  ASSERT_FALSE(open);
  EXPECT_EQ(open.error().message, "unterminated \"${\" in \"SELECT ${nowhere\"");
}

TEST(Variables, RegexSubstitutionQuotesTheValue) {
  Variables variables;
  variables.set("box", "a.b");
  EXPECT_EQ(variables.substitute_in_regex("LIST .* ${box}$").value(), "LIST .* a\\.b$");
}

TEST(Variables, SecretsAreListedLongestFirst) {
  Variables variables;
  variables.set("user.a.password", "pw", true);
  variables.set("user.b.password", "longer-pw", true);
  variables.set("user.a.login", "alice");
  EXPECT_EQ(variables.secret_values(), (std::vector<std::string>{"longer-pw", "pw"}));
}

TEST(Variables, PathsJoinWithTheDelimiterOfTheirVariable) {
  Variables variables;
  variables.set("test.mailbox", "INBOX.referee-test.run-x");
  variables.set_delimiter("test.mailbox", '.');
  variables.set("leaf", "l1");
  EXPECT_EQ(*variables.substitute("SELECT \"${test.mailbox/foo}\""),
            "SELECT \"INBOX.referee-test.run-x.foo\"");
  EXPECT_EQ(*variables.substitute("${test.mailbox/a/${leaf}}"), "INBOX.referee-test.run-x.a.l1");
  EXPECT_EQ(*variables.substitute_in_regex("${test.mailbox/*}"), "INBOX\\.referee\\-test\\.run\\-x\\.\\*");
}

// Components are Unicode in the scenario and modified UTF-7 on the wire (RFC 3501 §5.1.3);
// nested references hold names in the server's form and are not encoded twice.
TEST(Variables, PathComponentsAreSentInModifiedUtf7) {
  Variables variables;
  variables.set("test.mailbox", "INBOX.t");
  variables.set_delimiter("test.mailbox", '.');
  variables.set("leaf", "Tom &- Jerry");
  EXPECT_EQ(variables.substitute("${test.mailbox/Entw\xC3\xBCrfe-\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E}").value(),
            "INBOX.t.Entw&APw-rfe-&ZeVnLIqe-");
  EXPECT_EQ(variables.substitute("${test.mailbox/Sent Items/100%41}").value(), "INBOX.t.Sent Items.100%41");
  EXPECT_EQ(variables.substitute("${test.mailbox/Q&A;v2?#1}").value(), "INBOX.t.Q&-A;v2?#1");
  EXPECT_EQ(variables.substitute("${test.mailbox/${leaf}}").value(), "INBOX.t.Tom &- Jerry");
  EXPECT_EQ(variables.substitute("${test.mailbox/${leaf} \xC3\xBC}").value(), "INBOX.t.Tom &- Jerry &APw-");
}

TEST(Variables, PathsNeedAKnownNonFlatDelimiter) {
  Variables variables;
  variables.set("mailbox.remote", "remote");
  EXPECT_FALSE(variables.substitute("${mailbox.remote/x}"));
  variables.set_delimiter("mailbox.remote", std::nullopt);
  auto flat = variables.substitute("${mailbox.remote/x}");
  ASSERT_FALSE(flat);
  EXPECT_NE(flat.error().message.find("flat"), std::string::npos);
  variables.set_unavailable("test.mailbox", "the namespace of server beta is unknown");
  auto unknown = variables.substitute("${test.mailbox}");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("server beta"), std::string::npos);
}

TEST(Variables, BuiltInsComeFromTheProfileRoles) {
  auto profile = test::fake_profile(1430, 1431);
  Variables variables = builtin_variables(profile);
  EXPECT_EQ(*variables.find("server.other.port"), "1431");
  EXPECT_EQ(*variables.find("server.beta.host"), "127.0.0.1");
  EXPECT_EQ(*variables.find("user.homed-elsewhere.login"), "bob");
  EXPECT_EQ(*variables.find("mailbox.remote"), "remote/projects");
  EXPECT_EQ(variables.secret_values().size(), 2u);
}

}  // namespace
}  // namespace referee::engine
