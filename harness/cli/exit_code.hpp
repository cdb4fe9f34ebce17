#pragma once
// What `referee` returns, so CI can tell "the server is non-conformant" from "could not run".

#include "harness/engine/result.hpp"

namespace referee::cli {

enum class ExitCode {
  conformant = 0,         // every selected scenario passed, was info or not applicable
  non_conformant = 1,     // a fail, an error (harness could not judge), or a warn with --strict
  usage_error = 2,        // bad options, scenario or profile files: nothing was run
  target_unreachable = 3, // the target could not be launched or reached
  interrupted = 130,      // SIGINT or SIGTERM: results of what finished were written (128 + 2,
                          // the shell's code for Ctrl-C)
};

int as_int(ExitCode code);

// The exit code for a run that started. An error exits 3 only when the target could not be
// reached (fatal_error); otherwise it is a scenario the harness could not judge: 1
// (/work/shared/DECISIONS.md, "Verdict policy").
ExitCode exit_code_for(const engine::RunResult& run, bool strict);

}  // namespace referee::cli
