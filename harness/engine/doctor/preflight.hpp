#pragma once
// What `referee run` checks before judging, with `referee doctor`'s hints (hints.hpp):
// every server answers (else the run's fatal_error, built by the CLI from probe_servers), and
// every user a scenario logs in with may log in where it does (namespace discovery tries each
// pair once). A scenario whose login cannot work is *error* with that hint, before any step,
// rather than a confusing failure later.

#include <optional>
#include <string>
#include <vector>

#include "harness/engine/result.hpp"
#include "harness/profile/model.hpp"
#include "harness/scenario/model.hpp"

namespace referee::engine {

// The hint of the first login this scenario's clients need that failed in discovery.
std::optional<std::string> gate_on_preflight(const profile::Profile& profile,
                                             const scenario::Scenario& scenario,
                                             const std::vector<ServerNamespace>& namespaces);

// One hint per unreachable server of `servers` (probe_servers), lines joined by '\n'.
std::string unreachable_servers(const profile::Profile& profile,
                                const std::vector<ServerInfo>& servers);

}  // namespace referee::engine
