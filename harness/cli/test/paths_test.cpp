#include "harness/cli/paths.hpp"

#include <fstream>
#include <map>

#include <gtest/gtest.h>

namespace referee::cli {
namespace {

namespace fs = std::filesystem;

// A scratch tree per test: fake installs and build trees are directories below it.
class PathsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("referee-paths-test-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  // PREFIX/bin/referee and PREFIX/share/referee, as `cmake --install` lays them out.
  fs::path install(const std::string& prefix) {
    fs::create_directories(root_ / prefix / "bin");
    fs::create_directories(root_ / prefix / "share" / "referee" / "scenarios");
    return root_ / prefix / "bin" / "referee";
  }

  Paths resolve(const fs::path& executable, std::map<std::string, std::string> environment = {}) {
    return resolve_paths({.environment = [environment](std::string_view name) -> std::optional<std::string> {
                            auto found = environment.find(std::string(name));
                            if (found == environment.end()) return std::nullopt;
                            return found->second;
                          },
                          .executable = executable,
                          .built_source_dir = root_ / "src",
                          .built_binary_dir = root_ / "src" / "build"});
  }

  fs::path root_;
};

TEST_F(PathsTest, InstalledBinaryFindsItsDataNextToItself) {
  auto paths = resolve(install("usr"));
  EXPECT_EQ(paths.data_dir, root_ / "usr/share/referee");
  EXPECT_EQ(paths.data_dir_origin, "installed");
  EXPECT_EQ(paths.fixture_server, root_ / "usr/bin/referee-fixture-server");
  EXPECT_EQ(paths.builtin_target(), root_ / "usr/share/referee/fixtures/targets/reference.xml");
  EXPECT_EQ(paths.schema_dir(), root_ / "usr/share/referee/scenarios/schema");
  EXPECT_TRUE(paths.source_dir.empty());
  EXPECT_TRUE(paths.binary_dir.empty());
}

TEST_F(PathsTest, CopiedPrefixStillWorks) {
  install("usr");
  fs::create_directories(root_ / "elsewhere");
  fs::copy(root_ / "usr", root_ / "elsewhere/opt", fs::copy_options::recursive);
  auto paths = resolve(root_ / "elsewhere/opt/bin/referee");
  EXPECT_EQ(paths.data_dir, root_ / "elsewhere/opt/share/referee");
  EXPECT_EQ(paths.fixture_server, root_ / "elsewhere/opt/bin/referee-fixture-server");
}

TEST_F(PathsTest, BuildTreeBinaryUsesTheSourceTreeAndBuildTree) {
  fs::create_directories(root_ / "src/build/harness/cli");
  auto paths = resolve(root_ / "src/build/harness/cli/referee");
  EXPECT_EQ(paths.data_dir, root_ / "src");
  EXPECT_EQ(paths.data_dir_origin, "source tree");
  EXPECT_EQ(paths.fixture_server, root_ / "src/build/fixtures/server/referee-fixture-server");
}

TEST_F(PathsTest, InstallInsideTheBuildTreeIsStillAnInstall) {
  auto paths = resolve(install("src/build/stage"));
  EXPECT_EQ(paths.data_dir, root_ / "src/build/stage/share/referee");
  EXPECT_EQ(paths.fixture_server, root_ / "src/build/stage/bin/referee-fixture-server");
}

TEST_F(PathsTest, BuildTreeIsNeverUsedByABinaryOutsideIt) {
  fs::create_directories(root_ / "lone/bin");
  auto paths = resolve(root_ / "lone/bin/referee");
  EXPECT_EQ(paths.data_dir, root_ / "lone/share/referee");
  EXPECT_EQ(paths.data_dir_origin, "not found");
  EXPECT_EQ(paths.fixture_server, root_ / "lone/bin/referee-fixture-server");
  EXPECT_TRUE(paths.source_dir.empty());
}

TEST_F(PathsTest, EnvironmentOverrides) {
  auto paths = resolve(install("usr"), {{"REFEREE_DATA_DIR", "/data"}, {"REFEREE_SOURCE_DIR", "/src2"}});
  EXPECT_EQ(paths.data_dir, "/data");
  EXPECT_EQ(paths.data_dir_origin, "REFEREE_DATA_DIR");
  paths = resolve(install("usr"), {{"REFEREE_SOURCE_DIR", "/src2"}, {"REFEREE_BINARY_DIR", "/b"}});
  EXPECT_EQ(paths.data_dir, "/src2");
  EXPECT_EQ(paths.source_dir, "/src2");
  EXPECT_EQ(paths.fixture_server, "/b/fixtures/server/referee-fixture-server");
  paths = resolve(install("usr"), {{"REFEREE_DATA_DIR", ""}});
  EXPECT_EQ(paths.data_dir_origin, "installed") << "an empty variable is not set";
}

TEST_F(PathsTest, ProfileVariablesNameBuildTreesOnlyWhenThereAreSome) {
  auto installed = profile_variables(resolve(install("usr")));
  EXPECT_EQ(installed.at("REFEREE_DATA_DIR"), (root_ / "usr/share/referee").string());
  EXPECT_EQ(installed.at("REFEREE_FIXTURE_SERVER"), (root_ / "usr/bin/referee-fixture-server").string());
  EXPECT_FALSE(installed.contains("REFEREE_SOURCE_DIR"));
  EXPECT_FALSE(installed.contains("REFEREE_BINARY_DIR"));
  fs::create_directories(root_ / "src/build/harness/cli");
  auto built = profile_variables(resolve(root_ / "src/build/harness/cli/referee"));
  EXPECT_EQ(built.at("REFEREE_SOURCE_DIR"), (root_ / "src").string());
  EXPECT_EQ(built.at("REFEREE_BINARY_DIR"), (root_ / "src/build").string());
}

}  // namespace
}  // namespace referee::cli
