#pragma once
// `referee report RESULTS.json… --html F --junit F --json F`:
//   one file                 -> its reports rendered again (e.g. after an upgrade of referee);
//   the shards 1..N of a run -> merged into the reports of the whole run;
//   runs of several targets  -> one behaviour matrix across them (--html only).

#include <ostream>

#include "harness/cli/options.hpp"

namespace referee::cli {

// 0 when written (the verdicts do not change the exit code of a report); 2 when an input
// cannot be read, the shards do not fit together, or a comparison is asked for JUnit/JSON;
// 1 when a report cannot be written.
int report_command(const ReportSettings& settings, std::ostream& out, std::ostream& err);

}  // namespace referee::cli
