#pragma once
// Indented JSON (Boost.JSON 1.81 only writes it on one line): results.json is read by people
// and diffed against golden files, so one member per line.

#include <ostream>

#include <boost/json/value.hpp>

namespace referee::reports::json {

// Objects and arrays one element per line, indented by two spaces; empty ones as {} and [].
// Scalars exactly as boost::json::serialize writes them.
void pretty_print(std::ostream& out, const boost::json::value& value, int indent = 0);

}  // namespace referee::reports::json
