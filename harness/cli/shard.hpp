#pragma once
// --shard K/N: a run takes every N-th selected scenario, starting with the K-th (1-based), so
// N CI jobs together run the whole selection once. Without the flag, GitLab's parallel jobs
// are recognised by CI_NODE_INDEX / CI_NODE_TOTAL (1-based index).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/engine/result.hpp"
#include "harness/scenario/model.hpp"

namespace referee::cli {

// "2/4" -> {2, 4}; nullopt unless 1 <= K <= N.
std::optional<engine::Shard> parse_shard(std::string_view text);

// The shard from --shard when given, else from CI_NODE_INDEX / CI_NODE_TOTAL (both set),
// else the whole selection. Errors name the option or variable and the value.
struct ShardChoice {
  engine::Shard shard;
  std::string error;
};
ShardChoice choose_shard(std::string_view flag, const char* ci_node_index, const char* ci_node_total);

// The scenarios of `shard`, in selection order: positions K-1, K-1+N, K-1+2N, …
std::vector<scenario::Scenario> shard_of(const std::vector<scenario::Scenario>& selected,
                                         engine::Shard shard);

}  // namespace referee::cli
