#include "harness/target/target_process.hpp"

#include <poll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_future.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/target/readiness.hpp"

namespace referee::target {
namespace {

using namespace std::chrono_literals;
using ::testing::Contains;
using ::testing::HasSubstr;

// The launched process has been reaped: nothing answers to its pid any more.
bool process_gone(int pid) { return ::kill(pid, 0) == -1 && errno == ESRCH; }

profile::Server server(std::string id, std::optional<std::uint16_t> port = std::nullopt) {
  profile::Server made;
  made.id = std::move(id);
  made.host = "127.0.0.1";
  made.port = port;
  return made;
}

profile::Profile fake_target(std::vector<std::string> args) {
  profile::Profile profile;
  profile.name = "fake";
  profile.file = "/tmp/fake-profile.xml";
  profile::Hook launch;
  launch.command = REFEREE_FAKE_TARGET;
  launch.args = std::move(args);
  launch.ready_line = "READY";
  launch.deadline = 5s;
  launch.stop_grace = 2s;
  launch.where = {"/tmp/fake-profile.xml", 4, 3};
  profile.launch = launch;
  return profile;
}

LaunchSettings quiet_settings() {
  LaunchSettings settings;
  settings.stop_on_signals = false;  // a signal to the test binary is not this test's business
  return settings;
}

bool accepts_connections(const profile::Server& server) {
  boost::asio::io_context io;
  auto done = boost::asio::co_spawn(io, try_connect(server.host, *server.port, net::deadline_after(2s)),
                                    boost::asio::use_future);
  io.run();
  return done.get();
}

TEST(TargetProcess, ReadyLineFillsAnnouncedPortsAndServersAcceptConnections) {
  auto profile = fake_target({"--listen", "alpha", "--listen", "beta", "--ready", "READY"});
  profile.servers = {server("alpha"), server("beta")};
  TargetProcess target(quiet_settings());
  auto launched = target.launch(profile);
  ASSERT_TRUE(launched) << launched.error().message;
  ASSERT_TRUE(profile.servers[0].port && profile.servers[1].port);
  EXPECT_NE(profile.servers[0].port, profile.servers[1].port);
  EXPECT_THAT(target.ready_line(), HasSubstr("alpha=127.0.0.1:"));
  EXPECT_TRUE(accepts_connections(profile.servers[0]));
  EXPECT_TRUE(accepts_connections(profile.servers[1]));
  EXPECT_TRUE(target.running());
}

// SIGKILL gives Referee no chance to stop what it launched: the launched server must still go.
TEST(TargetProcess, LaunchedServerDiesWithAKilledReferee) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  pid_t referee = ::fork();
  ASSERT_NE(referee, -1);
  if (referee == 0) {  // stands for a Referee run: launches, reports the pid, waits to be killed
    ::close(pipe_fds[0]);
    auto profile = fake_target({"--listen", "alpha", "--ready", "READY"});
    profile.servers = {server("alpha")};
    TargetProcess target(quiet_settings());
    int pid = target.launch(profile) ? target.pid().value_or(-1) : -1;
    if (::write(pipe_fds[1], &pid, sizeof pid) != sizeof pid) ::_exit(1);
    ::pause();
    ::_exit(0);
  }
  ::close(pipe_fds[1]);
  int launched = -1;
  ASSERT_EQ(::read(pipe_fds[0], &launched, sizeof launched), static_cast<ssize_t>(sizeof launched));
  ::close(pipe_fds[0]);
  ASSERT_GT(launched, 0);
  // Opened while the server runs: its end makes the pidfd readable, reaped or not (a
  // container's pid 1 may never reap the orphan), and no reused pid can be mistaken for it.
  int server_end = static_cast<int>(::syscall(SYS_pidfd_open, launched, 0));
  ASSERT_GE(server_end, 0) << "pidfd_open: " << std::strerror(errno);
  ::kill(referee, SIGKILL);
  ::waitpid(referee, nullptr, 0);
  pollfd ended{.fd = server_end, .events = POLLIN, .revents = 0};
  bool outlived = ::poll(&ended, 1, 10'000) != 1;
  ::close(server_end);
  EXPECT_FALSE(outlived) << "pid " << launched << " outlived the killed Referee";
  if (outlived) ::kill(launched, SIGKILL);
}

TEST(TargetProcess, PassesArgumentsEnvironmentAndWorkingDirectory) {
  auto profile = fake_target({"--print-env", "FAKE_MODE", "--print-env", "HOME", "--print-cwd",
                              "--stderr", "warming up", "hello", "--ready", "READY"});
  profile.launch->env = {{"FAKE_MODE", "strict"}};
  profile.launch->working_dir = "/tmp";
  LaunchSettings settings = quiet_settings();
  settings.extra_launch_args = {"--strategy", "delete=ghost"};
  TargetProcess target(settings);
  ASSERT_TRUE(target.launch(profile));
  target.stop();
  auto output = target.output();
  EXPECT_THAT(output, Contains("launch stdout: ENV FAKE_MODE=strict"));
  EXPECT_THAT(output, Contains("launch stdout: ENV HOME=" + std::string(std::getenv("HOME"))));
  EXPECT_THAT(output, Contains("launch stdout: CWD /tmp"));
  EXPECT_THAT(output, Contains("launch stdout: ARG hello"));
  auto hello = std::find(output.begin(), output.end(), "launch stdout: ARG hello");
  auto appended = std::find(output.begin(), output.end(), "launch stdout: ARG delete=ghost");
  ASSERT_NE(appended, output.end());
  EXPECT_LT(hello, appended);  // after the profile's own arguments
  EXPECT_THAT(output, Contains("launch stderr: warming up"));
}

TEST(TargetProcess, ReadyByConnectWaitsUntilEveryServerListens) {
  // A port that is free now; the fake server binds it once started.
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor probe(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  auto port = probe.local_endpoint().port();
  probe.close();
  auto profile = fake_target({"--listen-port", std::to_string(port)});
  profile.launch->ready_line.reset();
  profile.launch->ready_on_connect = true;
  profile.servers = {server("alpha", port)};
  TargetProcess target(quiet_settings());
  auto launched = target.launch(profile);
  ASSERT_TRUE(launched) << launched.error().message;
  EXPECT_TRUE(accepts_connections(profile.servers[0]));
}

TEST(TargetProcess, DeadlineExpiryWithoutReadyLineKillsTheProcess) {
  auto profile = fake_target({});  // never prints READY
  profile.launch->deadline = 300ms;
  TargetProcess target(quiet_settings());
  auto launched = target.launch(profile);
  ASSERT_FALSE(launched);
  EXPECT_EQ(launched.error().code, make_error_code(target_error::not_ready_in_time));
  EXPECT_THAT(launched.error().message, HasSubstr("launch hook (/tmp/fake-profile.xml:4:3)"));
  EXPECT_THAT(launched.error().message, HasSubstr("no stdout line starting with \"READY\""));
  EXPECT_THAT(launched.error().message, HasSubstr("| launch stdout: PID"));  // output quoted
  ASSERT_TRUE(target.pid());
  EXPECT_FALSE(target.running());
  EXPECT_TRUE(process_gone(*target.pid()));
}

TEST(TargetProcess, DeadlineExpiryWhileNothingListensKillsTheProcess) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor probe(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  auto unused_port = probe.local_endpoint().port();
  probe.close();
  auto profile = fake_target({});
  profile.launch->ready_line.reset();
  profile.launch->ready_on_connect = true;
  profile.launch->deadline = 300ms;
  profile.servers = {server("alpha", unused_port)};
  TargetProcess target(quiet_settings());
  auto launched = target.launch(profile);
  ASSERT_FALSE(launched);
  EXPECT_EQ(launched.error().code, make_error_code(target_error::not_ready_in_time));
  EXPECT_THAT(launched.error().message, HasSubstr("server alpha (127.0.0.1:"));
  EXPECT_TRUE(process_gone(*target.pid()));
}

TEST(TargetProcess, ExitBeforeReadyIsReportedWithItsStatus) {
  auto profile = fake_target({"--stderr", "config file missing", "--exit", "3"});
  TargetProcess target(quiet_settings());
  auto launched = target.launch(profile);
  ASSERT_FALSE(launched);
  EXPECT_EQ(launched.error().code, make_error_code(target_error::exited_before_ready));
  EXPECT_THAT(launched.error().message, HasSubstr("exited with status 3 before printing \"READY\""));
  EXPECT_THAT(target.output(), Contains("launch stderr: config file missing"));
}

TEST(TargetProcess, ServerWithoutPortAndNoAnnouncementIsAnError) {
  auto profile = fake_target({"--ready", "READY"});
  profile.servers = {server("alpha")};
  TargetProcess target(quiet_settings());
  auto launched = target.launch(profile);
  ASSERT_FALSE(launched);
  EXPECT_EQ(launched.error().code, make_error_code(target_error::port_unknown));
  EXPECT_TRUE(process_gone(*target.pid()));
}

TEST(TargetProcess, StopEscalatesToSigkillForAProcessIgnoringSigterm) {
  auto profile = fake_target({"--ignore-sigterm", "--ready", "READY"});
  profile.launch->stop_grace = 200ms;
  TargetProcess target(quiet_settings());
  ASSERT_TRUE(target.launch(profile));
  auto started = std::chrono::steady_clock::now();
  target.stop();
  EXPECT_GE(std::chrono::steady_clock::now() - started, 200ms);
  EXPECT_TRUE(process_gone(*target.pid()));
  auto output = target.output();
  EXPECT_THAT(output, Contains(HasSubstr("still running after 200 ms, sending SIGKILL")));
  EXPECT_THAT(output, Contains(HasSubstr("killed by signal 9")));
}

TEST(TargetProcess, StopEndsACooperativeProcessWithSigterm) {
  auto profile = fake_target({"--ready", "READY"});
  TargetProcess target(quiet_settings());
  ASSERT_TRUE(target.launch(profile));
  target.stop();
  target.stop();  // idempotent
  EXPECT_TRUE(process_gone(*target.pid()));
  EXPECT_THAT(target.output(), Contains(HasSubstr("killed by signal 15")));
  EXPECT_THAT(target.output(), ::testing::Not(Contains(HasSubstr("SIGKILL"))));
}

TEST(TargetProcess, DestructorStopsTheProcess) {
  int pid = 0;
  {
    auto profile = fake_target({"--ready", "READY"});
    TargetProcess target(quiet_settings());
    ASSERT_TRUE(target.launch(profile));
    pid = *target.pid();
    EXPECT_FALSE(process_gone(pid));
  }
  EXPECT_TRUE(process_gone(pid));
}

TEST(TargetProcess, StopCommandReplacesSigterm) {
  auto pid_file = std::filesystem::temp_directory_path() / "referee-stop-command-test.pid";
  auto profile = fake_target({"--pid-file", pid_file.string(), "--ready", "READY"});
  profile::Hook stop_hook;
  stop_hook.command = "/bin/sh";
  stop_hook.args = {"-c", "echo stopping; kill -TERM \"$(cat '" + pid_file.string() + "')\""};
  profile.stop = stop_hook;
  TargetProcess target(quiet_settings());
  ASSERT_TRUE(target.launch(profile));
  target.stop();
  EXPECT_TRUE(process_gone(*target.pid()));
  auto output = target.output();
  EXPECT_THAT(output, Contains("stop stdout: stopping"));
  EXPECT_THAT(output, Contains(HasSubstr("killed by signal 15")));
  EXPECT_THAT(output, ::testing::Not(Contains(HasSubstr("sending SIG"))));
  std::filesystem::remove(pid_file);
}

TEST(TargetProcess, StopHookWithoutCommandGivesTheGracePeriod) {
  auto profile = fake_target({"--ignore-sigterm", "--ready", "READY"});
  profile.launch->stop_grace = 5s;
  profile::Hook stop_hook;
  stop_hook.stop_grace = 200ms;
  profile.stop = stop_hook;
  TargetProcess target(quiet_settings());
  ASSERT_TRUE(target.launch(profile));
  target.stop();
  EXPECT_TRUE(process_gone(*target.pid()));
  EXPECT_THAT(target.output(), Contains(HasSubstr("still running after 200 ms, sending SIGKILL")));
}

profile::Profile with_reset(std::vector<std::string> args, std::chrono::milliseconds deadline = 5s) {
  profile::Profile profile;
  profile.file = "/tmp/fake-profile.xml";
  profile::Hook reset;
  reset.command = REFEREE_FAKE_TARGET;
  reset.args = std::move(args);
  reset.deadline = deadline;
  reset.stop_grace = 200ms;
  profile.reset = reset;
  return profile;
}

TEST(TargetProcess, ResetHookSucceedsWhenItExitsZero) {
  TargetProcess target(quiet_settings());
  auto reset = target.reset(with_reset({"wipe", "--exit", "0"}));
  ASSERT_TRUE(reset) << reset.error().message;
  EXPECT_THAT(target.output(), Contains("reset stdout: ARG wipe"));
}

TEST(TargetProcess, ResetHookFailureAndTimeoutAreErrors) {
  TargetProcess target(quiet_settings());
  auto failed = target.reset(with_reset({"--exit", "2"}));
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, make_error_code(target_error::hook_failed));
  EXPECT_THAT(failed.error().message, HasSubstr("exited with status 2"));
  auto hung = target.reset(with_reset({}, 200ms));
  ASSERT_FALSE(hung);
  EXPECT_EQ(hung.error().code, make_error_code(target_error::hook_timed_out));
}

TEST(TargetProcess, NoLaunchHookStartsNothingButChecksPorts) {
  profile::Profile profile;
  profile.servers = {server("alpha", 143)};
  TargetProcess target(quiet_settings());
  EXPECT_TRUE(target.launch(profile));
  EXPECT_FALSE(target.pid());
  profile::Profile portless;
  portless.servers = {server("alpha")};
  TargetProcess other(quiet_settings());
  EXPECT_FALSE(other.launch(portless));
}

// Referee killed by SIGTERM while a server runs: the server goes first, then Referee dies of
// the same signal. Runs in a forked child so the test binary survives.
TEST(TargetProcess, SignalToRefereeStopsTheLaunchedProcessFirst) {
  int report[2];
  ASSERT_EQ(::pipe(report), 0);
  pid_t referee = ::fork();
  ASSERT_GE(referee, 0);
  if (referee == 0) {
    ::close(report[0]);
    auto profile = fake_target({"--ready", "READY"});
    TargetProcess target;  // stop_on_signals: the default
    if (!target.launch(profile)) ::_exit(10);
    int server_pid = *target.pid();
    if (::write(report[1], &server_pid, sizeof server_pid) != sizeof server_pid) ::_exit(11);
    for (;;) ::pause();
  }
  ::close(report[1]);
  int server_pid = 0;
  ASSERT_EQ(::read(report[0], &server_pid, sizeof server_pid), static_cast<ssize_t>(sizeof server_pid));
  ::close(report[0]);
  EXPECT_FALSE(process_gone(server_pid));
  ::kill(referee, SIGTERM);
  int status = 0;
  ASSERT_EQ(::waitpid(referee, &status, 0), referee);
  EXPECT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGTERM);
  EXPECT_TRUE(process_gone(server_pid));
}

}  // namespace
}  // namespace referee::target
