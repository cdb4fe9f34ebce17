#include "reports/merge.hpp"

#include <gtest/gtest.h>

#include "reports/test/sample_run.hpp"

namespace referee::reports {
namespace {

// The sample run cut into `total` shards the way --shard cuts a selection.
std::vector<engine::RunResult> shards_of(const engine::RunResult& whole, unsigned total) {
  std::vector<engine::RunResult> shards;
  for (unsigned index = 1; index <= total; ++index) {
    auto shard = whole;
    shard.scenarios.clear();
    shard.shard = {index, total};
    shard.started_at = "2026-11-23T14:1" + std::to_string(index) + ":00";
    for (std::size_t i = index - 1; i < whole.scenarios.size(); i += total) shard.scenarios.push_back(whole.scenarios[i]);
    shards.push_back(shard);
  }
  return shards;
}

engine::RunResult sorted_sample() {
  auto run = testing::sample_run();
  std::sort(run.scenarios.begin(), run.scenarios.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return run;
}

TEST(MergeShards, GivesBackTheWholeRunInSelectionOrder) {
  auto whole = sorted_sample();
  auto shards = shards_of(whole, 3);
  std::swap(shards[0], shards[2]);  // any order of files
  auto merged = merge_shards(shards, {"c.json", "b.json", "a.json"});
  ASSERT_TRUE(merged) << merged.error().message;
  ASSERT_EQ(merged->scenarios.size(), whole.scenarios.size());
  for (std::size_t i = 0; i < whole.scenarios.size(); ++i) EXPECT_EQ(merged->scenarios[i].id, whole.scenarios[i].id);
  EXPECT_EQ(merged->shard.total, 1u);
  EXPECT_EQ(merged->started_at, "2026-11-23T14:11:00");
  EXPECT_TRUE(are_shards(shards));
  EXPECT_FALSE(are_shards({whole}));
}

TEST(MergeShards, NamesMissingDuplicateAndMismatchedShards) {
  auto shards = shards_of(sorted_sample(), 3);
  auto missing = merge_shards({shards[0], shards[2]}, {"a.json", "c.json"});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "shard 2/3 is missing");
  auto twice = merge_shards({shards[0], shards[0], shards[2]}, {"a.json", "b.json", "c.json"});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().message, "a.json and b.json are both shard 1/3");
  auto other = shards_of(sorted_sample(), 2);
  auto mixed = merge_shards({shards[0], other[1]}, {"a.json", "x.json"});
  ASSERT_FALSE(mixed);
  EXPECT_NE(mixed.error().message.find("x.json is shard 2/2"), std::string::npos) << mixed.error().message;
}

}  // namespace
}  // namespace referee::reports
