#pragma once
// `referee ARGS...` run in this process (app.hpp's run_referee), with what it printed.
#include <sstream>
#include <string>
#include <vector>

#include "harness/cli/app.hpp"

namespace referee::cli::testing {

struct CliRun {
  int exit_code;
  std::string out;
  std::string err;
};

inline CliRun referee(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  int code = run_referee(args, out, err);
  return {code, out.str(), err.str()};
}

}  // namespace referee::cli::testing
