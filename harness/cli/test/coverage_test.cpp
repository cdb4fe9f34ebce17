// `referee coverage` on a small catalogue with one requirement of each kind, and on the
// built-in catalogue with a run's results.
#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <filesystem>
#include <sstream>

#include <boost/json.hpp>

#include "harness/cli/app.hpp"
#include "harness/cli/test/run_referee_in_process.hpp"

namespace referee::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

using Result = testing::CliRun;
using testing::referee;

fs::path data() { return fs::path(REFEREE_TEST_SOURCE_DIR) / "harness/cli/test/data/coverage"; }

std::vector<std::string> small_catalogue(std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"coverage", "--scenarios", (data() / "scenarios").string(), "--requirements",
                                (data() / "requirements.xml").string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

TEST(Coverage, ListsEachUncoveredRuleAndFails) {
  auto result = referee(small_catalogue());
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_THAT(result.out, HasSubstr("2 of 4 normative server requirements have a scenario and a proving fault mode"));
  EXPECT_THAT(result.out, HasSubstr("rfc3501-6.1.2-unproved (MUST, RFC 3501 §6.1.2): no fault mode proves"));
  EXPECT_THAT(result.out, HasSubstr("rfc3501-6.1.2-unchecked (SHOULD, RFC 3501 §6.1.2): no scenario checks it"));
  // A choice, an untestable sentence and a client sentence are listed but not held to a proof.
  EXPECT_THAT(result.out, Not(HasSubstr("rfc3501-6.1.2-choice (")));
  EXPECT_THAT(result.out, Not(HasSubstr("rfc3501-6.1.2-hidden (")));
  EXPECT_THAT(result.out, Not(HasSubstr("rfc3501-6.1.2-client (")));
  EXPECT_THAT(result.out, HasSubstr("(engine, every scenario)"));
}

TEST(Coverage, JsonNamesScenariosFaultsAndGaps) {
  fs::path json = fs::temp_directory_path() / ("referee-coverage-" + std::to_string(::getpid()) + ".json");
  auto result = referee(small_catalogue({"--json", json.string()}));
  ASSERT_EQ(result.exit_code, 1) << result.err;
  std::ifstream in(json);
  std::stringstream text;
  text << in.rdbuf();
  fs::remove(json);
  auto document = boost::json::parse(text.str()).as_object();
  EXPECT_EQ(document.at("format"), "referee-coverage");
  std::map<std::string, boost::json::object> rows;
  for (const auto& row : document.at("requirements").as_array()) {
    rows[std::string(row.at("id").as_string())] = row.as_object();
  }
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(rows["rfc3501-6.1.2-proved"].at("scenarios").as_array().at(0), "test/coverage/noop");
  EXPECT_EQ(rows["rfc3501-6.1.2-proved"].at("proved_by").as_array().at(0), "garbage-response");
  EXPECT_EQ(rows["rfc3501-6.1.2-proved"].at("gap"), "");
  EXPECT_EQ(rows["rfc3501-6.1.2-unchecked"].at("gap"), "no scenario checks it");
  EXPECT_EQ(rows["rfc3501-6.1.2-hidden"].at("kind"), "untestable");
  EXPECT_EQ(rows["rfc3501-6.1.2-client"].at("kind"), "client");
  EXPECT_EQ(rows["rfc3501-9-response-syntax"].at("engine_rule"), true);
}

TEST(Coverage, AProfileSaysWhichRequirementsItsScenariosCanCheck) {
  fs::path target = fs::path(REFEREE_TEST_SOURCE_DIR) / "fixtures/targets/reference.xml";
  auto result = referee({"coverage", "--target", target.string()});
  ASSERT_NE(result.exit_code, 2) << result.err;
  EXPECT_THAT(result.out, HasSubstr("rfc2193-3-capability"));
  EXPECT_THAT(result.out, HasSubstr("    applies"));
}

// Issue 8's bar: every normative server requirement of the real catalogue has a scenario and
// a proving fault mode (the catalogue matrix test proves each fault is caught).
TEST(Coverage, TheCatalogueCoversEveryNormativeServerRequirement) {
  auto result = referee({"coverage"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  const std::regex all_covered(R"(\b([0-9]+) of \1 normative server requirements have a scenario)");
  EXPECT_TRUE(std::regex_search(result.out, all_covered)) << result.out;
  EXPECT_THAT(result.out, Not(HasSubstr("Uncovered:")));
}

TEST(Coverage, UnreadableResultsAreAUsageError) {
  auto result = referee({"coverage", "/nonexistent/results.json"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("/nonexistent/results.json"));
}

}  // namespace
}  // namespace referee::cli
