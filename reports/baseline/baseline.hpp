#pragma once
// Baselines (`referee run --baseline FILE`): the failures a vendor already knows about, per
// scenario or per requirement, each with a reason and an optional expiry date.
//
//   { "format": "referee-baseline", "format_version": 1,
//     "entries": [ { "scenario": "rfc2193/3/no-referral-loop", "outcome": "fail",
//                    "reason": "loop detection lands in 4.2", "expires": "2027-03-31" },
//                  { "requirement": "rfc2180-4.1.3-fetch-no", "outcome": "warn", "reason": "…" } ] }
//
// A baselined failure does not fail the run; an entry whose scenario (or requirement) no
// longer fails is an unexpected pass (fails the run with --strict); an expired entry fails it.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/system/result.hpp>

#include "harness/engine/result.hpp"

namespace referee::reports::baseline {

struct Entry {
  std::string scenario;      // a scenario id, or
  std::string requirement;   // a requirement id (exactly one of the two is set)
  engine::Outcome outcome = engine::Outcome::fail;  // the failure expected
  std::string reason;
  std::string expires;       // "2027-03-31" or "": valid through that day
};

struct Baseline {
  std::vector<Entry> entries;
};

struct BaselineError {
  std::string message;       // "base.json: entries[2]: \"outcome\" must be one of …"
};

boost::system::result<Baseline, BaselineError> parse_baseline(std::string_view text, std::string_view source);
boost::system::result<Baseline, BaselineError> read_baseline_file(const std::filesystem::path& path);

// One entry per scenario that counts as failing (fail, error; warn when the run was strict),
// with a reason naming the run. Written by `referee baseline RESULTS.json`.
Baseline baseline_from_run(const engine::RunResult& run);
// Indented JSON, ending with a newline.
std::string baseline_text(const Baseline& baseline);

// Marks every scenario (ScenarioResult::baseline) and adds notes for requirement entries.
// `today` is "YYYY-MM-DD" (local date).
void apply_baseline(engine::RunResult& run, const Baseline& baseline, std::string_view today);

// Whether the run fails once the baseline marks are taken into account.
bool run_fails(const engine::RunResult& run, bool strict);

// Today's local date, "YYYY-MM-DD".
std::string local_date();

}  // namespace referee::reports::baseline
