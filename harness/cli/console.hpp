#pragma once
// What `referee run` prints while scenarios finish: on a terminal a live progress line (failures
// stay above it as they happen), otherwise one plain line per scenario, for CI logs.

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <string_view>

#include "harness/cli/options.hpp"
#include "harness/engine/result.hpp"

namespace referee::cli {

// --color: `always` and `never` as said; `auto` colours a terminal unless NO_COLOR is set to a
// non-empty value (https://no-color.org) or TERM is "dumb".
bool use_color(ColorChoice choice, bool is_terminal, const char* no_color, const char* term);

struct ConsoleStyle {
  bool color = false;
  bool live = false;       // a terminal: rewrite one progress line
  bool strict = false;     // warn counts as a failure (and is printed as one)
  Verbosity verbosity = Verbosity::normal;
};

// "PASS", "FAIL", "WARN", "INFO", "N/A", "ERROR", coloured when `color`.
std::string outcome_label(engine::Outcome outcome, bool color);

class Console {
 public:
  Console(std::ostream& out, ConsoleStyle style, std::size_t total);

  // Called once per finished scenario (on the engine's thread, in completion order).
  void scenario_finished(const engine::ScenarioResult& scenario);
  // Clears the progress line; call before printing anything else.
  void finish();

  const std::map<engine::Outcome, std::size_t>& counts() const { return counts_; }

 private:
  bool worth_a_line(const engine::ScenarioResult& scenario) const;
  std::string scenario_line(const engine::ScenarioResult& scenario) const;
  std::string progress_line(std::string_view last_id) const;

  std::ostream& out_;
  ConsoleStyle style_;
  std::size_t total_;
  std::size_t done_ = 0;
  std::map<engine::Outcome, std::size_t> counts_;
  bool progress_shown_ = false;
};

// "12 scenarios: 9 pass, 1 fail, 1 warn, 0 info, 1 not applicable, 0 error".
std::string summary_counts(const engine::RunResult& run);

}  // namespace referee::cli
