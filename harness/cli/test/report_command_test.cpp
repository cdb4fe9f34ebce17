// `referee run` with every report, `--shard` + `referee report` merging, `--baseline` and
// `referee baseline`, against the reference fixture servers.
#include "harness/cli/app.hpp"
#include "harness/cli/test/run_referee_in_process.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace referee::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

using Result = testing::CliRun;
using testing::referee;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A results.json with what differs between two runs of the same scenarios taken out: times,
// ports, run ids, UIDVALIDITY (the fixture takes it from the clock), how referee was called
// and the launch output.
std::string comparable(const fs::path& path) {
  auto document = boost::json::parse(read_file(path)).as_object();
  for (auto key : {"command_line", "launch_output", "run_id", "started_at", "duration_us"}) document.erase(key);
  auto text = boost::json::serialize(document);
  static const std::regex volatile_fields(R"re("(us|duration_us)":[0-9]+|:[0-9]{2,5}\b|[0-9]{8}[Tt][0-9]{4}-[0-9a-f]{4}|UIDVALIDITY [0-9]+)re");
  return std::regex_replace(text, volatile_fields, "V");
}

class ReportCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Under GitLab's parallel jobs these would shard the runs of this test.
    ::unsetenv("CI_NODE_INDEX");
    ::unsetenv("CI_NODE_TOTAL");
    dir_ = fs::temp_directory_path() / ("referee-report-command-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The referral-loop fault makes rfc2193/3/no-referral-loop fail.
  Result run(const std::string& out, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"run", "--filter", "rfc2193/3/*:rfc2193/4.1/*", "--fixture-fault", "referral-loop",
                                  "-q", "--color", "never", "--out", (dir_ / out).string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return referee(args);
  }

  fs::path dir_;
};

#ifdef REFEREE_FIXTURE_SERVER
TEST_F(ReportCommandTest, OneRunWritesEveryFormatAndShardsMergeIntoTheSameReport) {
  auto whole = run("whole", {"--html", (dir_ / "copy.html").string(), "--junit", (dir_ / "copy.xml").string()});
  ASSERT_EQ(whole.exit_code, 1) << whole.err << whole.out;
  for (auto file : {"whole/results.json", "whole/TEST-referee.xml", "whole/report.html", "copy.html", "copy.xml"}) {
    EXPECT_TRUE(fs::exists(dir_ / file)) << file;
  }
  EXPECT_THAT(whole.out, HasSubstr("HTML report: " + (dir_ / "copy.html").string()));
  EXPECT_THAT(read_file(dir_ / "whole/TEST-referee.xml"), HasSubstr("name=\"rfc2193/3/no-referral-loop\""));
  auto first = run("shard1", {"--shard", "1/2"});
  auto second = run("shard2", {"--shard", "2/2"});
  ASSERT_NE(first.exit_code, 2) << first.err;
  ASSERT_NE(second.exit_code, 2) << second.err;
  auto merged = referee({"report", (dir_ / "shard2/results.json").string(), (dir_ / "shard1/results.json").string(),
                         "--json", (dir_ / "merged.json").string(), "--html", (dir_ / "merged.html").string(),
                         "--junit", (dir_ / "merged.xml").string()});
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_EQ(comparable(dir_ / "merged.json"), comparable(dir_ / "whole/results.json"));
  EXPECT_TRUE(fs::exists(dir_ / "merged.html"));
  auto one = referee({"report", (dir_ / "shard2/results.json").string(), "--html", (dir_ / "shard2.html").string()});
  EXPECT_EQ(one.exit_code, 0) << one.err;  // one shard alone is rendered as it is
  auto missing = referee({"report", (dir_ / "shard1/results.json").string(), (dir_ / "shard1/results.json").string(),
                          "--json", (dir_ / "x.json").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("are both shard 1/2"));
}

TEST_F(ReportCommandTest, ABaselineOfTheFailuresMakesTheSameRunPass) {
  ASSERT_EQ(run("first").exit_code, 1);
  auto baseline = referee({"baseline", (dir_ / "first/results.json").string()});
  ASSERT_EQ(baseline.exit_code, 0) << baseline.err;
  EXPECT_THAT(baseline.out, HasSubstr("\"scenario\": \"rfc2193/3/no-referral-loop\""));
  std::ofstream(dir_ / "baseline.json") << baseline.out;
  auto second = run("second", {"--baseline", (dir_ / "baseline.json").string()});
  EXPECT_EQ(second.exit_code, 0) << second.out << second.err;
  EXPECT_THAT(second.out, HasSubstr("Baseline: known failures (they do not fail the run):\n  rfc2193/3/no-referral-loop"));
  EXPECT_THAT(second.out, ::testing::Not(HasSubstr("Failures:")));
  EXPECT_THAT(read_file(dir_ / "second/results.json"), HasSubstr("\"status\": \"matched\""));
  EXPECT_THAT(read_file(dir_ / "second/TEST-referee.xml"), HasSubstr("<skipped type=\"baseline\""));
}
#endif

TEST_F(ReportCommandTest, RunsOfDifferentTargetsAreCompared) {
  for (auto [name, target] : {std::pair{"a.json", "server A"}, std::pair{"b.json", "server B"}}) {
    std::ofstream(dir_ / name) << R"({"format":"referee-results","format_version":2,"target":")" << target
                               << R"(","scenarios":[{"id":"x","rfc":"2180","outcome":")" << (name[0] == 'a' ? "pass" : "warn")
                               << R"(","checks":[]}]})";
  }
  auto compared = referee({"report", (dir_ / "a.json").string(), (dir_ / "b.json").string(), "--html", (dir_ / "compare.html").string()});
  ASSERT_EQ(compared.exit_code, 0) << compared.err;
  auto page = read_file(dir_ / "compare.html");
  EXPECT_THAT(page, HasSubstr("\"kind\":\"compare\""));
  EXPECT_THAT(page, HasSubstr("server B"));
  auto junit = referee({"report", (dir_ / "a.json").string(), (dir_ / "b.json").string(), "--junit", (dir_ / "x.xml").string()});
  EXPECT_EQ(junit.exit_code, 2);
  EXPECT_THAT(junit.err, HasSubstr("can only be compared, with --html"));
}

TEST_F(ReportCommandTest, UnreadableInputsAndBaselinesAreUsageErrors) {
  auto missing = referee({"report", (dir_ / "none.json").string(), "--html", (dir_ / "r.html").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("none.json: cannot be read"));
  auto nothing = referee({"report", (dir_ / "none.json").string()});
  EXPECT_EQ(nothing.exit_code, 2);
  EXPECT_THAT(nothing.err, HasSubstr("nothing to write"));
  std::ofstream(dir_ / "bad.json") << R"({"format":"referee-baseline","entries":[{"scenario":"x","outcome":"pass"}]})";
  auto bad = referee({"run", "--filter", "rfc2193/3/*", "--baseline", (dir_ / "bad.json").string(), "--out", (dir_ / "out").string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("bad.json: entries[0]: \"outcome\" must be"));
}

}  // namespace
}  // namespace referee::cli
