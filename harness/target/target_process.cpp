#include "harness/target/target_process.hpp"

#include <csignal>
#include <stdexcept>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/use_future.hpp>
#include <fmt/format.h>

#include "harness/target/readiness.hpp"
#include "harness/target/ready_line.hpp"

namespace referee::target {

namespace asio = boost::asio;
using namespace asio::experimental::awaitable_operators;

namespace {

// Output lines quoted in a launch error: enough to show why a server did not start.
constexpr std::size_t kOutputLinesInErrors = 10;
// How long a stopped process's pipes may stay open (held by a grandchild) before being closed.
constexpr std::chrono::seconds kOutputDrainBound{2};

}  // namespace

TargetProcess::TargetProcess(LaunchSettings settings)
    : settings_(std::move(settings)),
      work_(io_.get_executor()),
      ready_seen_(io_.get_executor()),
      signals_(io_),
      io_thread_([this] { io_.run(); }) {}

TargetProcess::~TargetProcess() {
  stop();
  work_.reset();
  io_thread_.join();
}

template <typename T>
T TargetProcess::run_on_io_thread(asio::awaitable<T> operation) const {
  return asio::co_spawn(io_, std::move(operation), asio::use_future).get();
}

TargetResult<void> TargetProcess::launch(profile::Profile& profile) {
  if (launched_) throw std::logic_error("TargetProcess::launch called twice");
  profile_file_ = profile.file;
  stop_hook_ = profile.stop;
  if (!profile.launch) return check_ports_known(profile.servers);
  auto command = prepare_command(*profile.launch, "launch", profile.file);
  if (!command) return command.error();
  for (const auto& arg : settings_.extra_launch_args) command->args.push_back(arg);
  launch_hook_ = profile.launch;
  return run_on_io_thread(launch_on_io(profile, std::move(*command)));
}

asio::awaitable<TargetResult<void>> TargetProcess::launch_on_io(profile::Profile& profile,
                                                                PreparedCommand command) {
  launched_ = std::make_unique<ChildProcess>(io_.get_executor(), log_, "launch");
  const auto& ready_text = launch_hook_->ready_line;
  auto started = launched_->start(command, [this, ready_text](std::string_view line) {
    if (ready_text && !ready_seen_.is_set() && is_ready_line(line, *ready_text)) {
      ready_line_ = std::string(line);
      ready_seen_.set();
    }
  });
  if (!started) co_return started.error();
  if (settings_.stop_on_signals) watch_signals();
  auto ready = co_await await_ready(profile, net::deadline_after(launch_hook_->deadline));
  if (!ready) co_await stop_on_io();
  co_return ready;
}

asio::awaitable<TargetResult<void>> TargetProcess::await_ready(profile::Profile& profile,
                                                               net::Deadline deadline) {
  const auto& hook = *launch_hook_;
  if (hook.ready_line) {
    auto by_line = co_await await_ready_line(profile, deadline);
    if (!by_line) co_return by_line;
  }
  if (auto known = check_ports_known(profile.servers); !known) co_return known;
  // Neither given: connecting is the only readiness Referee can observe.
  if (!hook.ready_on_connect && hook.ready_line) co_return TargetResult<void>{};
  auto connected = co_await await_connects(profile, deadline);
  co_return connected;
}

asio::awaitable<TargetResult<void>> TargetProcess::await_ready_line(profile::Profile& profile,
                                                                    net::Deadline deadline) {
  co_await (ready_seen_.wait(deadline) || launched_->wait_exit(deadline));
  if (!ready_seen_.is_set()) {
    if (launched_->exited()) {
      co_return launch_problem(target_error::exited_before_ready,
                               fmt::format("{} before printing \"{}\"", launched_->describe_exit(),
                                           *launch_hook_->ready_line));
    }
    co_return launch_problem(target_error::not_ready_in_time,
                             fmt::format("no stdout line starting with \"{}\" within {} ms",
                                         *launch_hook_->ready_line,
                                         launch_hook_->deadline.count()));
  }
  auto announced = parse_ready_line(ready_line_, *launch_hook_->ready_line);
  if (!announced) co_return launch_problem(target_error::malformed_ready_line, announced.error().message);
  apply_announced(profile.servers, *announced);
  co_return TargetResult<void>{};
}

asio::awaitable<TargetResult<void>> TargetProcess::await_connects(const profile::Profile& profile,
                                                                  net::Deadline deadline) {
  std::string unreachable;
  auto outcome = co_await (await_connectable(profile.servers, deadline, unreachable) ||
                           launched_->wait_exit(deadline));
  bool all_connected = outcome.index() == 0 && std::get<0>(outcome);
  if (all_connected) co_return TargetResult<void>{};
  if (launched_->exited()) {
    co_return launch_problem(target_error::exited_before_ready,
                             launched_->describe_exit() + " before every server accepted connections");
  }
  co_return launch_problem(target_error::not_ready_in_time,
                           fmt::format("server {} did not accept a connection within {} ms",
                                       unreachable.empty() ? "?" : unreachable,
                                       launch_hook_->deadline.count()));
}

TargetProblem TargetProcess::launch_problem(target_error error, std::string what) const {
  const auto& where = launch_hook_->where;
  std::string message = fmt::format("launch hook ({}:{}:{}): {}", where.file, where.line,
                                    where.column, what);
  for (const auto& line : log_.tail(kOutputLinesInErrors)) message += "\n  | " + line;
  return {make_error_code(error), std::move(message)};
}

TargetResult<void> TargetProcess::reset(const profile::Profile& profile) {
  if (!profile.reset) return {};
  profile_file_ = profile.file;
  return run_on_io_thread(run_to_completion(*profile.reset, "reset"));
}

// A reset or stop hook: a command that must finish, successfully, before its deadline.
asio::awaitable<TargetResult<void>> TargetProcess::run_to_completion(profile::Hook hook,
                                                                     std::string role) {
  auto command = prepare_command(hook, role, profile_file_);
  if (!command) co_return command.error();
  ChildProcess child(io_.get_executor(), log_, role);
  if (auto started = child.start(*command); !started) co_return started.error();
  bool finished = co_await child.wait_exit(net::deadline_after(hook.deadline));
  if (!finished) co_await child.stop(hook.stop_grace, StopStart::sigterm);
  co_await child.finish_output(net::deadline_after(kOutputDrainBound));
  if (!finished) {
    co_return TargetProblem{make_error_code(target_error::hook_timed_out),
                            fmt::format("{}: did not finish within {} ms", command->describe,
                                        hook.deadline.count())};
  }
  if (child.exit_status() != 0) {
    co_return TargetProblem{make_error_code(target_error::hook_failed),
                            fmt::format("{}: {}", command->describe, child.describe_exit())};
  }
  co_return TargetResult<void>{};
}

void TargetProcess::stop() { run_on_io_thread(stop_on_io()); }

// Returns whether there was anything to stop.
asio::awaitable<bool> TargetProcess::stop_on_io() {
  if (!launched_) co_return false;
  std::optional<profile::Hook> hook = std::exchange(stop_hook_, std::nullopt);
  bool anything_to_stop = !launched_->exited();
  auto grace = hook ? hook->stop_grace : launch_hook_->stop_grace;
  auto first_step = StopStart::sigterm;
  if (hook && !hook->command.empty() && anything_to_stop) {
    // A failing stop command is reported in the output; SIGKILL still follows the grace.
    auto stopped = co_await run_to_completion(*hook, "stop");
    if (!stopped) log_.append(stopped.error().message);
    first_step = StopStart::wait;
  }
  co_await launched_->stop(grace, first_step);
  co_await launched_->finish_output(net::deadline_after(kOutputDrainBound));
  // Back to the default dispositions: a later Ctrl-C must end Referee, not be queued here.
  boost::system::error_code ignored;
  signals_.clear(ignored);
  signals_.cancel(ignored);
  co_return anything_to_stop;
}

// Referee interrupted: the launched server must not outlive it. Stop it, then let the signal
// take its default course so the parent shell sees what happened.
void TargetProcess::watch_signals() {
  boost::system::error_code ignored;
  signals_.add(SIGINT, ignored);
  signals_.add(SIGTERM, ignored);
  signals_.add(SIGHUP, ignored);
  signals_.async_wait([this](boost::system::error_code error, int signal_number) {
    if (error) return;
    asio::co_spawn(io_, stop_on_io(), [signal_number](std::exception_ptr, bool) {
      std::signal(signal_number, SIG_DFL);
      std::raise(signal_number);
    });
  });
}

std::optional<int> TargetProcess::pid() const {
  return launched_ ? launched_->pid() : std::nullopt;
}

bool TargetProcess::running() const {
  if (!launched_) return false;
  return run_on_io_thread([](const ChildProcess& child) -> asio::awaitable<bool> {
    co_return !child.exited();
  }(*launched_));
}

std::string TargetProcess::ready_line() const { return ready_line_; }

}  // namespace referee::target
