#include "harness/cli/selection.hpp"

#include <gtest/gtest.h>

namespace referee::cli {
namespace {

using namespace referee::scenario;

RequirementCatalogue catalogue() {
  RequirementCatalogue requirements;
  auto add = [&](std::string id, Level level) {
    Requirement requirement;
    requirement.id = id;
    requirement.level = level;
    requirements[id] = requirement;
  };
  add("must-tagged", Level::must);
  add("must-not-loop", Level::must_not);
  add("should-alt", Level::should);
  add("may-greeting", Level::may);
  return requirements;
}

CommandStep command_requiring(std::string id) {
  CommandStep command;
  command.expect.tagged = TaggedPattern{};
  command.expect.tagged->requirement.id = std::move(id);
  return command;
}

// One scenario naming requirements in a greeting, a command, a follow-referral and, nested,
// inside an alternative.
Scenario rich_scenario() {
  Scenario scenario;
  scenario.id = "rfc2193/3/rich";
  scenario.rfc = "2193";
  ClientSpec client;
  client.greeting = GreetingPattern{};
  client.greeting->requirement.id = "may-greeting";
  scenario.clients.push_back(client);
  scenario.steps.push_back(command_requiring("must-tagged"));
  FollowReferralStep follow;
  follow.requirement.id = "must-not-loop";
  scenario.steps.push_back(follow);
  auto alternatives = std::make_shared<AlternativesStep>();
  Alternative alternative;
  alternative.steps.push_back(command_requiring("should-alt"));
  alternatives->alternatives.push_back(alternative);
  scenario.steps.push_back(alternatives);
  return scenario;
}

Scenario plain_scenario(std::string id, std::string rfc, std::string requirement) {
  Scenario scenario;
  scenario.id = std::move(id);
  scenario.rfc = std::move(rfc);
  scenario.steps.push_back(command_requiring(std::move(requirement)));
  return scenario;
}

TEST(Selection, RfcNumbersAreNormalised) {
  EXPECT_EQ(normalise_rfc("2193"), "2193");
  EXPECT_EQ(normalise_rfc("rfc2193"), "2193");
  EXPECT_EQ(normalise_rfc("RFC 2221"), "2221");
  EXPECT_FALSE(normalise_rfc("rfc"));
  EXPECT_FALSE(normalise_rfc("21x3"));
  EXPECT_FALSE(normalise_rfc(""));
}

TEST(Selection, LevelFamiliesAcceptTheRfcSpellings) {
  EXPECT_EQ(parse_level_family("MUST"), LevelFamily::must);
  EXPECT_EQ(parse_level_family("must not"), LevelFamily::must);
  EXPECT_EQ(parse_level_family("SHOULD-NOT"), LevelFamily::should);
  EXPECT_EQ(parse_level_family("may"), LevelFamily::may);
  EXPECT_FALSE(parse_level_family("REQUIRED"));
}

TEST(Selection, RequirementIdsAreFoundInEveryKindOfStep) {
  EXPECT_EQ(requirement_ids(rich_scenario()),
            (std::set<std::string>{"may-greeting", "must-tagged", "must-not-loop", "should-alt"}));
}

TEST(Selection, FilterRfcAndLevelCombine) {
  std::vector<Scenario> scenarios{rich_scenario(),
                                  plain_scenario("rfc2221/3/depth", "2221", "must-tagged"),
                                  plain_scenario("rfc2180/3/delete", "2180", "should-alt")};
  auto ids = [&](const Selection& selection) {
    std::vector<std::string> selected;
    for (const auto& scenario : select_scenarios(scenarios, catalogue(), selection)) {
      selected.push_back(scenario.id);
    }
    return selected;
  };
  EXPECT_EQ(ids({}).size(), 3u);
  EXPECT_EQ(ids({IdFilter("-rfc2193/*"), {}, {}}),
            (std::vector<std::string>{"rfc2221/3/depth", "rfc2180/3/delete"}));
  EXPECT_EQ(ids({IdFilter(), {"2221", "2180"}, {}}),
            (std::vector<std::string>{"rfc2221/3/depth", "rfc2180/3/delete"}));
  EXPECT_EQ(ids({IdFilter(), {}, {LevelFamily::should}}),
            (std::vector<std::string>{"rfc2193/3/rich", "rfc2180/3/delete"}));  // nested alternative counts
  EXPECT_EQ(ids({IdFilter(), {}, {LevelFamily::may}}), std::vector<std::string>{"rfc2193/3/rich"});
  EXPECT_EQ(ids({IdFilter("rfc2221/*"), {"2193"}, {}}), std::vector<std::string>{});
}

}  // namespace
}  // namespace referee::cli
