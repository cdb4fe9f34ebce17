#include "harness/profile/profile_loader.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>

#include <gtest/gtest.h>

namespace referee::profile {
namespace {

using namespace std::chrono_literals;
using scenario::Severity;

std::filesystem::path data_dir() {
  return std::filesystem::path(std::getenv("REFEREE_SOURCE_DIR")) / "harness/profile/test/data";
}

ProfileLoadOptions options_with(std::map<std::string, std::string, std::less<>> environment) {
  ProfileLoadOptions options;
  options.environment = [environment](std::string_view name) -> std::optional<std::string> {
    const auto found = environment.find(name);
    if (found == environment.end()) return std::nullopt;
    return found->second;
  };
  options.fallback_variables = {{"REFEREE_BINARY_DIR", "/build"},
                                {"REFEREE_FIXTURE_SERVER", "/build/fixtures/server/referee-fixture-server"}};
  return options;
}

std::string describe(const scenario::Diagnostics& diagnostics) {
  std::string text;
  for (const auto& diagnostic : diagnostics) text += scenario::format_diagnostic(diagnostic) + "\n";
  return text;
}

::testing::AssertionResult has_error(const scenario::Diagnostics& diagnostics, unsigned line,
                                     unsigned column, std::string_view text) {
  for (const auto& d : diagnostics) {
    if (d.severity == Severity::error && d.line == line && d.column == column &&
        d.message.find(text) != std::string::npos) {
      return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure() << "no error at " << line << ':' << column << " with \""
                                       << text << "\" among:\n" << describe(diagnostics);
}

// A profile file in a fresh temporary directory: servers, then `users`, then `extra`.
class ProfileFile {
 public:
  ProfileFile(const std::string& servers, const std::string& users, const std::string& extra = "") {
    directory_ = std::filesystem::temp_directory_path() /
                 ("referee-profile-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::create_directories(directory_);
    std::ofstream(path()) << "<profile xmlns=\"urn:referee:profile:1\" name=\"t\">\n"  // line 1
                          << "  <servers>\n" << servers << "  </servers>\n"          // line 2..
                          << "  <users>\n" << users << "  </users>\n" << extra << "</profile>\n";
  }
  ~ProfileFile() { std::filesystem::remove_all(directory_); }
  std::filesystem::path path() const { return directory_ / "profile.xml"; }

 private:
  static inline int counter_ = 0;
  std::filesystem::path directory_;
};

const std::string alpha = "    <server id=\"alpha\" roles=\"main\" host=\"127.0.0.1\" port=\"143\"/>\n";
const std::string alice = "    <user id=\"alice\" roles=\"local\" login=\"alice\" password=\"pw\" home=\"alpha\"/>\n";

TEST(ProfileLoader, LoadsEveryElement) {
  const auto loaded = load_profile(data_dir() / "reference-like.xml",
                                   options_with({{"REFEREE_TEST_BOB_PW", "bob-secret"}}));
  ASSERT_TRUE(loaded) << describe(loaded.diagnostics);
  EXPECT_TRUE(loaded.diagnostics.empty()) << describe(loaded.diagnostics);
  const Profile& p = *loaded.value;
  EXPECT_EQ(p.name, "reference-like");
  EXPECT_EQ(p.file, (data_dir() / "reference-like.xml").string());
  ASSERT_EQ(p.servers.size(), 3u);
  EXPECT_EQ(p.servers[0].id, "alpha");
  EXPECT_FALSE(p.servers[0].port);
  EXPECT_EQ(p.servers[0].tls, Tls::none);
  EXPECT_EQ(p.servers[1].roles, (std::vector<std::string>{"other", "replica-source"}));
  EXPECT_EQ(p.servers[1].host, "::1");
  EXPECT_EQ(p.servers[1].port, 1143);
  EXPECT_EQ(p.servers[1].tls, Tls::starttls);
  EXPECT_EQ(p.servers[1].referral_names,
            (std::vector<std::string>{"beta.example.test", "beta.example.test:1143"}));
  EXPECT_EQ(p.servers[2].tls, Tls::implicit);
  EXPECT_EQ(p.servers[1].where.line, 6u);
  ASSERT_EQ(p.users.size(), 2u);
  EXPECT_EQ(p.users[0].password, "alice-pw");
  EXPECT_TRUE(p.users[0].password_env.empty());
  EXPECT_EQ(p.users[1].password, "bob-secret");
  EXPECT_EQ(p.users[1].password_env, "REFEREE_TEST_BOB_PW");
  EXPECT_EQ(p.users[1].home_server, "beta");
  ASSERT_EQ(p.mailboxes.size(), 2u);
  EXPECT_EQ(p.mailboxes[0].name, "remote/projects");
  EXPECT_EQ(p.mailboxes[0].server, "beta");
  EXPECT_TRUE(p.mailboxes[1].roles.empty());
  EXPECT_EQ(p.test_prefix, "referee-ci");
  EXPECT_TRUE(p.destructive_allowed);
}

TEST(ProfileLoader, ExpandsHookVariablesAndResolvesPaths) {
  const auto loaded = load_profile(data_dir() / "reference-like.xml",
                                   options_with({{"REFEREE_TEST_BOB_PW", "x"}}));
  ASSERT_TRUE(loaded) << describe(loaded.diagnostics);
  const std::string dir = data_dir().lexically_normal().string();
  const Hook& launch = *loaded.value->launch;
  EXPECT_EQ(launch.command, "/build/fixtures/server/referee-fixture-server");
  EXPECT_EQ(launch.args, (std::vector<std::string>{"--config", dir + "/reference-server.xml",
                                                   "--listen-host=127.0.0.1"}));
  EXPECT_EQ(launch.env.at("FIXTURE_HOME"), dir + "/home");
  EXPECT_EQ(launch.env.at("PLAIN"), "cost $5");
  EXPECT_EQ(launch.working_dir, dir + "/run");
  EXPECT_EQ(launch.ready_line, "READY");
  EXPECT_FALSE(launch.ready_on_connect);
  EXPECT_EQ(launch.deadline, 20s);
  EXPECT_EQ(launch.stop_grace, 1s);
  const Hook& reset = *loaded.value->reset;
  EXPECT_EQ(reset.command, (data_dir().parent_path() / "scripts/reset.sh").lexically_normal().string());
  EXPECT_EQ(reset.working_dir, dir + "/");
  EXPECT_EQ(reset.deadline, 500ms);
  const Hook& stop = *loaded.value->stop;
  EXPECT_TRUE(stop.command.empty());
  EXPECT_EQ(stop.stop_grace, 1s);
}

TEST(ProfileLoader, MissingPasswordVariableNamesIt) {
  const auto loaded = load_profile(data_dir() / "reference-like.xml", options_with({}));
  EXPECT_FALSE(loaded);
  EXPECT_TRUE(has_error(loaded.diagnostics, 14, 56,
                        "the environment variable REFEREE_TEST_BOB_PW holding the password is not set"));
}

TEST(ProfileLoader, PasswordComesFromExactlyOneSource) {
  const ProfileFile file(alpha, "    <user id=\"u\" login=\"u\" home=\"alpha\"/>\n");
  EXPECT_TRUE(has_error(load_profile(file.path(), options_with({})).diagnostics, 6, 5,
                        "needs exactly one of password and password-env"));
}

TEST(ProfileLoader, UndefinedHookVariableNamesIt) {
  const ProfileFile file(alpha, alice, "  <hooks><launch command=\"${NOT_SET_ANYWHERE}/x\"/></hooks>\n");
  EXPECT_TRUE(has_error(load_profile(file.path(), options_with({})).diagnostics, 8, 10,
                        "undefined variable ${NOT_SET_ANYWHERE} in launch hook command"));
}

TEST(ProfileLoader, EnvironmentWinsOverBuiltInDirectories) {
  const ProfileFile file(alpha, alice, "  <hooks><launch command=\"${REFEREE_BINARY_DIR}/x\"/></hooks>\n");
  const auto loaded = load_profile(file.path(), options_with({{"REFEREE_BINARY_DIR", "/env"}}));
  ASSERT_TRUE(loaded) << describe(loaded.diagnostics);
  EXPECT_EQ(loaded.value->launch->command, "/env/x");
  EXPECT_TRUE(loaded.value->launch->ready_on_connect);
}

TEST(ProfileLoader, ReadyLineAndReadyOnConnectExcludeEachOther) {
  const ProfileFile file(alpha, alice,
                         "  <hooks><launch command=\"x\" ready-line=\"R\" ready-on-connect=\"true\"/></hooks>\n");
  EXPECT_TRUE(has_error(load_profile(file.path(), options_with({})).diagnostics, 8, 10,
                        "either ready-line or ready-on-connect"));
}

TEST(ProfileLoader, ServerWithoutPortNeedsAnAnnouncingLaunchHook) {
  const ProfileFile file("    <server id=\"alpha\" host=\"127.0.0.1\"/>\n", alice);
  EXPECT_TRUE(has_error(load_profile(file.path(), options_with({})).diagnostics, 3, 5,
                        "server \"alpha\" has no port and no launch hook announces one"));
}

TEST(ProfileLoader, CrossReferences) {
  const ProfileFile file(alpha + "    <server id=\"alpha\" roles=\"main\" host=\"::1\" port=\"2\"/>\n",
                         alice + "    <user id=\"u\" roles=\"local\" login=\"u\" password=\"p\" home=\"nowhere\"/>\n",
                         "  <mailboxes><mailbox name=\"m\" server=\"gone\"/></mailboxes>\n");
  const auto diagnostics = load_profile(file.path(), options_with({})).diagnostics;
  EXPECT_TRUE(has_error(diagnostics, 4, 5, "duplicate server id \"alpha\""));
  EXPECT_TRUE(has_error(diagnostics, 4, 5, "server role \"main\" is given to both \"alpha\" and \"alpha\""));
  EXPECT_TRUE(has_error(diagnostics, 8, 5, "user role \"local\" is given to both \"alice\" and \"u\""));
  EXPECT_TRUE(has_error(diagnostics, 8, 5, "home server \"nowhere\" is not a server of this profile"));
  EXPECT_TRUE(has_error(diagnostics, 10, 14, "mailbox \"m\": server \"gone\" is not a server"));
}

// The role exists to see a login referral percent-encode the user name (RFC 5092 §3.2).
TEST(ProfileLoader, ReservedLoginRoleNeedsALoginThatNeedsEncoding) {
  const auto with_login = [](const std::string& login) {
    return alice + "    <user id=\"mary\" roles=\"homed-elsewhere-reserved-login\" login=\"" + login +
           "\" password=\"p\" home=\"alpha\"/>\n";
  };
  const ProfileFile plain(alpha, with_login("mary.smith"));
  EXPECT_TRUE(has_error(load_profile(plain.path(), options_with({})).diagnostics, 7, 5,
                        "user \"mary\" plays homed-elsewhere-reserved-login, but its login \"mary.smith\" "
                        "holds no character a URL must percent-encode"));
  for (const std::string login : {"mary smith;sales", "mary@example.com", "j&#252;rgen"}) {
    const ProfileFile reserved(alpha, with_login(login));
    const auto loaded = load_profile(reserved.path(), options_with({}));
    EXPECT_TRUE(loaded) << login << ": " << describe(loaded.diagnostics);
  }
}

TEST(ProfileLoader, StatedNamespaceNeedsDelimiterAndPrefixTogether) {
  const ProfileFile half("    <server id=\"alpha\" host=\"127.0.0.1\" port=\"143\" delimiter=\".\"/>\n", alice);
  EXPECT_TRUE(has_error(load_profile(half.path(), options_with({})).diagnostics, 3, 5,
                        "give delimiter and personal-namespace together"));
  const ProfileFile flat("    <server id=\"alpha\" host=\"127.0.0.1\" port=\"143\" delimiter=\"NIL\""
                         " personal-namespace=\"\"/>\n", alice);
  const auto loaded = load_profile(flat.path(), options_with({}));
  ASSERT_TRUE(loaded) << describe(loaded.diagnostics);
  ASSERT_TRUE(loaded.value->servers[0].delimiter.has_value());
  EXPECT_FALSE(loaded.value->servers[0].delimiter->has_value());  // NIL: a flat namespace
}

TEST(ProfileLoader, SchemaErrorsNameFileLineAndColumn) {
  const ProfileFile file("    <server id=\"alpha\" host=\"h\" port=\"0\" tls=\"ssl\"/>\n", alice);
  const auto loaded = load_profile(file.path(), options_with({}));
  EXPECT_FALSE(loaded);
  EXPECT_TRUE(has_error(loaded.diagnostics, 3, 33, "attribute 'port'"));
  EXPECT_TRUE(has_error(loaded.diagnostics, 3, 42, "attribute 'tls'"));
  EXPECT_EQ(loaded.diagnostics[0].file, file.path().string());
}

TEST(ProfileLoader, RoleLookups) {
  const auto loaded = load_profile(data_dir() / "reference-like.xml",
                                   options_with({{"REFEREE_TEST_BOB_PW", "x"}}));
  ASSERT_TRUE(loaded);
  const Profile& p = *loaded.value;
  EXPECT_EQ(server_with_role(p, "other")->id, "beta");
  EXPECT_EQ(server_with_role(p, "nobody"), nullptr);
  EXPECT_EQ(user_with_role(p, "homed-elsewhere")->login, "bob");
  EXPECT_EQ(mailbox_with_role(p, "remote")->name, "remote/projects");
  EXPECT_EQ(server_with_id(p, "retired")->port, 1993);
  EXPECT_EQ(server_with_id(p, "nobody"), nullptr);
}

// docs/PROFILE.md's complete example is a valid profile.
TEST(ProfileLoader, TheDocumentedExampleLoads) {
  std::ifstream in(std::filesystem::path(std::getenv("REFEREE_SOURCE_DIR")) / "docs/PROFILE.md");
  const std::string doc{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const std::size_t start = doc.find("```xml\n") + 7;
  const std::string example = doc.substr(start, doc.find("```", start) - start);
  const ProfileFile file("", "");
  std::ofstream(file.path()) << example;
  const auto loaded = load_profile(file.path(), options_with({{"REFEREE_BOB_PASSWORD", "b"}}));
  ASSERT_TRUE(loaded) << describe(loaded.diagnostics);
  EXPECT_EQ(loaded.value->servers.size(), 4u);
  EXPECT_EQ(user_with_role(*loaded.value, "homed-elsewhere")->password, "b");
  EXPECT_EQ(loaded.value->launch->ready_line, "READY");
  EXPECT_EQ(loaded.value->launch->args[1], "reference-server.xml");
  EXPECT_EQ(loaded.value->stop->stop_grace, 3s);
}

TEST(ProfileLoader, BuiltInVariablesNameThisBuild) {
  const auto variables = ProfileLoadOptions::built_in_variables();
  EXPECT_EQ(variables.at("REFEREE_SOURCE_DIR"), std::getenv("REFEREE_SOURCE_DIR"));
  // This test binary is <binary dir>/harness/profile/referee_profile_tests.
  const auto binary_dir = std::filesystem::canonical("/proc/self/exe").parent_path().parent_path().parent_path();
  EXPECT_EQ(std::filesystem::canonical(variables.at("REFEREE_BINARY_DIR")), binary_dir);
}

}  // namespace
}  // namespace referee::profile
