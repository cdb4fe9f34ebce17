#include "harness/engine/run/namespace_discovery.hpp"

#include <algorithm>

#include "harness/engine/match/profile_roles.hpp"
#include "harness/engine/match/response_match.hpp"
#include "harness/engine/match/test_mailbox_names.hpp"
#include "harness/engine/run/client_session.hpp"
#include "harness/engine/run/plain_session.hpp"
#include "harness/imap/untagged.hpp"
#include "harness/imap/value.hpp"

namespace referee::engine {
namespace {

using Parts = std::vector<scenario::SendPart>;

bool stated(const profile::Server& server) {
  return server.delimiter.has_value() && server.personal_namespace.has_value();
}

void add_probe(std::vector<NamespaceProbe>& probes, const profile::Server* server,
               const profile::User* user) {
  if (server == nullptr || user == nullptr || stated(*server)) return;
  bool known = std::any_of(probes.begin(), probes.end(), [&](const NamespaceProbe& probe) {
    return probe.server == server && probe.user == user;
  });
  if (!known) probes.push_back({server, user});
}

bool announces(const ClientSession& session, std::string_view capability) {
  const auto& capabilities = session.capabilities();
  return capabilities && std::any_of(capabilities->begin(), capabilities->end(),
                                     [&](const std::string& name) { return imap::iequals(name, capability); });
}

// Fills `found` from the responses `run` collected; false when none was usable.
bool read_answer(ClientSession& session, const CommandRun& run, ServerNamespace& found) {
  for (std::size_t i = run.pool_begin; i < run.pool_end; ++i) {
    const imap::Response& response = session.pool()[i].response;
    if (auto spaces = imap::as_namespace(response); spaces && !spaces->personal.empty()) {
      found.personal_prefix = spaces->personal.front().prefix;
      found.delimiter = spaces->personal.front().delimiter;
      return true;
    }
    if (auto entry = imap::as_list(response)) {
      found.delimiter = entry->delimiter;
      return true;
    }
  }
  return false;
}

boost::asio::awaitable<void> ask(ClientSession& session, net::Deadline deadline,
                                 ServerNamespace& found) {
  // Capabilities may change at login (RFC 3501 §6.2.3): ask again rather than trust the greeting's.
  const Parts capability{std::string("CAPABILITY")};
  CommandRun asked = co_await session.run(capability, deadline);
  (void)asked;
  if (session.capabilities()) found.capabilities = *session.capabilities();
  const bool with_namespace = announces(session, "NAMESPACE");
  found.source = with_namespace ? "NAMESPACE" : "LIST \"\" \"\"";
  Parts command{std::string(with_namespace ? "NAMESPACE" : "LIST \"\" \"\"")};
  CommandRun run = co_await session.run(command, deadline);
  if (!run.tagged || run.tagged->status != imap::Status::ok) {
    found.problem = found.source + " failed: " + (run.tagged ? one_line(*run.tagged) : run.failure);
  } else if (!read_answer(session, run, found)) {
    found.problem = found.source + " gave no usable answer";
  }
}

}  // namespace

std::vector<NamespaceProbe> namespace_probes(const profile::Profile& profile,
                                             const std::vector<scenario::Scenario>& scenarios) {
  std::vector<NamespaceProbe> probes;
  for (const auto& scenario : scenarios) {
    for (const auto& spec : scenario.clients) {
      if (spec.login == scenario::LoginMethod::none || !spec.user_role) continue;
      const profile::Server* server = find_server(profile, spec.server_role);
      add_probe(probes, server, find_user(profile, *spec.user_role));
      if (server == nullptr) continue;
      if (auto creator = test_creator_role(profile, server->id)) {
        add_probe(probes, server, find_user(profile, *creator));
      }
    }
  }
  return probes;
}

std::vector<ServerNamespace> stated_namespaces(const profile::Profile& profile) {
  std::vector<ServerNamespace> spaces;
  for (const auto& server : profile.servers) {
    if (!stated(server)) continue;
    spaces.push_back(ServerNamespace{.server = server.id,
                                     .delimiter = *server.delimiter,
                                     .personal_prefix = *server.personal_namespace,
                                     .source = "profile"});
  }
  return spaces;
}

boost::asio::awaitable<ServerNamespace> discover_namespace(
    boost::asio::any_io_executor executor, NamespaceProbe probe,
    std::shared_ptr<boost::asio::ssl::context> tls_context, std::chrono::milliseconds timeout) {
  ServerNamespace found{.server = probe.server->id, .user = probe.user->id};
  ClientSession session(executor, SessionOptions{.client = "namespace",
                                                 .server_id = probe.server->id,
                                                 .tls_context = std::move(tls_context)});
  const net::Deadline deadline = net::deadline_after(timeout);
  found.problem = co_await open_and_login(session, *probe.server, *probe.user, deadline);
  if (found.problem.empty()) co_await ask(session, deadline, found);
  co_await session.logout(net::deadline_after(timeout));
  session.close();
  co_return found;
}

const ServerNamespace* namespace_for(const std::vector<ServerNamespace>& known,
                                     std::string_view server_id, std::string_view user_id,
                                     std::string* why_not) {
  const ServerNamespace* any = nullptr;
  const ServerNamespace* failed = nullptr;
  for (const auto& space : known) {
    if (space.server != server_id) continue;
    if (!space.problem.empty()) {
      if (failed == nullptr || space.user == user_id) failed = &space;
      continue;
    }
    if (space.user == user_id || space.user.empty()) return &space;
    if (any == nullptr) any = &space;
  }
  if (any == nullptr && why_not != nullptr) {
    *why_not = failed ? "the namespace of server " + std::string(server_id) + " is unknown (as " +
                            failed->user + ": " + failed->problem + ")"
                      : "the namespace of server " + std::string(server_id) +
                            " was not discovered (no scenario client logs in there)";
  }
  return any;
}

}  // namespace referee::engine
