#include "harness/stress/runner.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include "harness/engine/engine.hpp"
#include "harness/engine/match/profile_roles.hpp"
#include "harness/engine/match/test_mailbox_names.hpp"
#include "harness/engine/run/namespace_discovery.hpp"
#include "harness/net/tls_context.hpp"
#include "harness/stress/stress_driver.hpp"

namespace referee::stress {
namespace {

// The main server's namespace as the local user sees it: stated by the profile, else asked
// (NAMESPACE or LIST "" ""). Without either, '/' and no personal prefix, as before discovery.
engine::ServerNamespace main_namespace(const profile::Profile& profile, std::chrono::milliseconds timeout) {
  const auto* server = engine::find_server(profile, "main");
  const auto* user = engine::find_user(profile, "local");
  engine::ServerNamespace fallback{.delimiter = '/'};
  if (server == nullptr || user == nullptr) return fallback;
  auto stated = engine::stated_namespaces(profile);
  if (const auto* known = engine::namespace_for(stated, server->id, user->id)) return *known;
  boost::asio::io_context io;
  engine::ServerNamespace found;
  boost::asio::co_spawn(io,
                        engine::discover_namespace(io.get_executor(), {server, user},
                                                   net::make_client_tls_context(), timeout),
                        [&found](std::exception_ptr, engine::ServerNamespace space) { found = std::move(space); });
  io.run();
  return found.problem.empty() ? found : fallback;
}

}  // namespace

StressRun run_stress(const profile::Profile& profile, const StressOptions& options) {
  std::string run_id = options.run_id.empty() ? engine::make_run_id() : options.run_id;
  // Named like the catalogue's test mailboxes (<prefix><delimiter><run>-<slug>), so a run's
  // leftovers are recognisable, and never assuming a delimiter or a namespace.
  auto space = main_namespace(profile, options.timeout);
  const auto* server = engine::find_server(profile, "main");
  std::string prefix = engine::test_prefix(profile, server ? server->id : "", space);
  std::vector<std::string> mailboxes;
  for (unsigned i = 1; i <= options.mailboxes; ++i) {
    auto leaf = engine::test_leaf(run_id, "stress", 0) + "-m" + std::to_string(i);
    mailboxes.push_back(engine::join_mailbox(prefix, space.delimiter, leaf));
  }
  StressDriver driver(profile, options, std::move(mailboxes));
  return driver.run(true, nullptr);
}

StressRun replay_stress(const profile::Profile& profile, const StressLog& log,
                        const StressOptions& options) {
  StressOptions replay = options;
  replay.clients = log.clients;
  replay.seed = log.seed;
  StressDriver driver(profile, replay, log.mailboxes);
  return driver.run(false, &log);
}

}  // namespace referee::stress
