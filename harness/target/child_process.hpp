#pragma once
// One process started from a hook, driven from one executor: its stdout and stderr are read
// line by line into the OutputLog for as long as it runs (a pipe left unread would block a
// chatty server), its exit is watched, and stop() ends it by pid: SIGTERM, then SIGKILL once
// the grace period has passed.
//
//   start ──► reader(stdout) ──► log, on_stdout_line      (until EOF)
//         ──► reader(stderr) ──► log                       (until EOF)
//         ──► exit watcher ──► exited event                (reaps the process)

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/readable_pipe.hpp>

#include "harness/net/deadline.hpp"
#include "harness/target/hook_command.hpp"
#include "harness/target/one_shot_event.hpp"
#include "harness/target/output_log.hpp"
#include "harness/target/process_v2.hpp"
#include "harness/target/target_error.hpp"

namespace referee::target {

// How stop() begins: by sending SIGTERM, or by waiting (a stop command already asked).
enum class StopStart { sigterm, wait };

class ChildProcess {
 public:
  using LineHandler = std::function<void(std::string_view line)>;

  // `label` prefixes every captured line: "launch stdout: READY ...".
  ChildProcess(boost::asio::any_io_executor executor, OutputLog& log, std::string label);
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess();  // a process still running is killed (SIGKILL) and reaped

  // Starts the process; `on_stdout_line` sees each stdout line (without the line end).
  TargetResult<void> start(const PreparedCommand& command, LineHandler on_stdout_line = {});

  std::optional<int> pid() const { return pid_; }
  bool exited() const { return exited_.is_set(); }
  // The exit status of a process that exited normally; nullopt while running or if signalled.
  std::optional<int> exit_status() const;
  // "exited with status 1", "killed by signal 9", "running".
  std::string describe_exit() const;

  // True when the process exited before `deadline`.
  boost::asio::awaitable<bool> wait_exit(net::Deadline deadline);
  // Ends the process: SIGTERM (unless `start` says it was asked already), up to `grace` for it
  // to exit, then SIGKILL; returns once it is reaped. A process that already exited is left.
  boost::asio::awaitable<void> stop(std::chrono::milliseconds grace, StopStart start);
  // Waits until both output pipes reached end of file, or closes them at `deadline` (a
  // grandchild may keep them open). Call before destruction so no read is left pending.
  boost::asio::awaitable<void> finish_output(net::Deadline deadline);

 private:
  boost::asio::awaitable<void> read_lines(boost::asio::readable_pipe& pipe, std::string stream,
                                          LineHandler on_line);
  boost::asio::awaitable<void> watch_exit();
  void send_signal(int signal_number);
  std::string describe_exit_status() const;

  boost::asio::any_io_executor executor_;
  OutputLog& log_;
  std::string label_;
  boost::asio::readable_pipe stdout_pipe_;
  boost::asio::readable_pipe stderr_pipe_;
  std::unique_ptr<boost::process::v2::process> process_;
  std::optional<int> pid_;
  OneShotEvent exited_;
  OneShotEvent stdout_closed_;
  OneShotEvent stderr_closed_;
  int native_status_ = 0;
};

}  // namespace referee::target
