#include "reports/baseline/baseline.hpp"

#include <gtest/gtest.h>

#include "reports/test/sample_run.hpp"

namespace referee::reports::baseline {
namespace {

using engine::BaselineStatus;
using engine::Outcome;

constexpr const char* kFailing = "rfc2193/4.1/select-remote-mailbox";
constexpr const char* kErrored = "rfc2221/3/bye-greeting";

Baseline parsed(const std::string& entries) {
  auto baseline = parse_baseline(R"({"format":"referee-baseline","format_version":1,"entries":[)" + entries + "]}", "b.json");
  EXPECT_TRUE(baseline) << (baseline ? "" : baseline.error().message);
  return baseline ? *baseline : Baseline{};
}

const engine::ScenarioResult& scenario(const engine::RunResult& run, std::string_view id) {
  for (const auto& s : run.scenarios) if (s.id == id) return s;
  throw std::logic_error("no such scenario");
}

TEST(Baseline, ExpectedFailuresDoNotFailTheRun) {
  auto run = testing::sample_run();
  EXPECT_TRUE(run_fails(run, false));
  apply_baseline(run, parsed(R"({"scenario":"rfc2193/4.1/select-remote-mailbox","outcome":"fail","reason":"known"},
                                {"scenario":"rfc2221/3/bye-greeting","outcome":"error","reason":"flaky","expires":"2027-01-01"})"),
                 "2026-12-03");
  EXPECT_EQ(scenario(run, kFailing).baseline.status, BaselineStatus::matched);
  EXPECT_EQ(scenario(run, kFailing).baseline.reason, "known");
  EXPECT_EQ(scenario(run, kErrored).baseline.status, BaselineStatus::matched);
  EXPECT_FALSE(run_fails(run, false));
  EXPECT_TRUE(run_fails(run, true));  // the warning still fails a strict run
}

TEST(Baseline, ADifferentFailureThanExpectedStillFails) {
  auto run = testing::sample_run();
  apply_baseline(run, parsed(R"({"scenario":"rfc2193/4.1/select-remote-mailbox","outcome":"warn","reason":"r"},
                                {"scenario":"rfc2221/3/bye-greeting","outcome":"error","reason":"r"})"), "2026-12-03");
  EXPECT_EQ(scenario(run, kFailing).baseline.status, BaselineStatus::none);
  EXPECT_TRUE(run_fails(run, false));
}

TEST(Baseline, UnexpectedPassesAreReportedAndFailOnlyStrictRuns) {
  auto run = testing::sample_run();
  apply_baseline(run, parsed(R"({"scenario":"rfc2193/4.1/select-remote-mailbox","outcome":"fail","reason":"r"},
                                {"scenario":"rfc2221/3/bye-greeting","outcome":"error","reason":"r"},
                                {"scenario":"rfc2180/4.2.1/store-expunged","outcome":"fail","reason":"was broken"},
                                {"scenario":"rfc2180/4.1.3/fetch-only-expunged","outcome":"warn","reason":"r"})"), "2026-12-03");
  EXPECT_EQ(scenario(run, "rfc2180/4.2.1/store-expunged").baseline.status, BaselineStatus::unexpected_pass);
  EXPECT_FALSE(run_fails(run, false));
  EXPECT_TRUE(run_fails(run, true));
}

TEST(Baseline, AnExpiredEntryFailsTheRun) {
  auto run = testing::sample_run();
  apply_baseline(run, parsed(R"({"scenario":"rfc2193/4.1/select-remote-mailbox","outcome":"fail","reason":"r","expires":"2026-12-02"},
                                {"scenario":"rfc2221/3/bye-greeting","outcome":"error","reason":"r","expires":"2026-12-03"})"), "2026-12-03");
  EXPECT_EQ(scenario(run, kFailing).baseline.status, BaselineStatus::expired);
  EXPECT_EQ(scenario(run, kErrored).baseline.status, BaselineStatus::matched);  // valid through its day
  EXPECT_TRUE(run_fails(run, false));
}

TEST(Baseline, RequirementEntriesExcuseEveryScenarioFailingThem) {
  auto run = testing::sample_run();
  apply_baseline(run, parsed(R"({"requirement":"rfc2193-4.1-select-referral","outcome":"fail","reason":"by design"},
                                {"requirement":"rfc3501-7.4.1-no-expunge","outcome":"fail","reason":"fixed since"},
                                {"requirement":"rfc2180-4.1.3-fetch-no","outcome":"warn","reason":"old","expires":"2020-01-01"})"), "2026-12-03");
  EXPECT_EQ(scenario(run, kFailing).baseline.status, BaselineStatus::matched);
  EXPECT_EQ(scenario(run, kFailing).baseline.reason, "by design");
  ASSERT_EQ(run.baseline_notes.size(), 2u);
  EXPECT_EQ(run.baseline_notes[0].requirement, "rfc3501-7.4.1-no-expunge");
  EXPECT_EQ(run.baseline_notes[0].status, BaselineStatus::unexpected_pass);
  EXPECT_EQ(run.baseline_notes[1].status, BaselineStatus::expired);
  EXPECT_TRUE(run_fails(run, false));  // the expired entry, and the unexcused error
}

TEST(Baseline, WrittenFromARunAndReadBack) {
  auto run = testing::sample_run();
  auto baseline = baseline_from_run(run);
  ASSERT_EQ(baseline.entries.size(), 2u);
  EXPECT_EQ(baseline.entries[0].scenario, kFailing);
  EXPECT_EQ(baseline.entries[1].outcome, Outcome::error);
  auto read = parse_baseline(baseline_text(baseline), "written.json");
  ASSERT_TRUE(read) << read.error().message;
  apply_baseline(run, *read, local_date());
  EXPECT_FALSE(run_fails(run, false));
}

TEST(Baseline, BadFilesAreExplained) {
  auto message = [](const std::string& text) {
    auto result = parse_baseline(text, "b.json");
    return result ? std::string() : result.error().message;
  };
  EXPECT_EQ(message(R"({"format":"x"})"), "b.json: not a referee baseline (\"format\": \"referee-baseline\")");
  EXPECT_EQ(message(R"({"format":"referee-baseline","entries":[{"outcome":"fail"}]})"),
            "b.json: entries[0]: needs exactly one of \"scenario\" and \"requirement\"");
  EXPECT_EQ(message(R"({"format":"referee-baseline","entries":[{"scenario":"x","outcome":"pass"}]})"),
            "b.json: entries[0]: \"outcome\" must be \"fail\", \"error\" or \"warn\" (the failure expected)");
  EXPECT_EQ(message(R"({"format":"referee-baseline","entries":[{"scenario":"x","outcome":"fail","expires":"soon"}]})"),
            "b.json: entries[0]: \"expires\" must be a date, YYYY-MM-DD");
  EXPECT_FALSE(read_baseline_file("/nonexistent/baseline.json"));
}

}  // namespace
}  // namespace referee::reports::baseline
