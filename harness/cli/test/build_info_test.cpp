#include "harness/cli/build_info.hpp"

#include <fstream>
#include <regex>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace referee::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

TEST(BuildInfo, CommitIsAHashOrUnknown) {
  const std::string commit(git_commit());
  EXPECT_TRUE(std::regex_match(commit, std::regex("[0-9a-f]{7,40}(-dirty)?|unknown"))) << commit;
}

TEST(BuildInfo, CatalogueVersionIsTheFirstLineOfVersion) {
  const fs::path dir = fs::temp_directory_path() / "referee-build-info-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  EXPECT_EQ(catalogue_version(dir), "unversioned");
  std::ofstream(dir / "VERSION") << "2027.1.3\r\nanything else\n";
  EXPECT_EQ(catalogue_version(dir), "2027.1.3");
  fs::remove_all(dir);
}

TEST(BuildInfo, TheShippedCatalogueHasAVersion) {
  const fs::path scenarios = fs::path(REFEREE_TEST_SOURCE_DIR) / "scenarios";
  EXPECT_TRUE(std::regex_match(catalogue_version(scenarios), std::regex(R"(\d{4}\.\d+\.\d+)")));
}

TEST(BuildInfo, VersionTextNamesEverything) {
  Paths paths{.data_dir = "/opt/referee/share/referee",
              .fixture_server = "/opt/referee/bin/referee-fixture-server",
              .data_dir_origin = "installed",
              .source_dir = {},
              .binary_dir = {}};
  const std::string text = version_text(paths);
  EXPECT_THAT(text, HasSubstr("referee " REFEREE_TEST_VERSION "\n"));
  EXPECT_THAT(text, HasSubstr("commit: " + std::string(git_commit()) + "\n"));
  EXPECT_THAT(text, HasSubstr("catalogue: unversioned\n"));
  EXPECT_THAT(text, HasSubstr("data directory: /opt/referee/share/referee (installed)\n"));
  EXPECT_THAT(text, HasSubstr("fixture server: /opt/referee/bin/referee-fixture-server"));
}

}  // namespace
}  // namespace referee::cli
