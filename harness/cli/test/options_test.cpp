#include "harness/cli/options.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace referee::cli {
namespace {

using ::testing::HasSubstr;

Paths test_paths() {
  return {.data_dir = "/src",
          .fixture_server = "/build/fixtures/server/referee-fixture-server",
          .data_dir_origin = "source tree",
          .source_dir = "/src",
          .binary_dir = "/build"};
}

ParsedCommandLine parse(std::vector<std::string> args) {
  return parse_command_line(args, test_paths());
}

const RunSettings& run_settings(const ParsedCommandLine& parsed) {
  return std::get<RunSettings>(*parsed.command);
}

TEST(Options, RunDefaultsUseTheBuiltInTargetAndCatalogue) {
  auto parsed = parse({"run"});
  ASSERT_TRUE(parsed.command) << parsed.errors;
  const auto& settings = run_settings(parsed);
  EXPECT_EQ(settings.target, "/src/fixtures/targets/reference.xml");
  EXPECT_TRUE(settings.target_is_builtin);
  EXPECT_EQ(settings.catalogue.scenarios_dir, "/src/scenarios");
  EXPECT_EQ(settings.catalogue.requirements_file, "/src/scenarios/requirements.xml");
  EXPECT_EQ(settings.jobs, 1u);
  EXPECT_EQ(settings.timeout, std::chrono::seconds(5));
  EXPECT_EQ(settings.repeat, 1u);
  EXPECT_EQ(settings.out_dir, "results");
  EXPECT_FALSE(settings.json_path);
  EXPECT_TRUE(settings.redact);
  EXPECT_FALSE(settings.strict || settings.fail_fast);
  EXPECT_EQ(settings.color, ColorChoice::automatic);
  EXPECT_EQ(settings.verbosity, Verbosity::normal);
}

TEST(Options, EveryRunFlagIsRead) {
  auto parsed = parse({"run", "--filter", "rfc2193/*:-*/rename*", "--rfc", "2193,rfc2221",
                       "--level", "MUST", "--level", "should", "-j", "4", "--timeout", "750ms",
                       "--fail-fast", "--repeat", "3", "--strict", "--no-redact", "--out", "out",
                       "--json", "r.json", "--color", "never", "-q",
                       "--fixture-strategy", "delete=ghost", "--fixture-fault", "drop-bye"});
  ASSERT_TRUE(parsed.command) << parsed.errors;
  const auto& settings = run_settings(parsed);
  EXPECT_TRUE(settings.selection.filter.selects("rfc2193/4.1/select-remote-mailbox"));
  EXPECT_FALSE(settings.selection.filter.selects("rfc2193/4.3/rename-url-pairs"));
  EXPECT_EQ(settings.selection.rfcs, (std::vector<std::string>{"2193", "2221"}));
  EXPECT_EQ(settings.selection.levels, (std::vector<LevelFamily>{LevelFamily::must, LevelFamily::should}));
  EXPECT_EQ(settings.jobs, 4u);
  EXPECT_EQ(settings.timeout, std::chrono::milliseconds(750));
  EXPECT_TRUE(settings.fail_fast && settings.strict);
  EXPECT_FALSE(settings.redact);
  EXPECT_EQ(settings.repeat, 3u);
  EXPECT_EQ(settings.out_dir, "out");
  EXPECT_EQ(settings.json_path, std::filesystem::path("r.json"));
  EXPECT_EQ(settings.color, ColorChoice::never);
  EXPECT_EQ(settings.verbosity, Verbosity::quiet);
  EXPECT_EQ(settings.fixture_args,
            (std::vector<std::string>{"--strategy", "delete=ghost", "--fault", "drop-bye"}));
}

// Every wrong option: exit 2, nothing to run, a message naming the option.
void expect_usage_error(std::vector<std::string> args, std::string_view message) {
  auto parsed = parse(args);
  EXPECT_FALSE(parsed.command) << ::testing::PrintToString(args);
  EXPECT_EQ(parsed.exit_code, 2) << ::testing::PrintToString(args);
  EXPECT_THAT(parsed.errors, HasSubstr(std::string(message))) << ::testing::PrintToString(args);
}

TEST(Options, InvalidValuesAreUsageErrors) {
  expect_usage_error({"run", "--rfc", "abc"}, "--rfc \"abc\": expected an RFC number");
  expect_usage_error({"run", "--level", "REQUIRED"}, "--level \"REQUIRED\": expected MUST, SHOULD or MAY");
  expect_usage_error({"run", "--timeout", "0s"}, "--timeout \"0s\"");
  expect_usage_error({"run", "--timeout", "5"}, "--timeout \"5\"");
  expect_usage_error({"run", "--jobs", "0"}, "--jobs");
  expect_usage_error({"run", "--repeat", "0"}, "--repeat");
  expect_usage_error({"run", "--color", "sometimes"}, "--color");
  expect_usage_error({"run", "-q", "-v"}, "excludes");
  expect_usage_error({"run", "--fixture-strategy", "ghost"}, "--fixture-strategy \"ghost\": expected KEY=VALUE");
  expect_usage_error({"run", "--no-such-option"}, "--no-such-option");
  expect_usage_error({}, "subcommand");
  expect_usage_error({"validate"}, "files");
}

TEST(Options, FixtureOptionsNeedTheBuiltInTarget) {
  expect_usage_error({"run", "--target", "/elsewhere/vendor.xml", "--fixture-fault", "drop-bye"},
                     "apply only to the built-in target");
}

TEST(Options, SeveralProblemsAreAllReported) {
  auto parsed = parse({"run", "--rfc", "x", "--level", "y"});
  EXPECT_THAT(parsed.errors, HasSubstr("--rfc \"x\""));
  EXPECT_THAT(parsed.errors, HasSubstr("--level \"y\""));
}

TEST(Options, HelpAndVersionExitZeroWithOutput) {
  auto help = parse({"run", "--help"});
  EXPECT_FALSE(help.command);
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.output, HasSubstr("--fixture-strategy"));
  auto version = parse({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_THAT(version.output, HasSubstr(REFEREE_TEST_VERSION));
}

TEST(Options, ListAndValidate) {
  auto list = parse({"list", "--rfc", "2180", "-v", "--scenarios", "/mine"});
  ASSERT_TRUE(list.command) << list.errors;
  const auto& settings = std::get<ListSettings>(*list.command);
  EXPECT_EQ(settings.selection.rfcs, std::vector<std::string>{"2180"});
  EXPECT_EQ(settings.verbosity, Verbosity::verbose);
  EXPECT_EQ(settings.catalogue.scenarios_dir, "/mine");
  auto validate = parse({"validate", "a.xml", "b.xml"});
  ASSERT_TRUE(validate.command) << validate.errors;
  const auto& files = std::get<ValidateSettings>(*validate.command);
  EXPECT_EQ(files.files, (std::vector<std::filesystem::path>{"a.xml", "b.xml"}));
  EXPECT_EQ(files.requirements_file, "/src/scenarios/requirements.xml");
}

}  // namespace
}  // namespace referee::cli

namespace referee::cli {
namespace {

TEST(Options, ReportFlagsAndShards) {
  auto parsed = parse_command_line({"run", "--junit", "j.xml", "--html", "r.html", "--baseline", "b.json",
                                    "--shard", "2/3", "--json", "r.json"},
                                   {"/src", "/build"});
  ASSERT_TRUE(parsed.command) << parsed.errors;
  const auto& settings = std::get<RunSettings>(*parsed.command);
  EXPECT_EQ(settings.junit_path, std::filesystem::path("j.xml"));
  EXPECT_EQ(settings.html_path, std::filesystem::path("r.html"));
  EXPECT_EQ(settings.baseline_path, std::filesystem::path("b.json"));
  EXPECT_EQ(settings.shard.index, 2u);
  EXPECT_EQ(settings.shard.total, 3u);
  EXPECT_EQ(settings.command_line.front(), "run");
  auto bad = parse_command_line({"run", "--shard", "4/3"}, {"/src", "/build"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.errors, ::testing::HasSubstr("--shard \"4/3\""));
}

TEST(Options, ReportAndBaselineCommands) {
  auto report = parse_command_line({"report", "a.json", "b.json", "--html", "c.html", "--strict"}, {"/src", "/build"});
  ASSERT_TRUE(report.command) << report.errors;
  const auto& settings = std::get<ReportSettings>(*report.command);
  EXPECT_EQ(settings.inputs.size(), 2u);
  EXPECT_EQ(settings.html_path, std::filesystem::path("c.html"));
  EXPECT_TRUE(settings.strict);
  EXPECT_EQ(parse_command_line({"report"}, {"/src", "/build"}).exit_code, 2);
  auto baseline = parse_command_line({"baseline", "results.json"}, {"/src", "/build"});
  ASSERT_TRUE(baseline.command) << baseline.errors;
  EXPECT_EQ(std::get<BaselineSettings>(*baseline.command).input, "results.json");
}

}  // namespace
}  // namespace referee::cli
