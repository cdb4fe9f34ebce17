#include "harness/target/child_process.hpp"

#include <csignal>
#include <cstdlib>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/steady_timer.hpp>
#include <fmt/format.h>

namespace referee::target {

namespace asio = boost::asio;
namespace process_v2 = boost::process::v2;

namespace {

// The child's whole environment. Stands in for process_v2::process_environment, whose
// on_setup Boost 1.81 defines only in the separately compiled library.
struct EnvironmentInitializer {
  explicit EnvironmentInitializer(const std::vector<std::string>& entries) {
    for (const auto& entry : entries) pointers.push_back(entry.c_str());
    pointers.push_back(nullptr);
  }
  boost::system::error_code on_setup(process_v2::posix::default_launcher& launcher,
                                     const std::filesystem::path&, const char* const*) {
    launcher.env = pointers.data();
    return {};
  }
  std::vector<const char*> pointers;
};

// The child dies with Referee: a run that crashes or is killed (SIGKILL leaves no time to stop
// anything) must not leave a server behind that holds its ports. PR_SET_PDEATHSIG follows the
// thread that forked, TargetProcess's I/O thread, which lives until every child it started
// is stopped. Runs in the child between fork and exec.
struct DiesWithParent {
  pid_t parent = ::getpid();
  boost::system::error_code on_exec_setup(process_v2::posix::default_launcher&,
                                          const std::filesystem::path&, const char* const*&) {
    if (::prctl(PR_SET_PDEATHSIG, SIGTERM) != 0) {
      return {errno, boost::system::system_category()};
    }
    if (::getppid() != parent) ::_exit(EXIT_FAILURE);  // the parent died before prctl
    return {};
  }
};

}  // namespace

ChildProcess::ChildProcess(asio::any_io_executor executor, OutputLog& log, std::string label)
    : executor_(executor),
      log_(log),
      label_(std::move(label)),
      stdout_pipe_(executor),
      stderr_pipe_(executor),
      exited_(executor),
      stdout_closed_(executor),
      stderr_closed_(executor) {}

ChildProcess::~ChildProcess() {
  // Last resort for a caller that did not stop() it: basic_process kills and reaps.
  boost::system::error_code ignored;
  if (process_ && !exited()) process_->terminate(ignored);
  if (process_) process_->detach();
}

TargetResult<void> ChildProcess::start(const PreparedCommand& command, LineHandler on_stdout_line) {
  // Points into command.environment, which outlives the launch.
  EnvironmentInitializer environment(command.environment);
  boost::system::error_code error;
  process_ = std::make_unique<process_v2::process>(process_v2::default_process_launcher()(
      executor_, error, command.executable, command.args,
      process_v2::process_stdio{nullptr, stdout_pipe_, stderr_pipe_},
      process_v2::process_start_dir{command.working_dir}, environment, DiesWithParent{}));
  if (error) {
    process_.reset();
    return TargetProblem{make_error_code(target_error::spawn_failed),
                         fmt::format("{}: cannot start {} in {}: {}", command.describe,
                                     command.executable.string(), command.working_dir.string(),
                                     error.message())};
  }
  pid_ = process_->id();
  log_.append(fmt::format("{}: started pid {}: {}", label_, *pid_, command.executable.string()));
  asio::co_spawn(executor_, read_lines(stdout_pipe_, "stdout", std::move(on_stdout_line)),
                 asio::detached);
  asio::co_spawn(executor_, read_lines(stderr_pipe_, "stderr", {}), asio::detached);
  asio::co_spawn(executor_, watch_exit(), asio::detached);
  return {};
}

asio::awaitable<void> ChildProcess::read_lines(asio::readable_pipe& pipe, std::string stream,
                                               LineHandler on_line) {
  std::string buffer;
  auto deliver = [&](std::string_view line) {
    if (line.ends_with('\r')) line.remove_suffix(1);
    log_.append(fmt::format("{} {}: {}", label_, stream, line));
    if (on_line) on_line(line);
  };
  for (;;) {
    auto [error, size] = co_await asio::async_read_until(
        pipe, asio::dynamic_buffer(buffer), '\n', asio::as_tuple(asio::use_awaitable));
    if (error) break;
    deliver(std::string_view(buffer).substr(0, size - 1));
    buffer.erase(0, size);
  }
  if (!buffer.empty()) deliver(buffer);  // a last line without a line end
  (&pipe == &stdout_pipe_ ? stdout_closed_ : stderr_closed_).set();
}

asio::awaitable<void> ChildProcess::watch_exit() {
  auto [error, code] = co_await process_->async_wait(asio::as_tuple(asio::use_awaitable));
  native_status_ = process_->native_exit_code();
  if (error) log_.append(fmt::format("{}: waiting for exit failed: {}", label_, error.message()));
  log_.append(fmt::format("{}: pid {} {}", label_, pid_.value_or(0), describe_exit_status()));
  exited_.set();
  (void)code;
}

std::optional<int> ChildProcess::exit_status() const {
  if (!exited() || !WIFEXITED(native_status_)) return std::nullopt;
  return WEXITSTATUS(native_status_);
}

std::string ChildProcess::describe_exit() const {
  if (!exited()) return "running";
  return describe_exit_status();
}

std::string ChildProcess::describe_exit_status() const {
  if (WIFEXITED(native_status_)) return fmt::format("exited with status {}", WEXITSTATUS(native_status_));
  if (WIFSIGNALED(native_status_)) return fmt::format("killed by signal {}", WTERMSIG(native_status_));
  return "ended";
}

asio::awaitable<bool> ChildProcess::wait_exit(net::Deadline deadline) {
  bool exited_in_time = co_await exited_.wait(deadline);
  co_return exited_in_time;
}

void ChildProcess::send_signal(int signal_number) {
  // Only while the exit watcher has not reaped it: the pid cannot have been reused yet.
  if (pid_ && !exited()) ::kill(*pid_, signal_number);
}

asio::awaitable<void> ChildProcess::stop(std::chrono::milliseconds grace, StopStart start) {
  if (!process_ || exited()) co_return;
  if (start == StopStart::sigterm) {
    log_.append(fmt::format("{}: sending SIGTERM to pid {}", label_, *pid_));
    send_signal(SIGTERM);
  }
  bool exited_in_grace = co_await exited_.wait(net::deadline_after(grace));
  if (exited_in_grace) co_return;
  log_.append(fmt::format("{}: pid {} still running after {} ms, sending SIGKILL", label_, *pid_,
                          grace.count()));
  send_signal(SIGKILL);
  // SIGKILL cannot be ignored; the bound only guards against a kernel that never reports.
  co_await exited_.wait(net::deadline_after(std::chrono::seconds(10)));
}

asio::awaitable<void> ChildProcess::finish_output(net::Deadline deadline) {
  if (!process_) co_return;
  // (GCC 12 miscompiles co_await inside && and ||: one await per statement.)
  bool stdout_closed = co_await stdout_closed_.wait(deadline);
  bool stderr_closed = co_await stderr_closed_.wait(deadline);
  if (stdout_closed && stderr_closed) co_return;
  boost::system::error_code ignored;
  stdout_pipe_.close(ignored);
  stderr_pipe_.close(ignored);
  // The cancelled reads complete now; wait for them so none outlives the pipes.
  co_await stdout_closed_.wait(net::Deadline::max());
  co_await stderr_closed_.wait(net::Deadline::max());
}

}  // namespace referee::target
