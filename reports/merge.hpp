#pragma once
// Shard results merged into the one run they are parts of (`referee report` on the results of
// `referee run --shard K/N` jobs): the merged tree gives the same report as an unsharded run.

#include <string>
#include <vector>

#include <boost/system/result.hpp>

#include "harness/engine/result.hpp"

namespace referee::reports {

struct MergeError {
  std::string message;  // "shard 2/3 is missing", "a.json and b.json are both shard 1/2"
};

// `names` name the runs in messages (file names), one per run. Checks that the runs are the
// shards 1..N of one N exactly once. The merged run: scenarios in selection order (by id, then
// repetition), the earliest start, the longest shard's duration, requirements united, launch
// output of every shard, shard 1/1.
boost::system::result<engine::RunResult, MergeError> merge_shards(std::vector<engine::RunResult> runs,
                                                                  const std::vector<std::string>& names);

// Whether these runs are shards of one run (every run has total > 1), rather than runs of
// different targets to compare.
bool are_shards(const std::vector<engine::RunResult>& runs);

}  // namespace referee::reports
