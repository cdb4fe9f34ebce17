#include "harness/engine/doctor/namespace_checks.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "harness/engine/run/namespace_discovery.hpp"

namespace referee::engine {
namespace {

std::string describe(const ServerNamespace& space) {
  const std::string delimiter = space.delimiter ? fmt::format("\"{}\"", *space.delimiter) : "NIL (flat)";
  return fmt::format("delimiter {}, personal prefix \"{}\" ({})", delimiter, space.personal_prefix,
                     space.source);
}

// A discovery whose login was referred (a user homed elsewhere): nothing to judge here.
bool referred(const ServerNamespace& space) {
  return !space.problem.empty() && !space.login_failed && space.source.empty();
}

DoctorCheck namespace_check(const ServerNamespace& space) {
  DoctorCheck check{.kind = "namespace", .server = space.server, .user = space.user,
                    .subject = space.user.empty() ? space.server : space.server + " as " + space.user};
  if (space.problem.empty()) {
    check.summary = describe(space);
  } else if (referred(space)) {
    check.verdict = DoctorVerdict::skipped;
    check.summary = space.problem;
  } else {
    check.verdict = DoctorVerdict::fail;
    check.summary = space.login_failed ? "could not log in" : space.source + " gave no namespace";
    check.hint = space.problem;
  }
  return check;
}

}  // namespace

boost::asio::awaitable<std::vector<ServerNamespace>> check_namespaces(
    DoctorContext& context, const std::vector<scenario::Scenario>& scenarios) {
  std::vector<ServerNamespace> found = stated_namespaces(context.profile);
  for (const auto& space : found) context.add(namespace_check(space));
  std::vector<NamespaceProbe> probes = namespace_probes(context.profile, scenarios);
  for (const auto& server : context.profile.servers) {
    bool known = std::any_of(found.begin(), found.end(),
                             [&](const ServerNamespace& space) { return space.server == server.id; });
    bool probed = std::any_of(probes.begin(), probes.end(),
                              [&](const NamespaceProbe& probe) { return probe.server == &server; });
    if (!known && !probed) {
      context.add({.kind = "namespace", .server = server.id, .subject = server.id,
                   .verdict = DoctorVerdict::skipped,
                   .summary = "no scenario logs in there: not needed"});
    }
    for (const auto& probe : probes) {
      if (probe.server != &server) continue;
      if (auto skip = context.skip_reason(server, probe.user)) {
        context.add({.kind = "namespace", .server = server.id, .user = probe.user->id,
                     .subject = server.id + " as " + probe.user->id,
                     .verdict = DoctorVerdict::skipped, .summary = *skip});
        continue;
      }
      ServerNamespace space =
          co_await discover_namespace(context.executor, probe, context.tls_context, context.timeout);
      if (space.login_failed) context.failed_logins.emplace(std::pair{server.id, probe.user->id}, space.problem);
      context.add(namespace_check(space));
      found.push_back(std::move(space));
    }
  }
  co_return found;
}

}  // namespace referee::engine
