#include "scenarios/test/expected_results.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace referee::catalogue_test {
namespace {

std::filesystem::path write_table(const std::string& text) {
  auto path = std::filesystem::temp_directory_path() /
              ("referee-expected-" + std::to_string(::getpid()) + ".tsv");
  std::ofstream(path) << text;
  return path;
}

TEST(ExpectedResults, GroupsRowsByConfigurationInFileOrder) {
  auto path = write_table("# comment\ndefault\t*\tpass,info\n"
                          "fault drop-without-bye\trfc3501/6.1.3/logout-bye\tfail\n"
                          "default\trfc2180/4.4/copy-expunged\tinfo\tcopy-expunged=refuse\n");
  auto all = read_expected_results(path);
  std::filesystem::remove(path);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "default");
  EXPECT_TRUE(all[0].referee_args.empty());
  ASSERT_EQ(all[0].expected.size(), 2u);
  EXPECT_EQ(all[0].expected[0].outcomes, (std::set<std::string>{"pass", "info"}));
  EXPECT_EQ(all[0].expected[1].strategy, "copy-expunged=refuse");
  EXPECT_EQ(all[0].expected[1].line, 4u);
  EXPECT_EQ(all[1].referee_args, (std::vector<std::string>{"--fixture-fault", "drop-without-bye"}));
}

TEST(ExpectedResults, MalformedRowNamesFileAndLine) {
  auto path = write_table("default\t*\tpass\n\nstrategy\tx\n");
  try {
    read_expected_results(path);
    FAIL() << "no error";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(".tsv:3: expected 3 or 4"), std::string::npos) << error.what();
  }
  std::filesystem::remove(path);
}

TEST(ExpectedResults, EveryFaultOfTheReferenceServerIsCaughtSomewhere) {
  std::filesystem::path source(REFEREE_TEST_SOURCE_DIR);
  auto all = read_expected_results(source / "scenarios/expected-results.tsv");
  std::ifstream faults(source / "fixtures/server/FAULTS.md");
  unsigned listed = 0;
  for (std::string line; std::getline(faults, line);) {
    if (!line.starts_with("| `")) continue;
    auto name = line.substr(3, line.find('`', 3) - 3);
    ++listed;
    bool caught = false;
    for (const auto& configuration : all)
      if (configuration.name == "fault " + name) caught = !configuration.expected.empty();
    EXPECT_TRUE(caught) << "fault " << name << " has no row in expected-results.tsv";
  }
  EXPECT_GE(listed, 20u);
}

}  // namespace
}  // namespace referee::catalogue_test
