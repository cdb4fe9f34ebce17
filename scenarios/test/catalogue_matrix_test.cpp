// End-to-end: the whole catalogue against the reference servers, once per server configuration
// of scenarios/expected-results.tsv. Proves that the correct server passes, that each strategy
// is recognised, and that each fault mode is caught by the scenario meant to catch it.
#include "scenarios/test/expected_results.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <set>
#include <stdexcept>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "harness/scenario/requirement_loader.hpp"

namespace referee::catalogue_test {

// Test names and failure messages show the configuration, not its bytes.
void PrintTo(const Configuration& configuration, std::ostream* out) { *out << configuration.name; }

namespace {

namespace fs = std::filesystem;

std::vector<Configuration> configurations() {
  return read_expected_results(fs::path(REFEREE_TEST_SOURCE_DIR) / "scenarios/expected-results.tsv");
}

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string filter_for(const Configuration& configuration) {
  std::string filter;
  for (const auto& expected : configuration.expected) {
    if (expected.scenario == "*") return "";
    filter += (filter.empty() ? "" : ":") + expected.scenario;
  }
  return filter;
}

// Runs `referee run` for one configuration; returns results.json, parsed.
boost::json::object run_referee(const Configuration& configuration, const fs::path& out) {
  std::string command = shell_quote(REFEREE_TEST_CLI) + " run -j2 -q --color never --out " +
                        shell_quote(out.string());
  for (const auto& argument : configuration.referee_args) command += " " + shell_quote(argument);
  if (auto filter = filter_for(configuration); !filter.empty())
    command += " --filter " + shell_quote(filter);
  command += " > " + shell_quote((out / "console.txt").string()) + " 2>&1";
  int status = std::system(command.c_str());
  // 0 conformant, 1 non-conformant; 2 and 3 mean the run itself went wrong.
  int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  EXPECT_TRUE(exit_code == 0 || exit_code == 1) << command << " exited " << exit_code;
  std::ifstream in(out / "results.json");
  std::stringstream text;
  text << in.rdbuf();
  return boost::json::parse(text.str()).as_object();
}

std::string observed_strategies(const boost::json::object& scenario) {
  std::string all;
  for (const auto& strategy : scenario.at("strategies").as_array()) {
    const auto& s = strategy.as_object();
    all += std::string(s.at("block").as_string()) + "=" + std::string(s.at("alternative").as_string()) + " ";
  }
  return all;
}

std::string describe_checks(const boost::json::object& scenario) {
  std::string all;
  for (const auto& check : scenario.at("checks").as_array()) {
    const auto& c = check.as_object();
    if (c.at("outcome").as_string() == "pass") continue;
    all += "\n    " + std::string(c.at("outcome").as_string()) + " " +
           std::string(c.at("requirement").as_string()) + ": " + std::string(c.at("observed").as_string());
  }
  return all;
}

void check_scenario(const boost::json::object& scenario, const ExpectedResult& expected) {
  std::string id(scenario.at("id").as_string());
  std::string outcome(scenario.at("outcome").as_string());
  EXPECT_TRUE(expected.outcomes.count(outcome))
      << "expected-results.tsv:" << expected.line << ": " << id << " was " << outcome << " ("
      << scenario.at("reason").as_string() << ")" << describe_checks(scenario);
  if (!expected.strategy) return;
  std::string observed = observed_strategies(scenario);
  EXPECT_NE(observed.find(*expected.strategy + " "), std::string::npos)
      << "expected-results.tsv:" << expected.line << ": " << id << " observed " << observed;
}

const scenario::RequirementCatalogue& requirements() {
  static const scenario::RequirementCatalogue catalogue = [] {
    auto loaded = scenario::load_requirements(fs::path(REFEREE_TEST_SOURCE_DIR) / "scenarios/requirements.xml");
    if (!loaded) throw std::runtime_error("scenarios/requirements.xml does not load");
    return std::move(*loaded.value);
  }();
  return catalogue;
}

// requirements.xml's proved-by: under fault F, a check naming each requirement F proves must
// fail (or warn, for a SHOULD) in some scenario of the run.
void check_proofs(const Configuration& configuration, const boost::json::array& scenarios) {
  if (!configuration.name.starts_with("fault ")) return;
  const std::string fault = configuration.name.substr(6);
  for (const auto& [id, requirement] : requirements()) {
    if (std::find(requirement.proved_by.begin(), requirement.proved_by.end(), fault) == requirement.proved_by.end())
      continue;
    bool should = requirement.level == scenario::Level::should || requirement.level == scenario::Level::should_not;
    bool caught = false;
    for (const auto& value : scenarios) {
      for (const auto& check : value.as_object().at("checks").as_array()) {
        const auto& c = check.as_object();
        std::string outcome(c.at("outcome").as_string());
        caught = caught || (c.at("requirement").as_string() == id && (outcome == "fail" || (should && outcome == "warn")));
      }
    }
    EXPECT_TRUE(caught) << "requirements.xml: " << id << " is proved-by " << fault
                        << ", but no check naming it failed" << (should ? " or warned" : "") << " under that fault";
  }
}

// Every fault a requirement names as its proof runs in the matrix (else nothing verifies it).
TEST(CatalogueProofs, EveryProvingFaultHasAMatrixConfiguration) {
  std::set<std::string> faults;
  for (const auto& configuration : configurations()) {
    if (configuration.name.starts_with("fault ")) faults.insert(configuration.name.substr(6));
  }
  for (const auto& [id, requirement] : requirements()) {
    for (const auto& fault : requirement.proved_by) {
      EXPECT_TRUE(faults.contains(fault)) << id << " is proved-by " << fault
                                          << ", which has no row in scenarios/expected-results.tsv";
    }
  }
}

class CatalogueMatrix : public ::testing::TestWithParam<Configuration> {};

TEST_P(CatalogueMatrix, ReportsWhatTheServerDoes) {
  const auto& configuration = GetParam();
  fs::path out = fs::path(REFEREE_TEST_BINARY_DIR) / "catalogue-matrix" /
                 ::testing::UnitTest::GetInstance()->current_test_info()->name();
  fs::remove_all(out);
  fs::create_directories(out);
  auto results = run_referee(configuration, out);
  ASSERT_EQ(results.at("fatal_error").as_string(), "") << "target could not be launched";
  const auto& scenarios = results.at("scenarios").as_array();
  ASSERT_FALSE(scenarios.empty());
  for (const auto& expected : configuration.expected) {
    bool found = false;
    for (const auto& value : scenarios) {
      const auto& scenario = value.as_object();
      if (expected.scenario != "*" && scenario.at("id").as_string() != expected.scenario) continue;
      found = true;
      check_scenario(scenario, expected);
    }
    EXPECT_TRUE(found) << "expected-results.tsv:" << expected.line << ": " << expected.scenario
                       << " did not run";
  }
  check_proofs(configuration, scenarios);
}

std::string test_name(const ::testing::TestParamInfo<Configuration>& info) {
  std::string name;
  for (char c : info.param.name) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(ReferenceServers, CatalogueMatrix, ::testing::ValuesIn(configurations()),
                         test_name);

}  // namespace
}  // namespace referee::catalogue_test
