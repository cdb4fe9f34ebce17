#include "harness/cli/stress_report.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace referee::cli {
namespace {

constexpr std::size_t kWindowLinesShown = 30;

void print_finding(const engine::StressFinding& finding, std::uint64_t seed, std::ostream& out) {
  std::string_view label = finding.outcome == "fail" ? "VIOLATION" : finding.outcome == "warn" ? "WARNING" : "INFO";
  out << fmt::format("\n{} {} [{}] on {} #{}: {}\n", label,
                     finding.invariant, finding.requirement, finding.client, finding.command_index,
                     finding.summary);
  out << fmt::format("  command:  {}\n  expected: {}\n  observed: {}\n  seed:     {}\n",
                     finding.command, finding.expected, finding.observed, seed);
  std::size_t first = finding.transcript.size() > kWindowLinesShown
                          ? finding.transcript.size() - kWindowLinesShown : 0;
  out << "  transcript (last lines of every client):\n";
  for (std::size_t i = first; i < finding.transcript.size(); ++i) {
    out << "    " << finding.transcript[i] << '\n';
  }
}

void print_latencies(const engine::StressResult& stress, std::ostream& out) {
  out << fmt::format("  {:<12} {:>9} {:>10} {:>8} {:>8} {:>8} {:>8}\n", "command", "count",
                     "per s", "p50 µs", "p90 µs", "p99 µs", "max µs");
  for (const auto& stats : stress.per_command) {
    out << fmt::format("  {:<12} {:>9} {:>10.0f} {:>8} {:>8} {:>8} {:>8}\n", stats.name,
                       stats.count, stats.per_second, stats.p50_us, stats.p90_us, stats.p99_us,
                       stats.max_us);
  }
}

}  // namespace

void print_stress_report(const engine::RunResult& result, const stress::StressRun& run,
                         std::ostream& out, std::ostream& err) {
  if (!result.stress) return;
  const engine::StressResult& stress = *result.stress;
  if (!run.fatal_error.empty()) {
    err << "referee: the target could not be launched, reached or set up:\n" << run.fatal_error << '\n';
    return;
  }
  for (const auto& finding : stress.findings) print_finding(finding, stress.seed, out);
  out << fmt::format("\n{}{} commands by {} clients in {:.1f} s: {:.0f} commands/s, {} violations, seed {}\n",
                     stress.replayed ? "Replay: " : "", stress.commands, stress.clients,
                     stress.duration_s, stress.commands_per_second, stress.violations, stress.seed);
  out << fmt::format("CPU: referee {:.2f} s (checker {:.2f} s), server {}\n", stress.harness_cpu_s,
                     stress.checker_cpu_s,
                     stress.server_cpu_s < 0 ? std::string("unknown") : fmt::format("{:.2f} s", stress.server_cpu_s));
  print_latencies(stress, out);
  if (!stress.replay_file.empty()) out << "Replay: referee stress --replay " << stress.replay_file << '\n';
  if (!stress.shrink_summary.empty()) out << "Shrunk: " << stress.shrink_summary << '\n';
  if (!stress.shrunk_scenario.empty()) {
    out << "Scenario: " << stress.shrunk_scenario << " (referee validate / referee run --scenarios DIR)\n";
  }
  out << "Target: " << result.target << '\n';
}

std::vector<std::filesystem::path> stress_output_files(const StressSettings& settings) {
  std::vector<std::filesystem::path> files{settings.out_dir / "results.json"};
  if (settings.json_path) files.push_back(*settings.json_path);
  return files;
}

}  // namespace referee::cli
