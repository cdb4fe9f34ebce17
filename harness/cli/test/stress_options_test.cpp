#include "harness/cli/stress_options.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/cli/options.hpp"

namespace referee::cli {
namespace {

using ::testing::HasSubstr;

ParsedCommandLine parse(std::vector<std::string> args) {
  return parse_command_line(args, Paths{"/src", "/build"});
}

TEST(StressOptions, DefaultsAreTenClientsForThirtySeconds) {
  auto parsed = parse({"stress"});
  ASSERT_TRUE(parsed.command) << parsed.errors;
  const auto& settings = std::get<StressSettings>(*parsed.command);
  EXPECT_EQ(settings.clients, 10u);
  EXPECT_EQ(settings.duration, std::chrono::seconds(30));
  EXPECT_FALSE(settings.commands);
  EXPECT_FALSE(settings.seed_given);
  EXPECT_EQ(settings.mailboxes, 3u);
  EXPECT_EQ(settings.timeout, std::chrono::seconds(3));
  EXPECT_EQ(settings.target, "/src/fixtures/targets/reference.xml");
  EXPECT_FALSE(settings.keep_going || settings.shrink || settings.replay);
}

TEST(StressOptions, EveryFlagIsRead) {
  auto parsed = parse({"stress", "--clients", "4", "--commands", "500", "--seed", "42", "--mix",
                       "fetch=50,idle=0", "--mailboxes", "2", "--keep-going", "--replay", "r.txt",
                       "--shrink", "--timeout", "500ms", "--out", "o", "--json", "j.json",
                       "--fixture-fault", "hang-on-noop", "-q"});
  ASSERT_TRUE(parsed.command) << parsed.errors;
  const auto& settings = std::get<StressSettings>(*parsed.command);
  EXPECT_EQ(settings.clients, 4u);
  EXPECT_EQ(settings.commands, 500u);
  EXPECT_EQ(settings.seed, 42u);
  EXPECT_TRUE(settings.seed_given);
  EXPECT_EQ(settings.mix.weight(stress::CommandKind::fetch), 50u);
  EXPECT_EQ(settings.mix.weight(stress::CommandKind::idle), 0u);
  EXPECT_EQ(settings.mailboxes, 2u);
  EXPECT_TRUE(settings.keep_going && settings.shrink && settings.quiet);
  EXPECT_EQ(settings.replay, "r.txt");
  EXPECT_EQ(settings.timeout, std::chrono::milliseconds(500));
  EXPECT_EQ(settings.out_dir, "o");
  EXPECT_EQ(settings.json_path, "j.json");
  EXPECT_EQ(settings.fixture_args, (std::vector<std::string>{"--fault", "hang-on-noop"}));
}

TEST(StressOptions, BadValuesNameTheOption) {
  auto mix = parse({"stress", "--mix", "fetch=lots"});
  EXPECT_EQ(mix.exit_code, 2);
  EXPECT_THAT(mix.errors, HasSubstr("--mix"));
  auto duration = parse({"stress", "--duration", "soon"});
  EXPECT_EQ(duration.exit_code, 2);
  EXPECT_THAT(duration.errors, HasSubstr("--duration \"soon\""));
  auto seed = parse({"stress", "--seed", "x1"});
  EXPECT_THAT(seed.errors, HasSubstr("--seed"));
  EXPECT_EQ(parse({"stress", "--duration", "5s", "--commands", "3"}).exit_code, 2);
  EXPECT_EQ(parse({"stress", "--clients", "0"}).exit_code, 2);
  auto foreign = parse({"stress", "--target", "/elsewhere.xml", "--fixture-fault", "x"});
  EXPECT_THAT(foreign.errors, HasSubstr("built-in target"));
}

}  // namespace
}  // namespace referee::cli
