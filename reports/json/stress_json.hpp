#pragma once
// The "stress" section of the JSON results (`referee stress`; fields in README.md here).

#include <boost/json/object.hpp>

#include "harness/engine/stress_result.hpp"

namespace referee::reports::json {

boost::json::object stress_json(const engine::StressResult& stress);

}  // namespace referee::reports::json
