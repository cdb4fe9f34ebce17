#include "harness/stress/mix.hpp"

#include <gtest/gtest.h>

namespace referee::stress {
namespace {

TEST(Mix, NamedKindsReplaceTheDefaultWeights) {
  std::string error;
  auto mix = parse_mix("fetch=40, noop=0", error);
  ASSERT_TRUE(mix) << error;
  EXPECT_EQ(mix->weight(CommandKind::fetch), 40u);
  EXPECT_EQ(mix->weight(CommandKind::noop), 0u);
  EXPECT_EQ(mix->weight(CommandKind::store), default_mix().weight(CommandKind::store));
}

TEST(Mix, RejectsUnknownKindsBadWeightsAndAllZero) {
  std::string error;
  EXPECT_FALSE(parse_mix("fletch=3", error));
  EXPECT_NE(error.find("fletch"), std::string::npos);
  EXPECT_FALSE(parse_mix("fetch=-1", error));
  EXPECT_FALSE(parse_mix("select=0,fetch=0,store=0,expunge=0,append=0,copy=0,search=0,noop=0,idle=0", error));
}

TEST(Mix, PickFollowsTheWeights) {
  Mix mix;
  mix.weights[static_cast<std::size_t>(CommandKind::store)] = 2;
  mix.weights[static_cast<std::size_t>(CommandKind::idle)] = 1;
  EXPECT_EQ(mix.pick(0), CommandKind::store);
  EXPECT_EQ(mix.pick(1), CommandKind::store);
  EXPECT_EQ(mix.pick(2), CommandKind::idle);
  EXPECT_EQ(mix.describe().substr(0, 25), "select=0,fetch=0,store=2,");
}

}  // namespace
}  // namespace referee::stress
