// SIGINT during `referee run`, as a user or CI sends it: the referee binary runs as a child
// process against the built-in target, whose fixture server hangs on NOOP (so a scenario is
// in flight for the whole deadline).
#include "harness/cli/interruption.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

extern char** environ;

namespace referee::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

#ifdef REFEREE_FIXTURE_SERVER
struct Child {
  pid_t pid = 0;
  int stderr_fd = -1;  // the read end of referee's stderr
  int stdout_fd = -1;  // and of its stdout: one line per finished scenario
};

Child spawn_referee(const fs::path& out, const std::string& timeout) {
  fs::path binary = REFEREE_TEST_CLI;
  std::vector<std::string> args = {binary.string(), "run", "--filter", "rfc3501/*",
                                   "--fixture-fault", "hang-on-noop", "--timeout", timeout,
                                   "--out", out.string(), "--color", "never"};
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  int err_pipe[2], out_pipe[2];
  EXPECT_EQ(::pipe(err_pipe), 0);
  EXPECT_EQ(::pipe(out_pipe), 0);
  posix_spawn_file_actions_t actions;
  ::posix_spawn_file_actions_init(&actions);
  ::posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  ::posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  ::posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
  ::posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  Child child;
  EXPECT_EQ(::posix_spawn(&child.pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
  ::posix_spawn_file_actions_destroy(&actions);
  ::close(err_pipe[1]);
  ::close(out_pipe[1]);
  child.stderr_fd = err_pipe[0];
  child.stdout_fd = out_pipe[0];
  return child;
}

// The launched fixture server's pid, once referee has started it (polled: it is another
// process, there is nothing to await); 0 when it did not appear within 10 s.
pid_t wait_for_launched_server(pid_t referee) {
  auto give_up = Clock::now() + std::chrono::seconds(10);
  while (Clock::now() < give_up) {
    for (const auto& task : fs::directory_iterator("/proc/" + std::to_string(referee) + "/task")) {
      std::ifstream children(task.path() / "children");
      pid_t child = 0;
      if (children >> child) return child;
    }
    ::sched_yield();
  }
  return 0;
}

// Reads one of referee's outputs until `text` appears (or it ends); returns what was read.
std::string read_until(int fd, const std::string& text) {
  std::string seen;
  char buffer[256];
  while (seen.find(text) == std::string::npos) {
    auto count = ::read(fd, buffer, sizeof buffer);
    if (count <= 0) break;
    seen.append(buffer, static_cast<std::size_t>(count));
  }
  return seen;
}

int exit_status(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool process_exists(pid_t pid) {
  // A zombie (exited, not yet reaped by init) counts as gone.
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string pid_text, name, state;
  return stat >> pid_text >> name >> state && state != "Z";
}

class InterruptionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    out_ = fs::temp_directory_path() /
           ("referee-interruption-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(out_);
  }
  void TearDown() override { fs::remove_all(out_); }
  fs::path out_;
};

TEST_F(InterruptionTest, FirstSigintWritesResultsStopsTheTargetAndExits130) {
  Child referee = spawn_referee(out_, "1s");
  pid_t server = wait_for_launched_server(referee.pid);
  ASSERT_NE(server, 0);
  // Once the first scenario has finished (its progress line), the second is under way.
  EXPECT_NE(read_until(referee.stdout_fd, "\n").find("rfc3501/"), std::string::npos);
  auto interrupted = Clock::now();
  ::kill(referee.pid, SIGINT);
  EXPECT_EQ(exit_status(referee.pid), 130);
  // The step in flight ends at its deadline (2 s), then teardown and the target's stop.
  EXPECT_LT(Clock::now() - interrupted, std::chrono::seconds(6));
  EXPECT_FALSE(process_exists(server));
  std::ifstream file(out_ / "results.json");
  std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  auto scenarios = boost::json::parse(text).at("scenarios").as_array();
  EXPECT_EQ(scenarios.size(), 7u);  // every selected scenario is reported, run or not
  int not_run = 0;
  for (const auto& scenario : scenarios) {
    auto reason = std::string(scenario.at("reason").as_string());
    not_run += reason.starts_with("not run");
  }
  EXPECT_GE(not_run, 1) << text;
  EXPECT_LE(not_run, 6) << text;  // the first scenario finished and is reported as it ran
}

TEST_F(InterruptionTest, SecondSigintExitsAtOnce) {
  // The first SIGINT may land before the first scenario reaches its hanging NOOP (during
  // launch or namespace discovery); then the run winds down at once and writes its results
  // before the second signal. That attempt proves nothing either way: try again.
  for (int attempt = 0; attempt < 3; ++attempt) {
    fs::remove_all(out_);
    Child referee = spawn_referee(out_, "30s");
    pid_t server = wait_for_launched_server(referee.pid);
    ASSERT_NE(server, 0);
    auto interrupted = Clock::now();
    ::kill(referee.pid, SIGINT);
    // Two signals sent back to back may arrive as one: send the second once the first was seen.
    EXPECT_NE(read_until(referee.stderr_fd, "SIGINT:").find("again to exit at once"), std::string::npos);
    ::kill(referee.pid, SIGINT);
    EXPECT_EQ(exit_status(referee.pid), 130);
    EXPECT_LT(Clock::now() - interrupted, std::chrono::seconds(5));  // not the 30 s deadline
    // Killed, though possibly not yet reaped by init: wait for it to go.
    auto give_up = Clock::now() + std::chrono::seconds(5);
    while (process_exists(server) && Clock::now() < give_up) ::sched_yield();
    EXPECT_FALSE(process_exists(server));
    if (!fs::exists(out_ / "results.json")) return;  // the second signal cut the run short
  }
  ADD_FAILURE() << "in three attempts the second SIGINT never found the run still winding down";
}
#endif

TEST(Interruption, NoSignalNoName) {
  std::ostringstream err;
  Interruption interruption(err);
  EXPECT_FALSE(interruption.flag());
  EXPECT_EQ(interruption.signal_name(), "");
  EXPECT_EQ(err.str(), "");
}

}  // namespace
}  // namespace referee::cli
