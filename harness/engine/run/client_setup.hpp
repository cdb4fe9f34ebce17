#pragma once
// Before the steps: gating (roles, destructive, capabilities → *not applicable* with the
// reason) and opening every <client> (greeting, TLS, login). A server that cannot be reached
// or greets with BYE unasked is an *error* (the harness could not judge).

#include <optional>
#include <string>

#include <boost/asio/awaitable.hpp>

#include "harness/engine/run/scenario_context.hpp"

namespace referee::engine {

// Why the scenario is not applicable to this profile (a role nobody plays, destructive
// scenarios not allowed), or nullopt.
std::optional<std::string> gate_on_profile(const profile::Profile& profile,
                                           const scenario::Scenario& scenario);

// Opens the clients in document order (groups expand to L1..Ln). Returns a not-applicable
// reason when a required capability is missing; errors go to context.checks.
boost::asio::awaitable<std::optional<std::string>> open_clients(ScenarioContext& context);

}  // namespace referee::engine
