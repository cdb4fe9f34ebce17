#include "reports/merge.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace referee::reports {
namespace {

std::optional<std::string> shard_problem(const std::vector<engine::RunResult>& runs,
                                         const std::vector<std::string>& names) {
  unsigned total = runs.front().shard.total;
  std::vector<std::string> seen(total + 1);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto& shard = runs[i].shard;
    if (shard.total != total) {
      return fmt::format("{} is shard {}/{}, but {} is shard {}/{}: not parts of one run", names[i],
                         shard.index, shard.total, names[0], runs[0].shard.index, total);
    }
    if (shard.index < 1 || shard.index > total) return fmt::format("{}: shard {}/{} is out of range", names[i], shard.index, total);
    if (!seen[shard.index].empty()) {
      return fmt::format("{} and {} are both shard {}/{}", seen[shard.index], names[i], shard.index, total);
    }
    seen[shard.index] = names[i];
  }
  for (unsigned index = 1; index <= total; ++index) {
    if (seen[index].empty()) return fmt::format("shard {}/{} is missing", index, total);
  }
  return std::nullopt;
}

void merge_requirements(engine::RunResult& merged, const engine::RunResult& run) {
  for (const auto& requirement : run.requirements) {
    bool known = std::any_of(merged.requirements.begin(), merged.requirements.end(),
                             [&](const auto& r) { return r.id == requirement.id; });
    if (!known) merged.requirements.push_back(requirement);
  }
}

}  // namespace

bool are_shards(const std::vector<engine::RunResult>& runs) {
  return !runs.empty() && std::all_of(runs.begin(), runs.end(), [](const auto& run) { return run.shard.total > 1; });
}

boost::system::result<engine::RunResult, MergeError> merge_shards(std::vector<engine::RunResult> runs,
                                                                  const std::vector<std::string>& names) {
  if (runs.empty()) return MergeError{"no results to merge"};
  if (auto problem = shard_problem(runs, names)) return MergeError{*problem};
  std::sort(runs.begin(), runs.end(), [](const auto& a, const auto& b) { return a.shard.index < b.shard.index; });
  engine::RunResult merged = std::move(runs.front());
  for (std::size_t i = 1; i < runs.size(); ++i) {
    auto& run = runs[i];
    merged.started_at = std::min(merged.started_at, run.started_at);
    merged.duration = std::max(merged.duration, run.duration);
    std::move(run.scenarios.begin(), run.scenarios.end(), std::back_inserter(merged.scenarios));
    for (auto& space : run.namespaces) {  // every shard discovers the same servers
      bool known = std::any_of(merged.namespaces.begin(), merged.namespaces.end(), [&](const auto& n) {
        return n.server == space.server && n.user == space.user;
      });
      if (!known) merged.namespaces.push_back(std::move(space));
    }
    std::move(run.problems.begin(), run.problems.end(), std::back_inserter(merged.problems));
    std::move(run.launch_output.begin(), run.launch_output.end(), std::back_inserter(merged.launch_output));
    if (!run.fatal_error.empty()) merged.fatal_error += (merged.fatal_error.empty() ? "" : "\n") + run.fatal_error;
    if (merged.interrupted.empty()) merged.interrupted = run.interrupted;
    merged.strict = merged.strict || run.strict;
    merge_requirements(merged, run);
  }
  std::stable_sort(merged.scenarios.begin(), merged.scenarios.end(), [](const auto& a, const auto& b) {
    return std::tie(a.id, a.repetition) < std::tie(b.id, b.repetition);
  });
  std::sort(merged.requirements.begin(), merged.requirements.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  merged.shard = {1, 1};
  return merged;
}

}  // namespace referee::reports
