#include "harness/cli/shard.hpp"

#include <gtest/gtest.h>

namespace referee::cli {
namespace {

std::vector<scenario::Scenario> scenarios(int count) {
  std::vector<scenario::Scenario> list(count);
  for (int i = 0; i < count; ++i) list[i].id = "s" + std::to_string(i);
  return list;
}

std::vector<std::string> ids(const std::vector<scenario::Scenario>& list) {
  std::vector<std::string> result;
  for (const auto& s : list) result.push_back(s.id);
  return result;
}

TEST(Shard, ParsesKOfN) {
  auto shard = parse_shard("2/4");
  ASSERT_TRUE(shard);
  EXPECT_EQ(shard->index, 2u);
  EXPECT_EQ(shard->total, 4u);
  for (auto bad : {"0/4", "5/4", "2", "2/", "/4", "a/b", "2/4x", ""}) EXPECT_FALSE(parse_shard(bad)) << bad;
}

TEST(Shard, FlagWinsOverGitLabVariablesWhichWinOverNothing) {
  EXPECT_EQ(choose_shard("1/3", "2", "5").shard.total, 3u);
  auto from_ci = choose_shard("", "2", "5");
  EXPECT_EQ(from_ci.shard.index, 2u);
  EXPECT_EQ(from_ci.shard.total, 5u);
  EXPECT_EQ(choose_shard("", nullptr, nullptr).shard.total, 1u);
  EXPECT_EQ(choose_shard("", "2", nullptr).shard.total, 1u);
  EXPECT_EQ(choose_shard("", "6", "5").error, "CI_NODE_INDEX=6 CI_NODE_TOTAL=5: expected 1 <= index <= total");
  EXPECT_EQ(choose_shard("3", nullptr, nullptr).error, "--shard \"3\": expected K/N with 1 <= K <= N, e.g. 2/4");
}

TEST(Shard, ShardsPartitionTheSelectionDeterministically) {
  auto all = scenarios(7);
  EXPECT_EQ(ids(shard_of(all, {1, 3})), (std::vector<std::string>{"s0", "s3", "s6"}));
  EXPECT_EQ(ids(shard_of(all, {2, 3})), (std::vector<std::string>{"s1", "s4"}));
  EXPECT_EQ(ids(shard_of(all, {3, 3})), (std::vector<std::string>{"s2", "s5"}));
  EXPECT_EQ(ids(shard_of(all, {1, 1})), ids(all));
  EXPECT_TRUE(shard_of(scenarios(2), {3, 3}).empty());
}

}  // namespace
}  // namespace referee::cli
