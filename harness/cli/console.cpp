#include "harness/cli/console.hpp"

#include <array>
#include <string>

#include <fmt/format.h>

#include "harness/engine/match/outcome.hpp"

namespace referee::cli {
namespace {

constexpr std::string_view kClearLine = "\r\033[K";
constexpr std::string_view kReset = "\033[0m";

std::string_view outcome_color(engine::Outcome outcome) {
  switch (outcome) {
    case engine::Outcome::pass: return "\033[32m";           // green
    case engine::Outcome::fail: return "\033[1;31m";         // bold red
    case engine::Outcome::error: return "\033[1;35m";        // bold magenta
    case engine::Outcome::warn: return "\033[33m";           // yellow
    case engine::Outcome::info: return "\033[36m";           // cyan
    case engine::Outcome::not_applicable: return "\033[2m";  // dim
  }
  return "";
}

std::string_view outcome_word(engine::Outcome outcome) {
  switch (outcome) {
    case engine::Outcome::pass: return "PASS";
    case engine::Outcome::fail: return "FAIL";
    case engine::Outcome::error: return "ERROR";
    case engine::Outcome::warn: return "WARN";
    case engine::Outcome::info: return "INFO";
    case engine::Outcome::not_applicable: return "N/A";
  }
  return "?";
}

constexpr std::array kSummaryOrder{engine::Outcome::pass, engine::Outcome::fail,
                                   engine::Outcome::warn, engine::Outcome::info,
                                   engine::Outcome::not_applicable, engine::Outcome::error};

}  // namespace

bool use_color(ColorChoice choice, bool is_terminal, const char* no_color, const char* term) {
  if (choice != ColorChoice::automatic) return choice == ColorChoice::always;
  if (no_color && *no_color) return false;
  if (term && std::string_view(term) == "dumb") return false;
  return is_terminal;
}

std::string outcome_label(engine::Outcome outcome, bool color) {
  auto word = fmt::format("{:<5}", outcome_word(outcome));
  if (!color) return word;
  return fmt::format("{}{}{}", outcome_color(outcome), word, kReset);
}

Console::Console(std::ostream& out, ConsoleStyle style, std::size_t total)
    : out_(out), style_(style), total_(total) {}

bool Console::worth_a_line(const engine::ScenarioResult& scenario) const {
  bool failure = engine::is_failure(scenario.outcome, style_.strict);
  switch (style_.verbosity) {
    case Verbosity::quiet: return failure;
    case Verbosity::verbose: return true;
    case Verbosity::normal:
      // On a terminal the progress line stands for the passes.
      return !style_.live || failure || scenario.outcome == engine::Outcome::warn;
  }
  return true;
}

std::string Console::scenario_line(const engine::ScenarioResult& scenario) const {
  std::string line = fmt::format("{} {}", outcome_label(scenario.outcome, style_.color), scenario.id);
  if (scenario.repetition > 0) line += fmt::format(" (repetition {})", scenario.repetition + 1);
  line += fmt::format(" ({:.1f} ms)", static_cast<double>(scenario.duration.count()) / 1000.0);
  if (!scenario.reason.empty()) line += ": " + scenario.reason;
  if (style_.verbosity == Verbosity::verbose) {
    for (const auto& check : scenario.checks) {
      line += fmt::format("\n      {} {} ({}): {}", outcome_label(check.outcome, style_.color),
                          check.requirement, engine::to_string(check.level), check.summary);
    }
  }
  return line;
}

std::string Console::progress_line(std::string_view last_id) const {
  auto count = [this](engine::Outcome outcome) {
    auto found = counts_.find(outcome);
    return found == counts_.end() ? std::size_t{0} : found->second;
  };
  return fmt::format("[{}/{}] {} pass, {} fail, {} warn, {} info, {} error | {}", done_, total_,
                     count(engine::Outcome::pass), count(engine::Outcome::fail),
                     count(engine::Outcome::warn), count(engine::Outcome::info),
                     count(engine::Outcome::error), last_id);
}

void Console::scenario_finished(const engine::ScenarioResult& scenario) {
  ++done_;
  ++counts_[scenario.outcome];
  if (style_.live && progress_shown_) out_ << kClearLine;
  if (worth_a_line(scenario)) out_ << scenario_line(scenario) << '\n';
  if (style_.live && style_.verbosity != Verbosity::quiet) {
    out_ << progress_line(scenario.id);
    progress_shown_ = true;
  }
  out_.flush();
}

void Console::finish() {
  if (progress_shown_) out_ << kClearLine;
  progress_shown_ = false;
  out_.flush();
}

std::string summary_counts(const engine::RunResult& run) {
  std::map<engine::Outcome, std::size_t> counts;
  for (const auto& scenario : run.scenarios) ++counts[scenario.outcome];
  std::string text = fmt::format("{} scenario{}:", run.scenarios.size(),
                                 run.scenarios.size() == 1 ? "" : "s");
  const char* separator = " ";
  for (auto outcome : kSummaryOrder) {
    text += fmt::format("{}{} {}", separator, counts[outcome], engine::to_string(outcome));
    separator = ", ";
  }
  return text;
}

}  // namespace referee::cli
