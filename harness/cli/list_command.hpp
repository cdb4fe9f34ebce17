#pragma once
// `referee list`: the selected scenario ids, one per line (like --gtest_list_tests); with -v
// also the title, the RFC section and the requirement levels checked.

#include <ostream>

#include "harness/cli/options.hpp"

namespace referee::cli {

int list_command(const ListSettings& settings, std::ostream& out, std::ostream& err);

}  // namespace referee::cli
