// Writes a report as large as the HTML report must stay usable with: 1,000 scenarios and
// about 10 MB of transcripts (three clients and a followed referral each, literals, a failing
// step in every tenth scenario). The browser test loads it and measures.
//   referee_large_report OUT.html [SCENARIOS [TRANSCRIPT_BYTES]]
#include <cstdlib>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "reports/html/html_report.hpp"

namespace {

using referee::engine::Outcome;

constexpr const char* kRfcs[] = {"2180", "2193", "2221", "3501"};
constexpr const char* kClients[] = {"C1", "C2", "C3", "C1R"};

referee::engine::ScenarioResult scenario(std::size_t index, std::size_t transcript_bytes) {
  referee::engine::ScenarioResult s;
  s.rfc = kRfcs[index % 4];
  s.section = fmt::format("{}.{}", 3 + index % 2, index % 7);
  s.id = fmt::format("rfc{}/{}/generated-{:04}", s.rfc, s.section, index);
  s.title = fmt::format("generated scenario {}", index);
  s.file = "scenarios/generated.xml";
  s.quotes = {fmt::format("RFC {} §{}: a generated sentence", s.rfc, s.section)};
  s.duration = std::chrono::microseconds(1000 + index);
  std::size_t size = 0;
  for (std::int64_t event = 0; size < transcript_bytes; ++event) {
    std::string bytes = event % 5 == 4
        ? fmt::format("* {} FETCH (BODY[] {{120}}\r\n{:120}\r\n)\r\n", event, "literal body line")
        : fmt::format("a{} {} generated command with some padding to make it longer {:60}\r\n", event,
                      event % 2 ? "OK" : "SELECT", "");
    size += bytes.size();
    s.transcript.push_back({static_cast<std::int64_t>(index * 100000 + event * 10), kClients[event % 4],
                            "alpha", event % 2 ? "recv" : "send", std::move(bytes)});
  }
  bool failing = index % 10 == 3;
  s.outcome = failing ? Outcome::fail : index % 10 == 5 ? Outcome::info : Outcome::pass;
  referee::engine::CheckResult check{.requirement = fmt::format("rfc{}-{}-generated", s.rfc, index % 40),
                                     .rfc = s.rfc, .section = s.section, .outcome = s.outcome,
                                     .summary = "generated check", .expected = "OK", .observed = failing ? "NO" : "OK",
                                     .client = "C2", .transcript_event = s.transcript.size() / 2};
  s.checks = {check};
  if (index % 10 == 5) s.strategies = {{"delete-selected", index % 20 == 5 ? "ghost" : "bye", "3", "generated"}};
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: referee_large_report OUT.html [SCENARIOS [TRANSCRIPT_BYTES]]\n";
    return 2;
  }
  std::size_t count = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 1000;
  std::size_t total_bytes = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 10'000'000;
  referee::engine::RunResult run;
  run.suite_version = "0.1.0";
  run.target = "generated large run";
  run.started_at = "2026-11-23T14:12:00";
  run.servers = {{"alpha", "127.0.0.1:143", "* OK ready", {"IMAP4rev1"}, {}}};
  for (std::size_t i = 0; i < count; ++i) run.scenarios.push_back(scenario(i, total_bytes / count));
  std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
  referee::reports::html::HtmlReportWriter().write(run, out);
  out.flush();
  if (!out) {
    std::cerr << argv[1] << ": could not be written\n";
    return 1;
  }
  std::cout << argv[1] << ": " << count << " scenarios, " << out.tellp() << " bytes\n";
  return 0;
}
