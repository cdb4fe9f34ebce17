#pragma once
// SIGINT, SIGTERM and SIGHUP during `referee run` (docs: README "Exit codes").
//
//   first signal   the run ends early: no new scenario starts, running ones stop after their
//                  current step and tear down their test mailboxes; the launched target is
//                  stopped, results of what finished are written (the rest "not run"), and
//                  referee exits 130.
//   second signal  exits at once (130): the launched target is killed, nothing is written.
//
// Signals are awaited on a thread of their own, so they are seen whatever the run's thread is
// waiting for; the run polls `flag()` between scenarios and steps.

#include <atomic>
#include <csignal>
#include <ostream>
#include <string>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

namespace referee::cli {

class Interruption {
 public:
  // `err` gets one line when the first signal arrives.
  explicit Interruption(std::ostream& err);
  ~Interruption();
  Interruption(const Interruption&) = delete;
  Interruption& operator=(const Interruption&) = delete;

  const std::atomic<bool>& flag() const { return interrupted_; }
  // "SIGINT", "SIGTERM"; empty while no signal came.
  std::string signal_name() const;
  // The launched target's process, killed if a second signal comes. 0: none.
  void set_target_pid(int pid) { target_pid_ = pid; }

 private:
  void await_signal();
  void on_signal(int signal_number);

  std::ostream& err_;
  std::atomic<bool> interrupted_{false};
  std::atomic<int> signal_number_{0};
  std::atomic<int> target_pid_{0};
  boost::asio::io_context io_;
  boost::asio::signal_set signals_;
  std::thread thread_;
};

}  // namespace referee::cli
