#include "reports/json/stress_json.hpp"

#include <boost/json/array.hpp>

#include "reports/byte_text.hpp"

namespace referee::reports::json {
namespace {

namespace js = boost::json;

js::string text(std::string_view bytes) { return js::string(to_valid_utf8(bytes)); }

js::object command_json(const engine::StressCommandStats& stats) {
  return {{"name", text(stats.name)},     {"count", stats.count},   {"per_second", stats.per_second},
          {"p50_us", stats.p50_us},       {"p90_us", stats.p90_us}, {"p99_us", stats.p99_us},
          {"max_us", stats.max_us}};
}

js::object finding_json(const engine::StressFinding& finding) {
  js::array transcript;
  for (const auto& line : finding.transcript) transcript.emplace_back(text(line));
  return {{"invariant", text(finding.invariant)}, {"requirement", text(finding.requirement)},
          {"outcome", text(finding.outcome)},     {"client", text(finding.client)},
          {"command", text(finding.command)},     {"summary", text(finding.summary)},
          {"expected", text(finding.expected)},   {"observed", text(finding.observed)},
          {"command_index", finding.command_index}, {"transcript", std::move(transcript)}};
}

}  // namespace

js::object stress_json(const engine::StressResult& stress) {
  js::array commands, findings;
  for (const auto& stats : stress.per_command) commands.emplace_back(command_json(stats));
  for (const auto& finding : stress.findings) findings.emplace_back(finding_json(finding));
  return {{"seed", stress.seed},
          {"clients", stress.clients},
          {"mailboxes", stress.mailboxes},
          {"mix", text(stress.mix)},
          {"replayed", stress.replayed},
          {"commands", stress.commands},
          {"duration_s", stress.duration_s},
          {"commands_per_second", stress.commands_per_second},
          {"checker_cpu_s", stress.checker_cpu_s},
          {"harness_cpu_s", stress.harness_cpu_s},
          {"server_cpu_s", stress.server_cpu_s},
          {"violations", stress.violations},
          {"per_command", std::move(commands)},
          {"findings", std::move(findings)},
          {"replay_file", text(stress.replay_file)},
          {"shrunk_scenario", text(stress.shrunk_scenario)},
          {"shrink_summary", text(stress.shrink_summary)}};
}

}  // namespace referee::reports::json
