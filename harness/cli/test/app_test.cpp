// Whole `referee` commands, through run_referee(), against the real loaders, the real
// catalogue, and launch hooks running the fake target (harness/target/test).
#include "harness/cli/app.hpp"
#include "harness/cli/test/run_referee_in_process.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/json/parse.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace referee::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

using Outcome = testing::CliRun;
using testing::referee;

fs::path source_dir() {
  const char* dir = std::getenv("REFEREE_SOURCE_DIR");
  return dir != nullptr ? dir : REFEREE_TEST_SOURCE_DIR;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fresh directory per test, removed afterwards.
class AppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ::unsetenv("CI_NODE_INDEX");  // under GitLab's parallel jobs these would shard every run
    ::unsetenv("CI_NODE_TOTAL");
    directory_ = fs::temp_directory_path() /
                 ("referee-app-test-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(directory_);
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  fs::path write(const std::string& name, const std::string& text) {
    auto path = directory_ / name;
    std::ofstream(path) << text;
    return path;
  }

  // A profile whose launch hook runs the fake target with `args`; alpha's port is announced.
  fs::path fake_target_profile(const std::string& args) {
    return write("target.xml", R"(<?xml version="1.0"?>
<profile xmlns="urn:referee:profile:1" name="fake">
  <servers><server id="alpha" roles="main" host="127.0.0.1"/></servers>
  <users><user id="alice" roles="local" login="alice" password="pw" home="alpha"/></users>
  <hooks>
    <launch command=")" REFEREE_FAKE_TARGET R"(" ready-line="READY" deadline="5s">)" + args + R"(</launch>
    <stop grace="1s"/>
  </hooks>
</profile>
)");
  }

  fs::path directory_;
};

TEST_F(AppTest, ValidateAcceptsTheBuiltInTargetAndAScenario) {
  auto result = referee({"validate", (source_dir() / "fixtures/targets/reference.xml").string(),
                         (source_dir() / "scenarios/rfc3501/6.1.2/noop-always-succeeds.xml").string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("reference.xml: ok"));
  EXPECT_THAT(result.out, HasSubstr("noop-always-succeeds.xml: ok"));
}

TEST_F(AppTest, AMissingDataDirectoryIsNamedAndNothingRuns) {
  ::setenv("REFEREE_DATA_DIR", (directory_ / "no-such-data").c_str(), 1);
  auto result = referee({"list"});
  auto version = referee({"--version"});
  ::unsetenv("REFEREE_DATA_DIR");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("no data directory at " + (directory_ / "no-such-data").string() +
                                    " (REFEREE_DATA_DIR)"));
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_THAT(version.out, HasSubstr("data directory: " + (directory_ / "no-such-data").string()));
}

TEST_F(AppTest, ValidateReportsFileLineColumnAndExitsTwo) {
  auto broken = write("broken.xml", "<?xml version=\"1.0\"?>\n<profile xmlns=\"urn:referee:profile:1\">\n"
                                    "  <servers><server id=\"alpha\"/></servers>\n</profile>\n");
  auto result = referee({"validate", broken.string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.out, HasSubstr("broken.xml: invalid"));
  EXPECT_THAT(result.err, HasSubstr(broken.string() + ":"));
  EXPECT_THAT(result.err, HasSubstr(": error: "));
  auto missing = referee({"validate", (directory_ / "missing.xml").string()});
  EXPECT_EQ(missing.exit_code, 2);
}

TEST_F(AppTest, ListAppliesTheFilterToTheCatalogue) {
  auto result = referee({"list", "--filter", "rfc2193/*:-*/rename*"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("rfc2193/4.1/select-remote-mailbox\n"));
  EXPECT_THAT(result.out, Not(HasSubstr("rename")));
  EXPECT_THAT(result.out, Not(HasSubstr("rfc2221/")));
}

TEST_F(AppTest, RunWithNothingSelectedIsAUsageError) {
  auto result = referee({"run", "--filter", "no-such-scenario", "--out", directory_.string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("no scenario matches the selection"));
}

TEST_F(AppTest, RunWithABrokenProfileRunsNothingAndExitsTwo) {
  auto profile = write("bad.xml", "<profile xmlns=\"urn:referee:profile:1\"/>");
  auto result = referee({"run", "--target", profile.string(), "--out", (directory_ / "out").string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("bad.xml:1:"));
  EXPECT_FALSE(fs::exists(directory_ / "out" / "results.json"));
}

TEST_F(AppTest, RunWithAnUnwritableOutDirectoryIsAUsageError) {
  auto blocker = write("file", "not a directory");
  auto result = referee({"run", "--target", fake_target_profile("").string(), "--out",
                         (blocker / "out").string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("--out"));
}

TEST_F(AppTest, TargetThatCannotLaunchExitsThreeWithItsOutputInTheResults) {
  auto profile = fake_target_profile("<arg>--stderr</arg><arg>no licence file</arg><arg>--exit</arg><arg>1</arg>");
  auto out = directory_ / "out";
  auto result = referee({"run", "--target", profile.string(), "--out", out.string(), "-q"});
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_THAT(result.err, HasSubstr("could not be launched or reached"));
  EXPECT_THAT(result.err, HasSubstr("exited with status 1 before printing \"READY\""));
  auto document = boost::json::parse(read_file(out / "results.json")).as_object();
  EXPECT_THAT(std::string(document.at("fatal_error").as_string()), HasSubstr("exited with status 1"));
  EXPECT_THAT(read_file(out / "results.json"), HasSubstr("launch stderr: no licence file"));
  EXPECT_TRUE(document.at("scenarios").as_array().empty());
}

TEST_F(AppTest, TargetThatNeverGreetsIsUnreachableAndExitsThree) {
  // Listens and announces its port, but never sends an IMAP greeting.
  auto profile = fake_target_profile("<arg>--listen</arg><arg>alpha</arg><arg>--ready</arg><arg>READY</arg>");
  auto out = directory_ / "out";
  auto json = directory_ / "copy.json";
  auto result = referee({"run", "--target", profile.string(), "--out", out.string(), "--json",
                         json.string(), "--timeout", "300ms", "-q"});
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_THAT(result.err, HasSubstr("server alpha (" + profile.string() + ":3) unreachable at 127.0.0.1:"));
  EXPECT_THAT(result.err, HasSubstr("no greeting"));
  EXPECT_EQ(read_file(json), read_file(out / "results.json"));
}

#ifdef REFEREE_FIXTURE_SERVER
// The whole chain against the reference servers: launch (ready line, announced ports), probe,
// run, results.json, transcripts, stop.
TEST_F(AppTest, RunAgainstTheBuiltInTargetWritesResultsAndTranscripts) {
  auto out = directory_ / "out";
  auto result = referee({"run", "--filter", "rfc3501/6.1.2/noop-always-succeeds", "--out",
                         out.string(), "--color", "never"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("PASS  rfc3501/6.1.2/noop-always-succeeds"));
  EXPECT_THAT(result.out, HasSubstr("1 scenario: 1 pass"));
  auto document = boost::json::parse(read_file(out / "results.json")).as_object();
  EXPECT_EQ(document.at("summary").at("pass").to_number<int>(), 1);
  EXPECT_EQ(document.at("servers").as_array().size(), 4u);
  EXPECT_THAT(read_file(out / "results.json"), HasSubstr("launch stdout: READY alpha=127.0.0.1:"));
  auto transcript = read_file(out / "transcripts" / "rfc3501-6.1.2-noop-always-succeeds.log");
  EXPECT_THAT(transcript, HasSubstr(" C: "));
  EXPECT_THAT(transcript, HasSubstr("NOOP"));
  EXPECT_THAT(transcript, Not(HasSubstr("alice-pw")));  // redacted
}
#endif

}  // namespace
}  // namespace referee::cli
