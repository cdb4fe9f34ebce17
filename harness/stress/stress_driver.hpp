#pragma once
// The machinery behind run_stress and replay_stress (runner.hpp): the clients, the checker,
// the transcript window and the statistics of one run, on one io_context.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>

#include "harness/stress/checker.hpp"
#include "harness/stress/compact_log.hpp"
#include "harness/stress/runner.hpp"
#include "harness/stress/statistics.hpp"
#include "harness/stress/stress_client.hpp"
#include "harness/stress/window_transcript.hpp"

namespace referee::stress {

class StressDriver {
 public:
  StressDriver(const profile::Profile& profile, const StressOptions& options,
               std::vector<std::string> mailboxes);

  // Setup (mailboxes created, clients logged in), the streams (concurrent: generated; else the
  // replay log one command at a time), teardown (clients logged out, mailboxes deleted).
  StressRun run(bool concurrent, const StressLog* replay);

 private:
  boost::asio::awaitable<void> main(bool concurrent, const StressLog* replay);
  boost::asio::awaitable<bool> prepare();
  boost::asio::awaitable<void> admin(const std::vector<std::string>& commands, bool stop_on_failure);
  boost::asio::awaitable<void> client_loop(unsigned client);
  boost::asio::awaitable<void> serial_loop(const StressLog& replay);
  boost::asio::awaitable<bool> perform(unsigned client, const StressCommand& command);
  boost::asio::awaitable<void> finish();
  void judge(unsigned client, const StressCommand& command, std::uint64_t index,
             std::vector<Finding> findings);
  void record(const Finding& finding, std::uint64_t index, const std::string& command);
  bool take_turn();
  void report_progress();
  net::Deadline deadline() const { return net::deadline_after(options_.timeout); }

  const profile::Profile& profile_;
  StressOptions options_;
  const profile::Server* server_ = nullptr;
  const profile::User* user_ = nullptr;
  boost::asio::io_context io_;
  WindowTranscript window_;
  Checker checker_;
  std::vector<std::unique_ptr<StressClient>> clients_;
  std::vector<std::unique_ptr<CommandGenerator>> generators_;
  CommandStatistics statistics_;
  StressRun outcome_;               // its log holds seed, clients and mailboxes until the end
  CompactLog commands_;             // every command, in the order the answers came
  bool stop_ = false;
  std::uint64_t issued_ = 0;
  std::size_t finished_loops_ = 0;
  std::chrono::steady_clock::time_point started_, last_progress_;
  std::uint64_t commands_at_last_progress_ = 0;
  std::chrono::nanoseconds checker_time_{0};
};

}  // namespace referee::stress
