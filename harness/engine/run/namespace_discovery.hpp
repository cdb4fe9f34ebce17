#pragma once
// Once per run, before any scenario: each server's hierarchy delimiter and personal namespace,
// as each user that scenarios log in with sees them (NAMESPACE, RFC 2342, when advertised;
// otherwise LIST "" "", RFC 3501 §6.3.8: "the hierarchy delimiter and the root name"). Test
// mailbox names and ${mailbox/child} paths are built from them; nothing assumes '/'.

#include <chrono>
#include <memory>
#include <string_view>
#include <vector>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>

#include "harness/engine/result.hpp"
#include "harness/profile/model.hpp"
#include "harness/scenario/model.hpp"

namespace referee::engine {

struct NamespaceProbe {
  const profile::Server* server = nullptr;
  const profile::User* user = nullptr;
};

// The (server, user) pairs the scenarios log in with, plus the test-mailbox creators of the
// servers their setups use; each once. Servers whose profile entry states both the delimiter
// and the personal namespace are left out (see stated_namespaces).
std::vector<NamespaceProbe> namespace_probes(const profile::Profile& profile,
                                             const std::vector<scenario::Scenario>& scenarios);

// What the profile states (<server delimiter personal-namespace>), source "profile".
std::vector<ServerNamespace> stated_namespaces(const profile::Profile& profile);

// Logs in as probe.user on probe.server and asks. Never throws; `problem` says what failed
// (unreachable, login refused or referred, no usable answer).
boost::asio::awaitable<ServerNamespace> discover_namespace(
    boost::asio::any_io_executor executor, NamespaceProbe probe,
    std::shared_ptr<boost::asio::ssl::context> tls_context, std::chrono::milliseconds timeout);

// The namespace of `server_id` as `user_id` sees it; else as any user sees it (a delimiter is
// a property of the server); nullptr when nothing usable is known. `why_not` gets the reason.
const ServerNamespace* namespace_for(const std::vector<ServerNamespace>& known,
                                     std::string_view server_id, std::string_view user_id,
                                     std::string* why_not = nullptr);

}  // namespace referee::engine
