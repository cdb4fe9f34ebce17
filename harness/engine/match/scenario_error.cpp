#include "harness/engine/match/scenario_error.hpp"

#include <stdexcept>

#include <boost/throw_exception.hpp>

namespace referee::engine {

void throw_exception_from_error(const ScenarioError& error,
                                const boost::source_location& location) {
  boost::throw_exception(std::logic_error("unchecked scenario error: " + error.message), location);
}

}  // namespace referee::engine
