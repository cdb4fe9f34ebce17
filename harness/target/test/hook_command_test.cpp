#include "harness/target/hook_command.hpp"

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

namespace referee::target {
namespace {

namespace fs = std::filesystem;

TEST(FindExecutable, SearchesPathForBareNamesAndResolvesRelativePaths) {
  auto shell = find_executable("sh", "/");
  ASSERT_TRUE(shell);
  EXPECT_TRUE(shell->is_absolute());
  EXPECT_TRUE(find_executable("bin/sh", "/"));
  EXPECT_FALSE(find_executable("no-such-command-for-referee", "/"));
  auto plain_file = fs::temp_directory_path() / "referee-hook-test-not-executable";
  { std::ofstream(plain_file) << "data"; }
  fs::permissions(plain_file, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_FALSE(find_executable(plain_file.string(), "/"));  // exists, not executable
  fs::remove(plain_file);
  EXPECT_FALSE(find_executable("", "/"));
}

profile::Hook hook_running(std::string command) {
  profile::Hook hook;
  hook.command = std::move(command);
  hook.where = {"/profiles/site.xml", 12, 5};
  return hook;
}

TEST(PrepareCommand, ResolvesWorkingDirFromTheProfileAndPassesArgsAndEnv) {
  auto hook = hook_running("/bin/sh");
  hook.args = {"-c", "hello world"};
  hook.env = {{"SERVER_MODE", "test"}};
  hook.working_dir = "run";
  auto prepared = prepare_command(hook, "launch", "/profiles/site.xml");
  ASSERT_TRUE(prepared) << prepared.error().message;
  EXPECT_EQ(prepared->executable, fs::path("/bin/sh"));
  EXPECT_EQ(prepared->args, (std::vector<std::string>{"-c", "hello world"}));
  EXPECT_EQ(prepared->working_dir, fs::path("/profiles/run"));
  EXPECT_EQ(prepared->describe, "launch hook (/profiles/site.xml:12:5)");
  EXPECT_NE(std::find(prepared->environment.begin(), prepared->environment.end(), "SERVER_MODE=test"),
            prepared->environment.end());
}

TEST(PrepareCommand, BareCommandIsSearchedOnPath) {
  auto prepared = prepare_command(hook_running("sh"), "reset", "/profiles/site.xml");
  ASSERT_TRUE(prepared);
  EXPECT_TRUE(prepared->executable.is_absolute());
  EXPECT_EQ(prepared->working_dir, fs::path("/profiles/"));  // empty: the profile's directory
}

TEST(PrepareCommand, HookEnvironmentReplacesTheInheritedValue) {
  ::setenv("REFEREE_HOOK_TEST_REPLACED", "old", 1);
  auto hook = hook_running("/bin/sh");
  hook.env = {{"REFEREE_HOOK_TEST_REPLACED", "new"}};
  auto prepared = prepare_command(hook, "launch", "/p.xml");
  ASSERT_TRUE(prepared);
  auto count = std::count_if(prepared->environment.begin(), prepared->environment.end(),
                             [](const std::string& entry) {
                               return entry.starts_with("REFEREE_HOOK_TEST_REPLACED=");
                             });
  EXPECT_EQ(count, 1);
  EXPECT_NE(std::find(prepared->environment.begin(), prepared->environment.end(),
                      "REFEREE_HOOK_TEST_REPLACED=new"),
            prepared->environment.end());
  EXPECT_NE(std::find(prepared->environment.begin(), prepared->environment.end(),
                      "PATH=" + std::string(std::getenv("PATH"))),
            prepared->environment.end());
}

TEST(PrepareCommand, AbsoluteWorkingDirIsKept) {
  auto hook = hook_running("/bin/sh");
  hook.working_dir = "/tmp";
  auto prepared = prepare_command(hook, "reset", "/profiles/site.xml");
  ASSERT_TRUE(prepared);
  EXPECT_EQ(prepared->working_dir, fs::path("/tmp"));
}

TEST(PrepareCommand, MissingCommandNamesTheHookAndWhereItIsWritten) {
  auto missing = prepare_command(hook_running("./not-there"), "launch", "/profiles/site.xml");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, make_error_code(target_error::command_not_found));
  EXPECT_EQ(missing.error().message,
            "launch hook (/profiles/site.xml:12:5): \"./not-there\" is not an executable file "
            "(working directory /profiles/)");
}

}  // namespace
}  // namespace referee::target
