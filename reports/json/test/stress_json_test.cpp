#include "reports/json/stress_json.hpp"

#include <gtest/gtest.h>

#include "reports/json/json_report.hpp"

namespace referee::reports::json {
namespace {

engine::StressResult stress_result() {
  engine::StressResult stress;
  stress.seed = 42;
  stress.clients = 10;
  stress.commands = 1000;
  stress.violations = 1;
  stress.per_command.push_back({.name = "FETCH", .count = 600, .per_second = 300, .p50_us = 90,
                                .p90_us = 200, .p99_us = 900, .max_us = 4000});
  stress.findings.push_back({.invariant = "uid-stable", .requirement = "rfc3501-2.3.1.1-uid-stable",
                             .outcome = "fail", .client = "C3", .command = "FETCH 2 (FLAGS UID)",
                             .observed = "* 2 FETCH (UID 9 \xff)", .command_index = 17,
                             .transcript = {"+12us C3 C A5 FETCH 2 (FLAGS UID)"}});
  stress.replay_file = "results/stress-replay.txt";
  return stress;
}

TEST(StressJson, HoldsThroughputLatencyAndFindings) {
  auto section = stress_json(stress_result());
  EXPECT_EQ(section.at("seed").to_number<std::uint64_t>(), 42u);
  EXPECT_EQ(section.at("violations").to_number<std::uint64_t>(), 1u);
  const auto& fetch = section.at("per_command").as_array().at(0).as_object();
  EXPECT_EQ(fetch.at("name").as_string(), "FETCH");
  EXPECT_EQ(fetch.at("p99_us").to_number<std::uint64_t>(), 900u);
  const auto& finding = section.at("findings").as_array().at(0).as_object();
  EXPECT_EQ(finding.at("requirement").as_string(), "rfc3501-2.3.1.1-uid-stable");
  EXPECT_EQ(finding.at("command_index").to_number<std::uint64_t>(), 17u);
  // Server bytes that are not UTF-8 still give valid JSON strings.
  EXPECT_EQ(finding.at("observed").as_string(), "* 2 FETCH (UID 9 \xef\xbf\xbd)");
  EXPECT_EQ(section.at("replay_file").as_string(), "results/stress-replay.txt");
}

TEST(StressJson, AppearsOnlyForStressRuns) {
  engine::RunResult run;
  EXPECT_FALSE(to_json(run).contains("stress"));
  run.stress = stress_result();
  EXPECT_TRUE(to_json(run).contains("stress"));
  EXPECT_TRUE(to_json(run).contains("scenarios"));  // additive: the rest is unchanged
}

}  // namespace
}  // namespace referee::reports::json
