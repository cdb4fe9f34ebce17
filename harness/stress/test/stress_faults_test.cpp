// `referee stress` against the built-in reference servers: each fault mode that breaks a stress
// invariant is found within 10 s with the default mix (fixed seeds), shrunk to a scenario that
// `referee validate` accepts and `referee run` fails the same way; a fault breaking a SHOULD is
// a warning; a correct server gives no violation; a replay gives the same bytes every time.
// A new fault mode is one line in kFaults (or kWarnings).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;

struct FaultCase {
  const char* fault;
  const char* invariant;  // the first violation expected
  const char* length;     // at most 10 s (drop-without-bye shows only at the final LOGOUT)
  const char* timeout;    // each command's deadline (and each step's in the shrunk scenario)
  // The correct server the shrunk scenario must pass on: the strategy the fault imitates.
  const char* clean_strategy = nullptr;
};

constexpr FaultCase kFaults[] = {
    {"expunge-during-fetch", "no-expunge-during-fetch-store-search", "--duration 5s", "2s"},
    {"expunge-during-store", "no-expunge-during-fetch-store-search", "--duration 5s", "2s"},
    {"expunge-during-search", "no-expunge-during-fetch-store-search", "--duration 5s", "2s"},
    {"exists-decrease", "exists-never-decreases", "--duration 5s", "2s"},
    {"garbage-response", "response-syntax", "--duration 5s", "2s"},
    {"hang-on-noop", "answered-within-deadline", "--duration 5s", "300ms"},
    {"copy-hides-expunges", "pending-expunge-to-copy", "--duration 5s", "2s"},
    {"copy-partial-on-failure", "refused-copy-adds-nothing", "--duration 5s", "2s"},
    {"copy-drops-original", "appended-announced", "--duration 5s", "2s", "copy-expunged=allow"},
    {"drop-without-bye", "bye-before-close", "--commands 300", "2s"},
};

int run(const std::string& arguments) {
  std::string command = std::string(REFEREE_TEST_CLI) + " " + arguments + " >/dev/null 2>&1";
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

boost::json::object results(const fs::path& out) {
  std::ifstream in(out / "results.json");
  std::stringstream text;
  text << in.rdbuf();
  return boost::json::parse(text.str()).as_object();
}

fs::path fresh_directory(const std::string& name) {
  fs::path directory = fs::temp_directory_path() / ("referee-stress-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(directory);
  fs::create_directories(directory);
  return directory;
}

class StressFaults : public ::testing::TestWithParam<FaultCase> {};

TEST_P(StressFaults, AreFoundShrunkAndFailTheScenarioRun) {
  const FaultCase& fault = GetParam();
  fs::path out = fresh_directory(fault.fault);
  std::string common = std::string("-q --timeout ") + fault.timeout + " --fixture-fault " + fault.fault;
  // The fault is found on every attempt. The one-at-a-time replay the shrinker uses follows
  // the order the answers arrived in, which on a loaded machine can differ from the order the
  // server ran the commands; then the run says "not shrunk" and the next seed tries again.
  boost::json::object stress;
  for (int seed = 7; seed < 12; ++seed) {
    ASSERT_EQ(run("stress --seed " + std::to_string(seed) + " " + common + " " + fault.length +
                  " --shrink --out " + out.string()), 1);
    stress = results(out).at("stress").as_object();
    ASSERT_FALSE(stress.at("findings").as_array().empty());
    EXPECT_EQ(stress.at("findings").as_array()[0].at("invariant").as_string(), fault.invariant);
    if (fs::exists(out / "stress-shrunk.xml")) break;
  }
  const std::string requirement(stress.at("findings").as_array()[0].at("requirement").as_string());
  EXPECT_FALSE(stress.at("findings").as_array()[0].at("transcript").as_array().empty());
  ASSERT_TRUE(fs::exists(out / "stress-replay.txt"));
  ASSERT_TRUE(fs::exists(out / "stress-shrunk.xml")) << stress.at("shrink_summary");
  fs::path scenarios = out / "scenarios";
  fs::create_directories(scenarios);
  fs::copy_file(out / "stress-shrunk.xml", scenarios / "shrunk.xml");
  EXPECT_EQ(run("validate " + (scenarios / "shrunk.xml").string()), 0);
  // The scenario fails the same way under `referee run` (a failed check of the same
  // requirement), and passes without the fault.
  EXPECT_EQ(run("run -q --scenarios " + scenarios.string() + " --fixture-fault " + fault.fault +
                " --out " + (out / "run").string()), 1);
  const auto scenario_run = results(out / "run");
  bool same = false;
  for (const auto& check : scenario_run.at("scenarios").as_array()[0].at("checks").as_array()) {
    same = same || (check.at("requirement").as_string() == requirement && check.at("outcome").as_string() == "fail");
  }
  EXPECT_TRUE(same) << "no failed check of " << requirement;
  std::string clean = fault.clean_strategy ? std::string(" --fixture-strategy ") + fault.clean_strategy : "";
  EXPECT_EQ(run("run -q --scenarios " + scenarios.string() + clean + " --out " + (out / "clean").string()), 0);
  fs::remove_all(out);
}

INSTANTIATE_TEST_SUITE_P(Fixture, StressFaults, ::testing::ValuesIn(kFaults),
                         [](const auto& info) { return std::regex_replace(info.param.fault, std::regex("-"), "_"); });

TEST(Stress, CorrectServerShowsNoViolation) {
  fs::path out = fresh_directory("correct");
  EXPECT_EQ(run("stress --seed 11 --duration 2s -q --out " + out.string()), 0);
  auto stress = results(out).at("stress").as_object();
  EXPECT_EQ(stress.at("violations").to_number<std::uint64_t>(), 0u);
  EXPECT_GT(stress.at("commands").to_number<std::uint64_t>(), 1000u);
  fs::remove_all(out);
}

// Faults that break a SHOULD: a warning, never a violation (exit 0, DECISIONS.md).
struct WarningCase {
  const char* fault;
  const char* invariant;
};

constexpr WarningCase kWarnings[] = {
    {"fetch-only-expunged-ok", "only-expunged-fetch-no"},
};

class StressWarnings : public ::testing::TestWithParam<WarningCase> {};

TEST_P(StressWarnings, AreReportedAsWarnings) {
  fs::path out = fresh_directory(GetParam().fault);
  EXPECT_EQ(run(std::string("stress --seed 1 --duration 5s -q --fixture-fault ") + GetParam().fault +
                " --out " + out.string()), 0);
  bool warned = false;
  const auto document = results(out);  // named: the loop below iterates inside it
  for (const auto& finding : document.at("stress").at("findings").as_array()) {
    warned = warned || (finding.at("invariant").as_string() == GetParam().invariant &&
                        finding.at("outcome").as_string() == "warn");
  }
  EXPECT_TRUE(warned);
  fs::remove_all(out);
}

INSTANTIATE_TEST_SUITE_P(Fixture, StressWarnings, ::testing::ValuesIn(kWarnings),
                         [](const auto& info) { return std::regex_replace(info.param.fault, std::regex("-"), "_"); });

// Every documented RFC 2180 strategy is correct behaviour: none may look like a violation.
class StressStrategies : public ::testing::TestWithParam<const char*> {};

TEST_P(StressStrategies, ShowNoViolation) {
  fs::path out = fresh_directory(std::regex_replace(GetParam(), std::regex("[=]"), "-"));
  EXPECT_EQ(run(std::string("stress --seed 5 --duration 1s -q --fixture-strategy ") + GetParam() +
                " --out " + out.string()), 0);
  fs::remove_all(out);
}

INSTANTIATE_TEST_SUITE_P(Fixture, StressStrategies,
                         ::testing::Values("fetch-expunged=ghost", "fetch-expunged=partial-no",
                                           "fetch-expunged=refuse-expunge", "store-expunged=set-no",
                                           "copy-expunged=allow"),
                         [](const auto& info) { return std::regex_replace(info.param, std::regex("[-=]"), "_"); });

// Transcript lines without their timestamps ("+1234us ").
std::string window_without_times(const boost::json::object& stress) {
  std::string text;
  for (const auto& line : stress.at("findings").as_array()[0].at("transcript").as_array()) {
    std::string value(line.as_string());
    text += value.substr(value.find(' ') + 1) + "\n";
  }
  // Each replay launches its own fixture server: another port, another UIDVALIDITY.
  static const std::regex volatile_fields(R"(127\.0\.0\.1:[0-9]+|UIDVALIDITY [0-9]+)");
  return std::regex_replace(text, volatile_fields, "V");
}

TEST(Stress, ReplayReproducesTheFailureByteForByte) {
  fs::path out = fresh_directory("replay");
  fs::path first = out / "first", second = out / "second";
  std::string replay = "stress -q --fixture-fault expunge-during-store --replay " + (out / "stress-replay.txt").string();
  // A replay follows the order the answers arrived in; on a loaded machine that can differ
  // from the order the server ran them and miss the failure (see StressFaults): try again.
  int replayed = 0;
  for (int attempt = 0; attempt < 3 && replayed != 1; ++attempt) {
    ASSERT_EQ(run("stress --seed 7 --duration 5s -q --fixture-fault expunge-during-store --out " + out.string()), 1);
    replayed = run(replay + " --out " + first.string());
  }
  ASSERT_EQ(replayed, 1);
  ASSERT_EQ(run(replay + " --out " + second.string()), 1);
  auto one = results(first).at("stress").as_object(), two = results(second).at("stress").as_object();
  EXPECT_EQ(one.at("findings").as_array()[0].at("invariant").as_string(), "no-expunge-during-fetch-store-search");
  EXPECT_EQ(window_without_times(one), window_without_times(two));
  EXPECT_EQ(one.at("commands").to_number<std::uint64_t>(), two.at("commands").to_number<std::uint64_t>());
  fs::remove_all(out);
}

TEST(Stress, AnUnreachableTargetExitsThree) {
  fs::path out = fresh_directory("unreachable");
  std::ofstream(out / "profile.xml")
      << "<profile xmlns=\"urn:referee:profile:1\" name=\"closed\"><servers>"
         "<server id=\"a\" roles=\"main\" host=\"127.0.0.1\" port=\"1\"/></servers><users>"
         "<user id=\"u\" roles=\"local\" login=\"u\" password=\"p\" home=\"a\"/></users>"
         "<test-mailboxes prefix=\"referee-test\" destructive=\"true\"/></profile>\n";
  EXPECT_EQ(run("stress --duration 1s --target " + (out / "profile.xml").string() + " --out " + out.string()), 3);
  fs::remove_all(out);
}

TEST(Stress, BadOptionsExitTwo) {
  EXPECT_EQ(run("stress --mix fetch=x"), 2);
  EXPECT_EQ(run("stress --mix nothing=3"), 2);
  EXPECT_EQ(run("stress --duration 5s --commands 10"), 2);
}

}  // namespace
