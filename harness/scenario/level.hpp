#pragma once
// RFC 2119 levels as files write them: MUST, MUST-NOT, SHOULD, SHOULD-NOT, MAY.
#include <optional>
#include <string_view>

#include "harness/scenario/model.hpp"

namespace referee::scenario {

// Also accepts "MUST NOT" / "SHOULD NOT" (with a space), as the RFCs spell them.
std::optional<Level> parse_level(std::string_view text);
std::string_view level_name(Level level);  // "MUST-NOT"

}  // namespace referee::scenario
