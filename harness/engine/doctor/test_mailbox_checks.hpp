#pragma once
// Per server that will hold test mailboxes (the run's test areas: server, creator, prefix),
// the creator CREATEs one below the test prefix and DELETEs it again, as a scenario's setup
// and teardown will. The name is unique to this doctor run (its run id); whatever is left,
// the prefix too when this check created it, is removed by the run-level teardown's code.
// Not tried when the profile's test mailboxes are not destructive: no scenario makes any.

#include <string>
#include <vector>

#include <boost/asio/awaitable.hpp>

#include "harness/engine/doctor/doctor_context.hpp"
#include "harness/engine/result.hpp"
#include "harness/scenario/model.hpp"

namespace referee::engine {

boost::asio::awaitable<void> check_test_mailboxes(DoctorContext& context,
                                                  const std::vector<scenario::Scenario>& scenarios,
                                                  const std::vector<ServerNamespace>& namespaces,
                                                  const std::string& run_id);

}  // namespace referee::engine
