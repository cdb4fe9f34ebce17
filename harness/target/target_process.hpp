#pragma once
// The system under test as a process Referee runs: the profile's launch hook started and
// awaited until ready, its reset hook, and its stop. The launched process is ALWAYS stopped:
// by stop(), by the destructor (errors, exceptions), and when Referee itself gets SIGINT,
// SIGTERM or SIGHUP (the process is stopped first, then Referee dies of the same signal).
//
// Owns one I/O thread: the launched server's output must be read while the engine runs, or a
// chatty server would block on a full pipe. Callers use it from one thread.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include "harness/profile/model.hpp"
#include "harness/target/child_process.hpp"
#include "harness/target/hook_command.hpp"
#include "harness/target/one_shot_event.hpp"
#include "harness/target/output_log.hpp"
#include "harness/target/target_error.hpp"

namespace referee::target {

struct LaunchSettings {
  // Appended to the launch hook's arguments (the CLI's --fixture-strategy / --fixture-fault).
  std::vector<std::string> extra_launch_args;
  // Off in tests that must not have the test binary die of a signal.
  bool stop_on_signals = true;
};

class TargetProcess {
 public:
  explicit TargetProcess(LaunchSettings settings = {});
  TargetProcess(const TargetProcess&) = delete;
  TargetProcess& operator=(const TargetProcess&) = delete;
  ~TargetProcess();  // stop()

  // Starts the launch hook and waits, up to its deadline, until a stdout line starts with the
  // ready text (its id=host:port tokens fill servers without a port) and/or every server
  // accepts a TCP connection. Without a launch hook nothing starts. Afterwards every server has
  // a port, or this fails. On failure the process has already been stopped.
  TargetResult<void> launch(profile::Profile& profile);
  // Runs the reset hook to completion (killed at its deadline); no hook: nothing to do.
  TargetResult<void> reset(const profile::Profile& profile);
  // Ends the launched process (docs/PROFILE.md, hooks/stop): the stop hook's command if it has
  // one, else SIGTERM; SIGKILL when the process is still alive after the grace period (the
  // stop hook's, else the launch hook's). Safe to call more than once.
  void stop();

  // Everything the launched process and hooks wrote so far, "launch stdout: ...".
  std::vector<std::string> output() const { return log_.lines(); }
  std::optional<int> pid() const;
  bool running() const;
  // The ready line seen (empty when readiness came from connects only).
  std::string ready_line() const;

 private:
  template <typename T>
  T run_on_io_thread(boost::asio::awaitable<T> operation) const;
  boost::asio::awaitable<TargetResult<void>> launch_on_io(profile::Profile& profile,
                                                          PreparedCommand command);
  boost::asio::awaitable<TargetResult<void>> await_ready(profile::Profile& profile,
                                                         net::Deadline deadline);
  boost::asio::awaitable<TargetResult<void>> await_ready_line(profile::Profile& profile,
                                                              net::Deadline deadline);
  boost::asio::awaitable<TargetResult<void>> await_connects(const profile::Profile& profile,
                                                            net::Deadline deadline);
  boost::asio::awaitable<TargetResult<void>> run_to_completion(profile::Hook hook,
                                                               std::string role);
  boost::asio::awaitable<bool> stop_on_io();
  void watch_signals();
  TargetProblem launch_problem(target_error error, std::string what) const;

  LaunchSettings settings_;
  mutable OutputLog log_;
  mutable boost::asio::io_context io_;  // posting work is not a change of the target
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::unique_ptr<ChildProcess> launched_;
  std::optional<profile::Hook> launch_hook_;
  std::optional<profile::Hook> stop_hook_;
  std::string profile_file_;
  OneShotEvent ready_seen_;
  std::string ready_line_;
  boost::asio::signal_set signals_;
  std::thread io_thread_;
};

}  // namespace referee::target
