#include "harness/engine/engine.hpp"

#include <algorithm>
#include <ctime>
#include <tuple>
#include <optional>
#include <random>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <fmt/format.h>

#include "harness/engine/match/outcome.hpp"
#include "harness/engine/match/response_match.hpp"
#include "harness/engine/run/namespace_discovery.hpp"
#include "harness/engine/run/plain_session.hpp"
#include "harness/engine/run/run_teardown.hpp"
#include "harness/engine/run/scenario_runner.hpp"
#include "harness/net/tls_context.hpp"

namespace referee::engine {
namespace {

std::string local_time(const char* format) {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[64];
  std::strftime(text, sizeof text, format, &local);
  return text;
}

// Hands out (scenario, repetition) pairs to the workers; one thread, so no locking.
struct WorkQueue {
  const std::vector<scenario::Scenario>& scenarios;
  unsigned repeat;
  std::size_t next = 0;
  bool stop = false;  // --fail-fast tripped

  std::size_t size() const { return scenarios.size() * repeat; }
  std::optional<std::size_t> take() {
    if (stop || next >= size()) return std::nullopt;
    return next++;
  }
};

boost::asio::awaitable<void> worker(WorkQueue& queue, const profile::Profile& profile,
                                    const scenario::RequirementCatalogue& catalogue,
                                    const EngineSettings& settings, const RunOptions& options,
                                    std::vector<std::optional<ScenarioResult>>& slots) {
  auto executor = co_await boost::asio::this_coro::executor;
  while (auto index = settings.was_interrupted() ? std::nullopt : queue.take()) {
    const auto& scenario = queue.scenarios[*index / queue.repeat];
    auto repetition = static_cast<unsigned>(*index % queue.repeat);
    ScenarioResult result =
        co_await run_scenario(executor, profile, scenario, catalogue, settings, repetition);
    if (options.fail_fast && is_failure(result.outcome, /*strict=*/false)) queue.stop = true;
    if (options.on_result) options.on_result(result);
    slots[*index] = std::move(result);
  }
}

boost::asio::awaitable<ServerInfo> probe(const profile::Server& server,
                                         std::chrono::milliseconds timeout,
                                         const EngineSettings& settings) {
  auto executor = co_await boost::asio::this_coro::executor;
  ClientSession session(executor, SessionOptions{.client = "probe", .server_id = server.id,
                                                 .tls_context = settings.tls_context});
  net::Endpoint endpoint = profile_endpoint(server);
  ServerInfo info{.id = server.id, .address = endpoint.describe()};
  bool opened = co_await session.open(endpoint, net::deadline_after(timeout));
  if (!opened) {
    info.greeting = "unreachable: " + session.open_failure();
    co_return info;
  }
  info.greeting = one_line(*session.greeting());
  if (session.greeting()->status != imap::Status::bye) {
    const std::vector<scenario::SendPart> capability{std::string("CAPABILITY")};
    co_await session.run(capability, net::deadline_after(timeout));
    co_await session.logout(net::deadline_after(timeout));
  }
  info.capabilities = session.capabilities().value_or(std::vector<std::string>{});
  session.close();
  co_return info;
}

// Runs `make(item)` for every item concurrently on `io` and waits for all of them.
template <typename Items, typename Make>
void run_each(boost::asio::io_context& io, Items& items, Make make) {
  for (auto& item : items) {
    boost::asio::co_spawn(io, make(item), [](std::exception_ptr failure, auto&&...) {
      if (failure) std::rethrow_exception(failure);
    });
  }
  io.run();
  io.restart();
}

// Phase 1: every server's namespace, as the run's users see it (namespace_discovery.hpp).
std::vector<ServerNamespace> discover_namespaces(boost::asio::io_context& io,
                                                 const profile::Profile& profile,
                                                 const std::vector<scenario::Scenario>& scenarios,
                                                 const EngineSettings& settings) {
  std::vector<ServerNamespace> found = stated_namespaces(profile);
  std::vector<NamespaceProbe> probes = namespace_probes(profile, scenarios);
  run_each(io, probes, [&](const NamespaceProbe& probe) -> boost::asio::awaitable<void> {
    found.push_back(co_await discover_namespace(io.get_executor(), probe, settings.tls_context,
                                                settings.default_timeout));
  });
  std::sort(found.begin(), found.end(), [](const ServerNamespace& a, const ServerNamespace& b) {
    return std::tie(a.server, a.user) < std::tie(b.server, b.user);
  });
  return found;
}

// Making a TLS client context (SSL_CTX_new) costs about as much as a hundred IMAP commands on
// a plain connection: a run that never uses TLS does without. (A connection that needs TLS and
// has no shared context makes its own, so this only decides what is shared.)
bool uses_tls(const profile::Profile& profile, const std::vector<scenario::Scenario>& scenarios) {
  auto tls_server = [](const profile::Server& server) { return server.tls != profile::Tls::none; };
  auto tls_client = [](const scenario::ClientSpec& client) {
    return client.tls == scenario::TlsChoice::starttls || client.tls == scenario::TlsChoice::implicit;
  };
  auto has_tls_client = [&](const scenario::Scenario& scenario) {
    return std::any_of(scenario.clients.begin(), scenario.clients.end(), tls_client);
  };
  return std::any_of(profile.servers.begin(), profile.servers.end(), tls_server) ||
         std::any_of(scenarios.begin(), scenarios.end(), has_tls_client);
}

}  // namespace

std::string make_run_id() {
  std::random_device random;
  return local_time("%Y%m%dT%H%M") + fmt::format("-{:04x}", random() & 0xffff);
}

RunResult run_scenarios(const profile::Profile& profile,
                        const std::vector<scenario::Scenario>& scenarios,
                        const scenario::RequirementCatalogue& catalogue, const RunOptions& options) {
  RunResult run;
  run.target = profile.name + " (" + profile.file + ")";
  run.started_at = local_time("%Y-%m-%dT%H:%M:%S");
  EngineSettings settings{.default_timeout = options.default_timeout,
                          .redact = options.redact,
                          .run_id = options.run_id.empty() ? make_run_id() : options.run_id,
                          .epoch = net::Clock::now(),
                          .tls_context = uses_tls(profile, scenarios)
                                             ? net::make_client_tls_context()
                                             : nullptr,
                          .interrupted = options.interrupted};
  boost::asio::io_context io;
  settings.namespaces = discover_namespaces(io, profile, scenarios, settings);
  std::vector<TestArea> areas = test_areas(profile, scenarios, settings.namespaces, settings.run_id);
  run_each(io, areas, [&](TestArea& area) {
    return survey_test_area(io.get_executor(), area, settings.tls_context, settings.default_timeout);
  });

  WorkQueue queue{scenarios, std::max(1u, options.repeat)};
  std::vector<std::optional<ScenarioResult>> slots(queue.size());
  for (unsigned i = 0; i < std::max(1u, options.jobs); ++i) {
    boost::asio::co_spawn(io, worker(queue, profile, catalogue, settings, options, slots),
                          boost::asio::detached);
  }
  io.run();
  io.restart();
  for (std::size_t i = 0; i < slots.size(); ++i) {
    if (!slots[i] && settings.was_interrupted()) {
      slots[i] = not_run_result(scenarios[i / queue.repeat], static_cast<unsigned>(i % queue.repeat));
    }
    if (slots[i]) run.scenarios.push_back(std::move(*slots[i]));
  }

  run_each(io, areas, [&](const TestArea& area) -> boost::asio::awaitable<void> {
    auto problems = co_await remove_run_leftovers(io.get_executor(), area, settings.run_id,
                                                  settings.tls_context, settings.default_timeout);
    run.problems.insert(run.problems.end(), problems.begin(), problems.end());
  });
  run.namespaces = settings.namespaces;
  run.duration = std::chrono::duration_cast<std::chrono::microseconds>(net::Clock::now() -
                                                                       settings.epoch);
  return run;
}

std::vector<ServerInfo> probe_servers(const profile::Profile& profile,
                                      std::chrono::milliseconds timeout) {
  EngineSettings settings{.tls_context = net::make_client_tls_context()};
  std::vector<ServerInfo> servers(profile.servers.size());
  boost::asio::io_context io;
  for (std::size_t i = 0; i < profile.servers.size(); ++i) {
    boost::asio::co_spawn(io, probe(profile.servers[i], timeout, settings),
                          [&servers, i](std::exception_ptr failure, ServerInfo info) {
                            if (failure) std::rethrow_exception(failure);
                            servers[i] = std::move(info);
                          });
  }
  io.run();
  return servers;
}

}  // namespace referee::engine
