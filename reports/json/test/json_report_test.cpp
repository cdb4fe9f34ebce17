#include "reports/json/json_report.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "reports/byte_text.hpp"

namespace referee::reports::json {
namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;
using engine::Outcome;

// A failed scenario with one of everything: a failing and a passing check, an observed
// strategy, and transcript lines with and without binary bytes.
engine::ScenarioResult failed_scenario() {
  engine::ScenarioResult failed;
  failed.id = "rfc2193/4.1/select-remote-mailbox";
  failed.title = "SELECT of a remote mailbox";
  failed.rfc = "2193";
  failed.section = "4.1";
  failed.file = "scenarios/rfc2193/select-remote-mailbox.xml";
  failed.quotes = {"RFC 2193 §4.1: the server MUST return a referral"};
  failed.outcome = Outcome::fail;
  failed.duration = std::chrono::microseconds(5000);
  engine::CheckResult check;
  check.requirement = "rfc2193-4-select-referral";
  check.rfc = "2193";
  check.section = "4.1";
  check.level = scenario::Level::must;
  check.outcome = Outcome::fail;
  check.summary = "tagged response to SELECT";
  check.expected = "NO [REFERRAL imap://...]";
  check.observed = "a1 OK SELECT completed";
  check.client = "C1";
  check.step = {"scenarios/rfc2193/select-remote-mailbox.xml", 21, 5};
  check.transcript_event = 1;
  failed.checks = {check};
  check.transcript_event.reset();
  check.level = scenario::Level::should_not;
  check.outcome = Outcome::pass;
  failed.checks.push_back(check);
  failed.strategies = {{"delete-selected", "ghost", "3.2", "DELETE allowed, others keep access"}};
  failed.transcript = {{10, "C1", "alpha", "send", "a1 SELECT remote/projects\r\n"},
                       {250, "C1", "alpha", "recv", "* 1 FETCH (BODY[] {3}\r\n\x00\xff\x01)\r\n"s}};
  return failed;
}

engine::RunResult sample_run() {
  engine::RunResult run;
  run.suite_version = "0.1.0";
  run.git_commit = "0182e87c0ffee0000000000000000000000000ab";
  run.catalogue_version = "2026.12.0";
  run.target = "reference servers (fixtures/targets/reference.xml)";
  run.started_at = "2026-11-23T14:12:00";
  run.duration = std::chrono::microseconds(1234567);
  run.servers = {{"alpha", "127.0.0.1:40123", "* OK [CAPABILITY IMAP4rev1] alpha ready",
                  {"IMAP4rev1", "MAILBOX-REFERRALS"}}};
  run.launch_output = {"launch stdout: READY alpha=127.0.0.1:40123"};
  engine::ScenarioResult skipped;
  skipped.id = "rfc2180/3/delete-selected-mailbox";
  skipped.outcome = Outcome::not_applicable;
  skipped.reason = "the profile does not allow destructive scenarios";
  skipped.repetition = 1;
  run.scenarios = {failed_scenario(), skipped};
  return run;
}

std::string written(const engine::RunResult& run) {
  std::ostringstream out;
  JsonReportWriter().write(run, out);
  return out.str();
}

fs::path golden_file() {
  const char* source = std::getenv("REFEREE_SOURCE_DIR");
  return fs::path(source ? source : ".") / "reports/json/test/golden/run_result.json";
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// REFEREE_UPDATE_GOLDEN=1 rewrites the golden file after an intended format change.
TEST(JsonReport, MatchesTheGoldenFile) {
  auto text = written(sample_run());
  if (std::getenv("REFEREE_UPDATE_GOLDEN")) std::ofstream(golden_file(), std::ios::binary) << text;
  auto golden = read_file(golden_file());
  ASSERT_FALSE(golden.empty()) << "missing " << golden_file();
  EXPECT_EQ(text, golden);
}

TEST(JsonReport, SummaryCountsScenariosByOutcome) {
  auto document = to_json(sample_run());
  const auto& summary = document.at("summary").as_object();
  EXPECT_EQ(summary.at("scenarios").as_uint64(), 2u);
  EXPECT_EQ(summary.at("fail").as_uint64(), 1u);
  EXPECT_EQ(summary.at("not_applicable").as_uint64(), 1u);
  EXPECT_EQ(summary.at("pass").as_uint64(), 0u);
  EXPECT_EQ(document.at("format_version").as_int64(), kFormatVersion);
}

TEST(JsonReport, BinaryTranscriptBytesAreReadableTextPlusExactBase64) {
  auto document = boost::json::parse(written(sample_run())).as_object();
  const auto& transcript =
      document.at("scenarios").as_array()[0].as_object().at("transcript").as_array();
  const auto& text_only = transcript[0].as_object();
  EXPECT_EQ(text_only.at("text").as_string(), "a1 SELECT remote/projects\r\n");
  EXPECT_FALSE(text_only.contains("base64"));
  const auto& binary = transcript[1].as_object();
  EXPECT_EQ(binary.at("text").as_string(),
            "* 1 FETCH (BODY[] {3}\r\n\x00\xEF\xBF\xBD\x01)\r\n"s);
  EXPECT_EQ(binary.at("base64").as_string(),
            base64_encode("* 1 FETCH (BODY[] {3}\r\n\x00\xff\x01)\r\n"s));
}

TEST(JsonReport, InvalidBytesAnywhereStillGiveValidJson) {
  auto run = sample_run();
  run.scenarios[0].checks[0].observed = "a1 NO \xC0\xC1 broken";
  run.launch_output.push_back("launch stderr: \xFF\xFE");
  auto text = written(run);
  EXPECT_TRUE(is_valid_utf8(text));
  auto document = boost::json::parse(text).as_object();
  const auto& check = document.at("scenarios").as_array()[0].at("checks").as_array()[0];
  EXPECT_EQ(check.at("observed").as_string(), "a1 NO \xEF\xBF\xBD\xEF\xBF\xBD broken");
  EXPECT_TRUE(check.at("step").as_object().contains("line"));
  const auto& second = document.at("scenarios").as_array()[0].at("checks").as_array()[1];
  EXPECT_TRUE(second.at("transcript_event").is_null());
  EXPECT_EQ(second.at("level").as_string(), "SHOULD NOT");
}

TEST(JsonReport, ReportFileIsWrittenWholeIntoNewDirectories) {
  auto directory = fs::temp_directory_path() / "referee-json-report-test";
  fs::remove_all(directory);
  auto path = directory / "nested" / "results.json";
  JsonReportWriter writer;
  EXPECT_EQ(writer.default_file_name(), "results.json");
  ASSERT_FALSE(write_report_file(writer, sample_run(), path));
  EXPECT_EQ(read_file(path), written(sample_run()));
  EXPECT_FALSE(fs::exists(directory / "nested" / "results.json.partial"));
  fs::remove_all(directory);
}

TEST(JsonReport, UnwritableLocationIsAnError) {
  auto blocker = fs::temp_directory_path() / "referee-json-report-blocker";
  std::ofstream(blocker) << "a file, not a directory";
  EXPECT_TRUE(write_report_file(JsonReportWriter(), sample_run(), blocker / "results.json"));
  fs::remove(blocker);
}

}  // namespace
}  // namespace referee::reports::json
