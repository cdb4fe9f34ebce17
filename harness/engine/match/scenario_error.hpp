#pragma once
// A fault in the scenario itself (undefined variable, regex that does not compile, role the
// engine cannot resolve): the harness cannot judge the server, so the scenario's outcome is
// *error* with this message. Routine (a scenario file is input), hence a result, not a throw.

#include <string>
#include <utility>

#include <boost/assert/source_location.hpp>
#include <boost/system/result.hpp>

namespace referee::engine {

struct ScenarioError {
  std::string message;  // names the variable, pattern or role, and where it was written
};

// Lets result<T, ScenarioError>::value() throw (found by ADL); calling value() on an error is
// a programming error of the engine, never a consequence of input.
[[noreturn]] void throw_exception_from_error(const ScenarioError& error,
                                             const boost::source_location& location);

template <typename T>
using checked = boost::system::result<T, ScenarioError>;

// A successful checked<T>. Needed for strings: ScenarioError can be built from a string, so
// `return text;` would be ambiguous between value and error.
template <typename T>
checked<T> success(T value) {
  return checked<T>(boost::system::in_place_value, std::move(value));
}

}  // namespace referee::engine
