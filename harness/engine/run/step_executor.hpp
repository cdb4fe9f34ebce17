#pragma once
// Executes scenario steps in document order (docs/SCENARIO-LANGUAGE.md "Steps"). Order comes
// only from awaits, barriers and fences: every wait is on a response or bounded by the step's
// deadline, never a sleep.
//
// Each simple step is performed once (perform), then judged (judge) and its effects applied
// (settle). Alternatives use the same three parts to judge one performed action against
// several candidates in lock-step.

#include <optional>
#include <string>
#include <vector>

#include <boost/asio/awaitable.hpp>

#include "harness/engine/run/client_session.hpp"
#include "harness/engine/run/judge.hpp"
#include "harness/engine/run/scenario_context.hpp"
#include "harness/scenario/model.hpp"

namespace referee::engine {

// What performing one simple step observed.
struct Observation {
  ClientSession* session = nullptr;  // null when the step could not run (scenario error)
  // Command, resume, fence: the session's own record, not a copy (a copy per step showed in
  // the harness overhead). Valid until the session starts its next command.
  const CommandRun* run = nullptr;
  std::string waited;                // how a wait ended: "the deadline (2000 ms) passed", ...
  bool closed = false;               // expect-close: the connection ended in time
};

class StepExecutor {
 public:
  explicit StepExecutor(ScenarioContext& context) : context_(context) {}

  // Runs the steps until they end or a scenario error stops them.
  boost::asio::awaitable<void> run(const std::vector<scenario::Step>& steps);
  boost::asio::awaitable<void> run(const scenario::Step& step);
  // True when an interruption of the run stopped the steps before their end.
  bool cut_short() const { return cut_short_; }

  // Lock-step parts. A simple step is a command, resume, await, fence, barrier or expect-close.
  static bool is_simple(const scenario::Step& step);
  // Identifies the action a simple step performs: two steps with the same key are one action.
  std::string action_key(const scenario::Step& step) const;
  // Performs steps.front(); for awaits, waits until the must patterns of any of `steps` match.
  boost::asio::awaitable<Observation> perform(const std::vector<const scenario::Step*>& steps);
  Judgement judge(const scenario::Step& step, const Observation& observed, CheckRecorder& out);
  void settle(const scenario::Step& step, const Observation& observed, const Judgement& judgement);

 private:
  struct Batch;
  static std::vector<Batch> batches_of(const scenario::ConcurrentStep& step);
  boost::asio::awaitable<void> run_concurrent(const scenario::ConcurrentStep& step);
  void judge_and_settle(const scenario::CommandStep& command, ClientSession& session,
                        const CommandRun& run);
  void judge_completion_order(const scenario::ConcurrentStep& step, const ClientSession& session);
  boost::asio::awaitable<Observation> perform_command(const scenario::CommandStep& step);
  boost::asio::awaitable<Observation> perform_resume(const scenario::ResumeStep& step);
  boost::asio::awaitable<Observation> perform_await(const std::vector<const scenario::Step*>& steps);
  boost::asio::awaitable<Observation> perform_fence(const scenario::FenceStep& step);
  boost::asio::awaitable<Observation> perform_barrier(const scenario::BarrierStep& step);
  boost::asio::awaitable<Observation> perform_close(const scenario::ExpectCloseStep& step);
  void judge_close(const scenario::ExpectCloseStep& step, const Observation& observed,
                   CheckRecorder& out);

  // The named client; a scenario error when there is none or it has a command in flight.
  ClientSession* idle_client(const std::string& id, const scenario::SourceLocation& where);
  ClientSession* known_client(const std::string& id, const scenario::SourceLocation& where);
  std::optional<std::vector<scenario::SendPart>> substitute(const std::vector<scenario::SendPart>& send);

  ScenarioContext& context_;
  bool cut_short_ = false;
};

std::string where(const scenario::SourceLocation& location);  // "file:line"

}  // namespace referee::engine
