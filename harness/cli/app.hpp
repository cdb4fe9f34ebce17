#pragma once
// The `referee` program without main(): parse the command line, run the command, return the
// exit code. Separate from main so tests can run whole commands.

#include <ostream>
#include <string>
#include <vector>

namespace referee::cli {

// `args` without the program name.
int run_referee(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace referee::cli
