#include "harness/engine/run/scenario_context.hpp"

#include "harness/engine/match/profile_roles.hpp"
#include "harness/net/tls_context.hpp"

namespace referee::engine {

ScenarioContext::ScenarioContext(boost::asio::any_io_executor executor,
                                 const profile::Profile& profile,
                                 const scenario::Scenario& scenario,
                                 const scenario::RequirementCatalogue& catalogue,
                                 const EngineSettings& settings, unsigned repetition)
    : executor(std::move(executor)),
      profile(profile),
      scenario(scenario),
      catalogue(catalogue),
      settings(settings),
      test_mailboxes(plan_test_mailboxes(profile, scenario, settings.namespaces, settings.run_id,
                                         repetition)),
      variables(builtin_variables(profile)),
      transcript(settings.epoch),
      checks(catalogue, scenario.rfc, scenario.section) {
  define_mailbox_variables(variables, test_mailboxes, profile, settings.namespaces);
}

ClientSession& ScenarioContext::add_client(const std::string& id, const profile::Server& server) {
  SessionOptions options{
      .client = id,
      .server_id = server.id,
      .transcript = &transcript,
      .tls_context = settings.tls_context,
      .secrets = variables.secret_values(),
      .redact = settings.redact,
      .on_violation =
          [this, id](const Violation& broken, std::optional<std::size_t> event) {
            checks.record(Finding{std::string(broken.requirement), false, broken.summary,
                                  broken.expected, broken.observed, id, scenario.where, event});
          },
      .on_timeout = [this, id, server = server.id](const std::string& what) { timed_out(id, server, what); },
  };
  clients_.push_back(std::make_unique<ClientSession>(executor, std::move(options)));
  return *clients_.back();
}

void ScenarioContext::mark_unavailable(const std::string& id, std::string reason) {
  unavailable_[id] = std::move(reason);
}

const std::string* ScenarioContext::unavailable(std::string_view id) const {
  auto found = unavailable_.find(id);
  return found == unavailable_.end() ? nullptr : &found->second;
}

void ScenarioContext::skip_step(const std::string& id, const scenario::SourceLocation& step) {
  const std::string* why = unavailable(id);
  Finding skipped{"", true, "step skipped", "a usable client " + id,
                  id + " is unavailable: " + (why ? *why : "unknown"), id, step, std::nullopt};
  checks.record_as(std::move(skipped), Outcome::not_applicable);
}

ClientSession* ScenarioContext::client(std::string_view id) {
  if (unavailable(id) != nullptr) return nullptr;
  if (auto aliased = aliases_.find(id); aliased != aliases_.end()) return aliased->second;
  for (auto& session : clients_) {
    if (session->id() == id) return session.get();
  }
  return nullptr;
}

boost::asio::awaitable<void> ScenarioContext::close_clients() {
  for (auto& session : clients_) {
    if (session->in_flight()) {
      session->close();  // a held or abandoned command: nothing polite left to do
      continue;
    }
    co_await session->logout(deadline(std::nullopt));
  }
}

std::chrono::milliseconds ScenarioContext::timeout(
    std::optional<std::chrono::milliseconds> step_timeout) const {
  return step_timeout.value_or(settings.default_timeout);
}

net::Deadline ScenarioContext::deadline(std::optional<std::chrono::milliseconds> step_timeout) const {
  net::Deadline step = net::deadline_after(timeout(step_timeout));
  return phase_ ? std::min(step, phase_->deadline) : step;
}

void ScenarioContext::begin_phase(std::string name) {
  phase_ = Phase{.name = std::move(name), .deadline = net::deadline_after(timeout(std::nullopt))};
}

bool ScenarioContext::phase_expired() const {
  return phase_.has_value() && net::Clock::now() >= phase_->deadline;
}

void ScenarioContext::timed_out(const std::string& client, const std::string& server,
                                const std::string& what) {
  if (!phase_expired() || phase_->reported) return;
  phase_->reported = true;
  checks.scenario_error(phase_->name + ": the phase's deadline (" +
                        std::to_string(timeout(std::nullopt).count()) + " ms, --timeout) passed on server " +
                        server + " (connection " + client + ") with " + what + " in flight");
}

net::Endpoint ScenarioContext::endpoint(const profile::Server& server,
                                        scenario::TlsChoice choice) const {
  net::TlsMode mode = net::TlsMode::none;
  switch (choice) {
    case scenario::TlsChoice::profile:
      mode = server.tls == profile::Tls::implicit   ? net::TlsMode::implicit
             : server.tls == profile::Tls::starttls ? net::TlsMode::starttls
                                                    : net::TlsMode::none;
      break;
    case scenario::TlsChoice::none: mode = net::TlsMode::none; break;
    case scenario::TlsChoice::starttls: mode = net::TlsMode::starttls; break;
    case scenario::TlsChoice::implicit: mode = net::TlsMode::implicit; break;
  }
  return net::Endpoint{.host = server.host, .port = server.port.value_or(143), .tls = mode};
}

JudgeContext ScenarioContext::judge_context(std::string client, scenario::SourceLocation step) const {
  return JudgeContext{variables, profile, std::move(client), std::move(step)};
}

void ScenarioContext::apply(const Judgement& judgement, ClientSession& session) {
  for (std::size_t index : judgement.matched) session.pool()[index].consumed = true;
  for (const auto& [name, value] : judgement.captures) variables.set(name, value);
}

std::vector<TranscriptLine> ScenarioContext::take_transcript_lines() {
  std::vector<net::TranscriptEvent> events = transcript.take_events();
  std::vector<TranscriptLine> lines;
  lines.reserve(events.size());
  // One lookup per event: a scenario may have 10,000 clients.
  std::map<std::string_view, std::string_view> server_of;
  for (const auto& session : clients_) server_of[session->id()] = session->server_id();
  for (auto& event : events) {
    auto found = server_of.find(event.connection);
    std::string server(found == server_of.end() ? std::string_view() : found->second);
    lines.push_back(TranscriptLine{
        .micros = event.at.count(),
        .client = std::move(event.connection),
        .server = std::move(server),
        .direction = event.direction == net::Direction::client_to_server   ? "send"
                     : event.direction == net::Direction::server_to_client ? "recv"
                                                                           : "meta",
        .bytes = settings.redact && event.redacted ? std::move(*event.redacted)
                                                   : std::move(event.bytes),
    });
  }
  return lines;
}

}  // namespace referee::engine
