#pragma once
// `referee validate FILE...`: checks scenario, profile and requirements files (schema and
// semantic checks) without running anything. Each file's kind comes from its root element.
// Prints every problem as file:line:column; exit 0 when none is an error, else 2.

#include <ostream>

#include "harness/cli/options.hpp"

namespace referee::cli {

int validate_command(const ValidateSettings& settings, std::ostream& out, std::ostream& err);

}  // namespace referee::cli
