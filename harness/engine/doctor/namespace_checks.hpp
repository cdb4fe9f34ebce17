#pragma once
// Per server, the hierarchy delimiter and personal namespace the run will name test mailboxes
// with: stated in the profile, else discovered exactly as `referee run` does (NAMESPACE when
// announced, else LIST "" "") for each user the scenarios log in with there.

#include <vector>

#include <boost/asio/awaitable.hpp>

#include "harness/engine/doctor/doctor_context.hpp"
#include "harness/engine/result.hpp"
#include "harness/scenario/model.hpp"

namespace referee::engine {

// Returns what was found (stated and discovered), as the run's test areas need it.
boost::asio::awaitable<std::vector<ServerNamespace>> check_namespaces(
    DoctorContext& context, const std::vector<scenario::Scenario>& scenarios);

}  // namespace referee::engine
