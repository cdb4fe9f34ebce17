#include "harness/scenario/lockstep.hpp"

#include <gtest/gtest.h>

namespace referee::scenario {
namespace {

CommandStep command(std::string client, std::vector<SendPart> send) {
  CommandStep step;
  step.client = std::move(client);
  step.send = std::move(send);
  return step;
}

TEST(Lockstep, ActionKeysNameKindClientAndCommandText) {
  EXPECT_EQ(action_key(command("C1", {std::string("APPEND x "), LiteralPart{"abc"}})),
            "command C1: APPEND x {abc}");
  EXPECT_EQ(action_key(AwaitStep{"C2", {}, {}, {}}), "await C2");
  EXPECT_EQ(action_key(BarrierStep{{"C1", "C2"}, {}}), "barrier C1 C2");
  EXPECT_EQ(action_key(FenceStep{"C3", {}}), "fence C3");
  EXPECT_EQ(action_key(ResumeStep{"C1", {}, {}, {}}), "resume C1");
  FollowReferralStep follow;
  follow.client = "C1";
  follow.as = "C1R";
  EXPECT_EQ(action_key(follow), "follow-referral C1 as C1R");
}

TEST(Lockstep, ExpectationsAreNotPartOfTheAction) {
  CommandStep ok = command("C1", {std::string("DELETE x")});
  CommandStep no = ok;
  ok.expect.tagged.emplace().statuses = {"OK"};
  no.expect.tagged.emplace().statuses = {"NO"};
  EXPECT_EQ(action_key(ok), action_key(no));
}

TEST(Lockstep, FindsTheFirstDivergence) {
  AlternativesStep block;
  block.alternatives.push_back({"ghost", "3.2", Level::may, "", {command("C1", {std::string("DELETE x")}), FenceStep{"C2", {}}}, {}});
  block.alternatives.push_back({"refuse", "3.1", Level::may, "", {command("C1", {std::string("DELETE x")})}, {}});
  EXPECT_FALSE(find_divergence(block)) << "a shorter alternative simply completes";
  block.alternatives.push_back({"bye", "3.3", Level::may, "", {command("C1", {std::string("DELETE x")}), ExpectCloseStep{.client = "C2", .bye = Presence::must, .where = {"f", 7, 3}}}, {}});
  const auto divergence = find_divergence(block);
  ASSERT_TRUE(divergence);
  EXPECT_EQ(divergence->step_index, 1u);
  EXPECT_EQ(divergence->followed, "ghost");
  EXPECT_EQ(divergence->other, "bye");
  EXPECT_EQ(divergence->followed_action, "fence C2");
  EXPECT_EQ(divergence->other_action, "expect-close C2");
  EXPECT_EQ(divergence->where.line, 7u);
}

}  // namespace
}  // namespace referee::scenario
