#pragma once
// Everything one scenario run shares: the profile and scenario, variables, the clients, the
// transcript and the checks. One per scenario; all of it lives on the run's io_context thread.

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ssl/context.hpp>

#include "harness/engine/match/variables.hpp"
#include "harness/engine/result.hpp"
#include "harness/engine/run/checks.hpp"
#include "harness/engine/run/client_session.hpp"
#include "harness/engine/run/judge.hpp"
#include "harness/engine/run/test_mailbox_plan.hpp"
#include "harness/net/deadline.hpp"
#include "harness/net/endpoint.hpp"
#include "harness/net/transcript.hpp"
#include "harness/profile/model.hpp"
#include "harness/scenario/model.hpp"
#include "harness/scenario/requirement.hpp"

namespace referee::engine {

struct EngineSettings {
  std::chrono::milliseconds default_timeout{5000};  // per step, unless the step says
  bool redact = true;
  std::string run_id;
  net::Clock::time_point epoch = net::Clock::now();  // transcript times count from here
  std::shared_ptr<boost::asio::ssl::context> tls_context;  // shared by the run's clients
  std::vector<ServerNamespace> namespaces;  // discovered once per run (namespace_discovery.hpp)
  // Set (from any thread) when the run is interrupted: steps stop at the next step boundary.
  const std::atomic<bool>* interrupted = nullptr;

  bool was_interrupted() const { return interrupted != nullptr && interrupted->load(); }
};

class ScenarioContext {
 public:
  ScenarioContext(boost::asio::any_io_executor executor, const profile::Profile& profile,
                  const scenario::Scenario& scenario,
                  const scenario::RequirementCatalogue& catalogue, const EngineSettings& settings,
                  unsigned repetition = 0);

  // A new, not yet connected client of `server`. Replaces nothing: ids are unique.
  ClientSession& add_client(const std::string& id, const profile::Server& server);
  ClientSession* client(std::string_view id);
  // From now on `id` names `session` (the last hop of a followed referral chain is "C1R").
  void alias(const std::string& id, ClientSession& session) { aliases_[id] = &session; }
  // `id` cannot be used (its follow-referral failed): client(id) is null from now on, and
  // steps on it are skipped, not errors. `reason` says why.
  void mark_unavailable(const std::string& id, std::string reason);
  // Why `id` is unavailable; nullptr when it is not.
  const std::string* unavailable(std::string_view id) const;
  // Records that a step on the unavailable client `id` was skipped (not applicable).
  void skip_step(const std::string& id, const scenario::SourceLocation& step);
  // Closes every client (LOGOUT when possible), in creation order.
  boost::asio::awaitable<void> close_clients();

  // While a phase runs, never later than the phase's deadline.
  net::Deadline deadline(std::optional<std::chrono::milliseconds> step_timeout) const;
  // Setup and teardown each run under one deadline, the default step timeout (--timeout)
  // from the phase's start: a server that answers slowly or trickles cannot stretch a phase of
  // N commands to N timeouts. When it passes, the first wait that ends at it records a scenario
  // error naming the phase, the server and what was in flight; later waits end at once.
  void begin_phase(std::string name);
  void end_phase() { phase_.reset(); }
  bool phase_expired() const;
  std::chrono::milliseconds timeout(std::optional<std::chrono::milliseconds> step_timeout) const;
  net::Endpoint endpoint(const profile::Server& server, scenario::TlsChoice choice) const;
  JudgeContext judge_context(std::string client, scenario::SourceLocation step) const;
  // Sets what a judgement captured and consumes the pool entries it matched.
  void apply(const Judgement& judgement, ClientSession& session);
  bool stopped() const { return checks.error().has_value(); }

  // The transcript as the result tree holds it (redacted unless --no-redact). Moves the bytes
  // out: call once, when the scenario is over.
  std::vector<TranscriptLine> take_transcript_lines();

  boost::asio::any_io_executor executor;
  const profile::Profile& profile;
  const scenario::Scenario& scenario;
  const scenario::RequirementCatalogue& catalogue;
  const EngineSettings& settings;
  TestMailboxPlan test_mailboxes;
  Variables variables;
  net::Transcript transcript;
  CheckRecorder checks;
  std::vector<ObservedStrategy> strategies;

 private:
  struct Phase {
    std::string name;        // "setup", "teardown"
    net::Deadline deadline;
    bool reported = false;   // its scenario error is recorded
  };
  void timed_out(const std::string& client, const std::string& server, const std::string& what);

  std::optional<Phase> phase_;
  std::vector<std::unique_ptr<ClientSession>> clients_;
  std::map<std::string, ClientSession*, std::less<>> aliases_;
  std::map<std::string, std::string, std::less<>> unavailable_;  // id -> why
};

}  // namespace referee::engine
