// `referee doctor` through run_referee(), against the built-in reference target and the broken
// profiles in fixtures/targets/test/doctor/ (each launches its own reference servers on
// ephemeral 127.0.0.1 ports and stops them): the failing line, its hint and the exit code.
// Also `referee run`'s preflight: the same hint, as a fatal_error or a scenario's error.
#include "harness/cli/doctor_command.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include "harness/cli/app.hpp"
#include "harness/cli/test/run_referee_in_process.hpp"
#include "harness/cli/catalogue_loading.hpp"
#include "harness/cli/paths.hpp"
#include "harness/engine/doctor/doctor.hpp"
#include "harness/engine/engine.hpp"
#include "harness/engine/match/profile_roles.hpp"
#include "harness/engine/run/plain_session.hpp"
#include "harness/imap/untagged.hpp"
#include "harness/net/tls_context.hpp"
#include "harness/target/target_process.hpp"

namespace referee::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

using Outcome = testing::CliRun;
using testing::referee;

// Compiled in (CMake), as in the other CLI tests: the file also runs outside ctest.
fs::path source_dir() { return REFEREE_TEST_SOURCE_DIR; }
fs::path doctor_profile(const std::string& name) {
  return source_dir() / "fixtures/targets/test/doctor" / (name + ".xml");
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// "FILE:LINE" of the first line of `file` containing `needle`: what a hint must name.
std::string location_of(const fs::path& file, const std::string& needle) {
  std::istringstream text(read_file(file));
  std::string line;
  for (unsigned number = 1; std::getline(text, line); ++number) {
    if (line.find(needle) != std::string::npos) return file.string() + ":" + std::to_string(number);
  }
  ADD_FAILURE() << needle << " not in " << file;
  return "";
}

// The printed line that starts with `start`, and the hint line under it ("" when none).
std::pair<std::string, std::string> check_line(const std::string& out, const std::string& start) {
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.starts_with(start)) continue;
    std::string hint;
    std::getline(lines, hint);
    return {line, hint.find("hint: ") == std::string::npos ? "" : hint};
  }
  ADD_FAILURE() << "no line starting with \"" << start << "\" in:\n" << out;
  return {};
}

// A 127.0.0.1 port that was free a moment ago and that nothing listens on.
unsigned closed_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), size), 0);
  EXPECT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size), 0);
  ::close(fd);
  return ntohs(address.sin_port);
}

class DoctorCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ::unsetenv("CI_NODE_INDEX");
    ::unsetenv("CI_NODE_TOTAL");
    directory_ = fs::temp_directory_path() /
                 ("referee-doctor-test-" +
                  std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(directory_);
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  // wrong-port.xml.in with alpha at a closed port, written where its relative paths still work.
  fs::path wrong_port_profile(unsigned port) {
    std::string text = read_file(doctor_profile("wrong-port").string() + ".in");
    text.replace(text.find("PORT_NOBODY_LISTENS_ON"), 22, std::to_string(port));
    const std::string relative = "../../reference-server.xml";
    text.replace(text.find(relative), relative.size(),
                 (source_dir() / "fixtures/targets/reference-server.xml").string());
    auto path = directory_ / "wrong-port.xml";
    std::ofstream(path) << text;
    return path;
  }

  fs::path directory_;
};

TEST_F(DoctorCommandTest, TheBuiltInTargetIsUsableWithEveryCheckOk) {
  auto json = directory_ / "doctor.json";
  auto result = referee({"doctor", "--json", json.string()});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, Not(HasSubstr("\nFAIL")));
  EXPECT_THAT(result.out, Not(HasSubstr("\nwarn")));
  EXPECT_THAT(check_line(result.out, "ok       reach            alpha: 127.0.0.1:").first, HasSubstr("* OK"));
  EXPECT_THAT(check_line(result.out, "ok       capabilities     alpha as alice:").first,
              HasSubstr("MAILBOX-REFERRALS"));
  EXPECT_THAT(check_line(result.out, "ok       login-referral   bob@alpha:").first, HasSubstr("NO [REFERRAL"));
  EXPECT_THAT(check_line(result.out, "ok       namespace        alpha as alice:").first,
              HasSubstr("delimiter \"/\", personal prefix \"\" (NAMESPACE)"));
  EXPECT_THAT(check_line(result.out, "ok       mailbox-referral remote/projects on alpha:").first,
              HasSubstr("NO [REFERRAL"));
  EXPECT_THAT(check_line(result.out, "ok       test-mailbox     beta as alice:").first,
              HasSubstr("CREATE and DELETE \"referee-test/"));
  EXPECT_THAT(result.out, HasSubstr("Target usable: "));

  auto document = boost::json::parse(read_file(json)).as_object();
  EXPECT_EQ(document.at("format").as_string(), "referee-doctor");
  EXPECT_EQ(document.at("format_version").as_int64(), 1);
  EXPECT_TRUE(document.at("usable").as_bool());
  EXPECT_EQ(document.at("counts").at("fail").as_int64(), 0);
  const auto& checks = document.at("checks").as_array();
  ASSERT_GT(checks.size(), 20u);
  for (const auto& check : checks) {
    std::string verdict(check.at("verdict").as_string());
    EXPECT_TRUE(verdict == "ok" || verdict == "skipped") << boost::json::serialize(check);
  }
}

// The namespace and create-policy modes of the reference servers (fixtures/server/README.md):
// each profile that goes with one is usable.
class DoctorOnReferenceModes : public ::testing::TestWithParam<std::string> {};

TEST_P(DoctorOnReferenceModes, TheProfileIsUsable) {
  auto result = referee({"doctor", "--target", (source_dir() / "fixtures/targets" / (GetParam() + ".xml")).string()});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, Not(HasSubstr("\nFAIL")));
  EXPECT_THAT(result.out, HasSubstr("ok       test-mailbox     beta as "));
}

INSTANTIATE_TEST_SUITE_P(Profiles, DoctorOnReferenceModes,
                         ::testing::Values("reference-inbox-dot", "reference-no-dots", "reference-prefix-create",
                                           "reference-admin-create"),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

// Every mailbox `user` sees on `server` whose name starts with `prefix` (LIST "" "prefix*").
std::vector<std::string> mailboxes_below(const profile::Profile& profile, const std::string& server_id,
                                         const std::string& user_id, const std::string& prefix) {
  boost::asio::io_context io;
  std::vector<std::string> names;
  auto list = [&]() -> boost::asio::awaitable<void> {
    engine::ClientSession session(io.get_executor(),
                                  {.client = "test", .server_id = server_id,
                                   .tls_context = net::make_client_tls_context()});
    const auto deadline = net::deadline_after(std::chrono::seconds(5));
    std::string problem = co_await engine::open_and_login(session, *engine::find_server(profile, server_id),
                                                          *engine::find_user(profile, user_id), deadline);
    EXPECT_EQ(problem, "");
    const std::vector<scenario::SendPart> command{std::string("LIST \"\" \"" + prefix + "*\"")};
    engine::CommandRun run = co_await session.run(command, deadline);
    for (std::size_t i = run.pool_begin; i < run.pool_end; ++i) {
      if (auto entry = imap::as_list(session.pool()[i].response)) names.push_back(entry->mailbox);
    }
    co_await session.logout(deadline);
    session.close();
  };
  boost::asio::co_spawn(io, list(), [](std::exception_ptr failure) {
    if (failure) std::rethrow_exception(failure);
  });
  io.run();
  return names;
}

// The servers stay up after the doctor: nothing it created is left, not even the prefix.
TEST_F(DoctorCommandTest, TheTestMailboxCheckLeavesNothingBehind) {
  Paths paths = default_paths();
  std::ostringstream err;
  auto catalogue = load_catalogue({paths.scenarios_dir(), paths.requirements_file()}, err, false);
  auto profile = load_target(source_dir() / "fixtures/targets/reference-admin-create.xml",
                             profile_variables(paths), err, false);
  ASSERT_TRUE(catalogue && profile) << err.str();
  target::TargetProcess target({.stop_on_signals = false});
  ASSERT_TRUE(target.launch(*profile));
  auto checks = engine::run_doctor(*profile, catalogue->scenarios, {.run_id = "20261203T0700-d0c7"});
  unsigned created = 0;
  for (const auto& check : checks) {
    if (check.kind != "test-mailbox") continue;
    EXPECT_EQ(check.verdict, engine::DoctorVerdict::ok) << check.summary << "\n" << check.hint;
    EXPECT_THAT(check.summary, HasSubstr("20261203t0700-d0c7-doctor"));
    ++created;
  }
  EXPECT_EQ(created, 2u);  // alpha as alice, beta as admin
  EXPECT_THAT(mailboxes_below(*profile, "alpha", "alice", "referee-test"), ::testing::IsEmpty());
  EXPECT_THAT(mailboxes_below(*profile, "beta", "admin", "referee-test"), ::testing::IsEmpty());
  target.stop();
}

TEST_F(DoctorCommandTest, AWrongPasswordFailsTheLoginNamingTheUserLine) {
  auto profile = doctor_profile("wrong-password");
  auto json = directory_ / "doctor.json";
  auto result = referee({"doctor", "--target", profile.string(), "--json", json.string()});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  auto [line, hint] = check_line(result.out, "FAIL     login            alice@alpha:");
  EXPECT_THAT(line, HasSubstr("NO [AUTHENTICATIONFAILED]"));
  EXPECT_THAT(hint, HasSubstr("hint: user alice (" + location_of(profile, "id=\"alice\"") +
                              ") cannot log in on server alpha as \"alice\""));
  EXPECT_THAT(hint, HasSubstr("check login and password there"));
  EXPECT_THAT(result.out, HasSubstr("skipped  mailbox          shared/local (local-shared): login of alice on alpha failed (above)"));
  EXPECT_THAT(result.out, HasSubstr("Target NOT usable"));

  auto document = boost::json::parse(read_file(json)).as_object();
  EXPECT_FALSE(document.at("usable").as_bool());
  bool found = false;
  for (const auto& check : document.at("checks").as_array()) {
    if (check.at("kind").as_string() != "login" || check.at("user").as_string() != "alice") continue;
    found = true;
    EXPECT_EQ(check.at("verdict").as_string(), "fail");
    EXPECT_EQ(check.at("server").as_string(), "alpha");
    EXPECT_THAT(std::string(check.at("hint").as_string()), HasSubstr("check login and password there"));
  }
  EXPECT_TRUE(found);
}

TEST_F(DoctorCommandTest, AWrongPortIsUnreachableAndLaterChecksThereAreSkipped) {
  const unsigned port = closed_port();
  auto profile = wrong_port_profile(port);
  auto result = referee({"doctor", "--target", profile.string()});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  auto [line, hint] = check_line(result.out, "FAIL     reach            alpha:");
  EXPECT_THAT(line, HasSubstr("127.0.0.1:" + std::to_string(port) + " (tls=none): no greeting"));
  EXPECT_THAT(hint, HasSubstr("hint: server alpha (" + location_of(profile, "id=\"alpha\"") + ") unreachable at 127.0.0.1:" +
                              std::to_string(port)));
  EXPECT_THAT(hint, HasSubstr("check host, port and tls there"));
  EXPECT_THAT(result.out, HasSubstr("skipped  login            alice@alpha: server alpha is unreachable (above)"));
}

TEST_F(DoctorCommandTest, ATlsMismatchNamesTheTlsAttribute) {
  auto profile = doctor_profile("tls-mismatch");
  auto result = referee({"doctor", "--target", profile.string()});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  auto [line, hint] = check_line(result.out, "FAIL     reach            alpha:");
  EXPECT_THAT(line, HasSubstr("(tls=implicit): no greeting"));
  EXPECT_THAT(line, HasSubstr("TLS"));
  EXPECT_THAT(hint, HasSubstr("server alpha (" + location_of(profile, "id=\"alpha\"") + ")"));
  EXPECT_THAT(hint, HasSubstr("tls=\"implicit\" there"));
}

TEST_F(DoctorCommandTest, AMailboxRoleTheServerDoesNotHaveFailsNamingItsLine) {
  auto profile = doctor_profile("missing-mailbox");
  auto result = referee({"doctor", "--target", profile.string()});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  auto [line, hint] = check_line(result.out, "FAIL     mailbox          remote/no-such-project (remote):");
  EXPECT_THAT(line, HasSubstr("STATUS as alice: A3 NO [NONEXISTENT]"));
  EXPECT_THAT(hint, HasSubstr("hint: mailbox \"remote/no-such-project\" (" +
                              location_of(profile, "remote/no-such-project") + ") on server beta"));
  EXPECT_THAT(hint, HasSubstr("fix name= or server= there"));
  EXPECT_THAT(result.out, HasSubstr("ok       mailbox          remote (remote-parent)"));
}

TEST_F(DoctorCommandTest, ACreatorWhoMayNotCreateFailsAndTheAdminProfileFixesIt) {
  auto profile = doctor_profile("creator-may-not-create");
  auto result = referee({"doctor", "--target", profile.string()});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  auto [line, hint] = check_line(result.out, "FAIL     test-mailbox     beta as alice:");
  EXPECT_THAT(hint, HasSubstr("hint: alice may not make test mailboxes on server beta: CREATE \"referee-test/"));
  EXPECT_THAT(hint, HasSubstr("NO Permission denied"));
  EXPECT_THAT(hint, HasSubstr("<server id=\"beta\" creator=\"ROLE\""));
  EXPECT_THAT(result.out, HasSubstr("ok       test-mailbox     alpha as alice"));

  auto fixed = referee({"doctor", "--target", (source_dir() / "fixtures/targets/reference-admin-create.xml").string()});
  EXPECT_EQ(fixed.exit_code, 0) << fixed.out << fixed.err;
  EXPECT_THAT(check_line(fixed.out, "ok       test-mailbox     beta as admin:").first,
              HasSubstr("CREATE and DELETE"));
}

TEST_F(DoctorCommandTest, NonDestructiveTestMailboxesSkipTheCreateCheck) {
  auto result = referee({"doctor", "--target", doctor_profile("not-destructive").string()});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("skipped  test-mailbox     every server: <test-mailboxes destructive=\"false\">"));
  EXPECT_THAT(result.out, Not(HasSubstr("CREATE and DELETE")));
}

TEST_F(DoctorCommandTest, ABadProfileExitsTwoAsRunDoes) {
  auto broken = directory_ / "broken.xml";
  std::ofstream(broken) << "<?xml version=\"1.0\"?>\n<profile xmlns=\"urn:referee:profile:1\">\n"
                           "  <servers><server id=\"alpha\"/></servers>\n</profile>\n";
  auto result = referee({"doctor", "--target", broken.string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr(broken.string() + ":"));
  EXPECT_EQ(referee({"doctor", "--timeout", "soon"}).exit_code, 2);
}

// `referee run` makes the same preflight checks and gives the same hints.
TEST_F(DoctorCommandTest, RunReportsAFailedLoginAsAnErrorWithTheDoctorsHint) {
  auto profile = doctor_profile("wrong-password");
  auto out = directory_ / "results";
  auto result = referee({"run", "--target", profile.string(), "--filter", "rfc2193/4.1/select-remote-mailbox",
                         "--out", out.string(), "-q", "--color", "never"});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  auto document = boost::json::parse(read_file(out / "results.json")).as_object();
  const auto& scenario = document.at("scenarios").as_array().at(0).as_object();
  EXPECT_EQ(scenario.at("outcome").as_string(), "error");
  std::string reason(scenario.at("reason").as_string());
  EXPECT_THAT(reason, HasSubstr("preflight: user alice (" + location_of(profile, "id=\"alice\"") +
                                ") cannot log in on server alpha as \"alice\""));
  EXPECT_THAT(reason, HasSubstr("check login and password there"));
}

TEST_F(DoctorCommandTest, RunStopsOnAnUnreachableServerWithTheDoctorsHint) {
  const unsigned port = closed_port();
  auto profile = wrong_port_profile(port);
  auto result = referee({"run", "--target", profile.string(), "--filter", "rfc2193/4.1/select-remote-mailbox",
                         "--out", (directory_ / "results").string(), "-q", "--color", "never"});
  EXPECT_EQ(result.exit_code, 3) << result.out << result.err;
  EXPECT_THAT(result.err, HasSubstr("server alpha (" + location_of(profile, "id=\"alpha\"") + ") unreachable at 127.0.0.1:" +
                                    std::to_string(port)));
  EXPECT_THAT(result.err, HasSubstr("check host, port and tls there"));
}

}  // namespace
}  // namespace referee::cli
