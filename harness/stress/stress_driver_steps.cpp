// One command of a stress run (send, read, judge), the serial replay loop, the teardown and
// what a violation records.
#include <fmt/format.h>

#include "harness/engine/run/command_bytes.hpp"
#include "harness/stress/stress_driver.hpp"

namespace referee::stress {
namespace {

constexpr std::size_t kMaxFindingsKept = 50;

}  // namespace

// The log holds commands in the order their answers arrived: for a server that runs one
// command at a time, that is the closest the client can see to the order it ran them in.
boost::asio::awaitable<bool> StressDriver::perform(unsigned client, const StressCommand& command) {
  auto begin = std::chrono::steady_clock::now();
  checker_.sent(client, command);
  auto sent = std::chrono::steady_clock::now();
  checker_time_ += sent - begin;
  engine::CommandRun run = co_await clients_[client]->execute(command, deadline());
  auto answered = std::chrono::steady_clock::now();
  commands_.add(client, command);
  const std::uint64_t index = commands_.size() - 1;
  statistics_.record(run.name, std::chrono::duration_cast<std::chrono::microseconds>(answered - sent));
  outcome_.result.duration_s = std::chrono::duration<double>(answered - started_).count();
  std::vector<Finding> findings = checker_.done(client, command, clients_[client]->exchange(run));
  checker_time_ += std::chrono::steady_clock::now() - answered;
  judge(client, command, index, std::move(findings));
  co_return run.tagged.has_value();
}

void StressDriver::judge(unsigned client, const StressCommand& command, std::uint64_t index,
                         std::vector<Finding> findings) {
  for (auto& implicit : clients_[client]->take_implicit_findings()) {
    findings.insert(findings.begin(), Finding{.invariant = implicit.invariant,
                                              .client = clients_[client]->id(),
                                              .summary = implicit.summary,
                                              .expected = implicit.expected,
                                              .observed = implicit.observed});
  }
  for (const auto& finding : findings) record(finding, index, command.shown());
}

void StressDriver::record(const Finding& finding, std::uint64_t index, const std::string& command) {
  auto& result = outcome_.result;
  if (finding.violation) {
    ++result.violations;
    if (!outcome_.first_violation) {
      outcome_.first_violation = finding;
      outcome_.first_violation_index = index;
      outcome_.first_window = window_.window();
    }
    if (!options_.keep_going) stop_ = true;
  }
  if (result.findings.size() >= kMaxFindingsKept) return;
  engine::StressFinding kept{.invariant = std::string(finding.invariant.name),
                             .requirement = std::string(finding.invariant.requirement),
                             .outcome = finding.violation ? "fail" : finding.warning ? "warn" : "info",
                             .client = finding.client,
                             .command = command,
                             .summary = finding.summary,
                             .expected = finding.expected,
                             .observed = finding.observed,
                             .command_index = index,
                             .transcript = window_.window()};
  if (!finding.earlier_transcript.empty()) {
    kept.transcript.insert(kept.transcript.begin(), "(later observation)");
    kept.transcript.insert(kept.transcript.begin(), finding.earlier_transcript.begin(),
                           finding.earlier_transcript.end());
    kept.transcript.insert(kept.transcript.begin(), "(earlier observation)");
  }
  result.findings.push_back(std::move(kept));
}

boost::asio::awaitable<void> StressDriver::serial_loop(const StressLog& replay) {
  outcome_.result.replayed = true;
  for (const LogEntry& entry : replay.entries) {
    if (stop_) break;
    if (!clients_[entry.client]->usable()) {
      commands_.add(entry.client, entry.command);  // not sent, but keeps indexes aligned with the log
      continue;
    }
    bool answered = co_await perform(entry.client, entry.command);
    if (!answered) clients_[entry.client]->retire();
    report_progress();
  }
}

boost::asio::awaitable<void> StressDriver::finish() {
  for (std::size_t i = 0; i < clients_.size(); ++i) {
    co_await clients_[i]->logout(deadline());
    // A close without BYE at LOGOUT is the engine's rule too.
    std::uint64_t index = commands_.size() == 0 ? 0 : commands_.size() - 1;
    for (auto& implicit : clients_[i]->take_implicit_findings()) {
      record(Finding{.invariant = implicit.invariant, .client = clients_[i]->id(),
                     .summary = implicit.summary, .expected = implicit.expected,
                     .observed = implicit.observed},
             index, "LOGOUT");
    }
  }
  std::vector<std::string> teardown;
  for (auto mailbox = outcome_.log.mailboxes.rbegin(); mailbox != outcome_.log.mailboxes.rend(); ++mailbox) {
    teardown.push_back("DELETE \"" + *mailbox + "\"");
  }
  // The parents CREATE made on the way (RFC 3501 §6.3.3), deepest first.
  if (!outcome_.log.mailboxes.empty()) {
    std::string parent = outcome_.log.mailboxes.front();
    for (auto slash = parent.rfind('/'); slash != std::string::npos && slash > 0; slash = parent.rfind('/')) {
      parent.resize(slash);
      if (parent == profile_.test_prefix) break;
      teardown.push_back("DELETE \"" + parent + "\"");
    }
  }
  std::string fatal = outcome_.fatal_error;
  co_await admin(teardown, true);
  outcome_.fatal_error = fatal;  // a teardown problem does not make the run unreachable
}

void StressDriver::report_progress() {
  if (!options_.on_progress) return;
  auto now = std::chrono::steady_clock::now();
  auto since = std::chrono::duration<double>(now - last_progress_).count();
  if (since < 1.0) return;
  StressProgress progress{.elapsed_s = std::chrono::duration<double>(now - started_).count(),
                          .commands = statistics_.total(),
                          .per_second = (statistics_.total() - commands_at_last_progress_) / since,
                          .violations = outcome_.result.violations};
  last_progress_ = now;
  commands_at_last_progress_ = statistics_.total();
  options_.on_progress(progress);
}

}  // namespace referee::stress
