#include "harness/cli/shard.hpp"

#include <charconv>

#include <fmt/format.h>

namespace referee::cli {
namespace {

std::optional<unsigned> parse_number(std::string_view text) {
  unsigned value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<engine::Shard> parse_shard(std::string_view text) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto index = parse_number(text.substr(0, slash));
  auto total = parse_number(text.substr(slash + 1));
  if (!index || !total || *index < 1 || *index > *total) return std::nullopt;
  return engine::Shard{*index, *total};
}

ShardChoice choose_shard(std::string_view flag, const char* ci_node_index, const char* ci_node_total) {
  if (!flag.empty()) {
    if (auto shard = parse_shard(flag)) return {*shard, ""};
    return {{}, fmt::format("--shard \"{}\": expected K/N with 1 <= K <= N, e.g. 2/4", flag)};
  }
  if (!ci_node_index || !ci_node_total || !*ci_node_index || !*ci_node_total) return {};
  auto text = fmt::format("{}/{}", ci_node_index, ci_node_total);
  if (auto shard = parse_shard(text)) return {*shard, ""};
  return {{}, fmt::format("CI_NODE_INDEX={} CI_NODE_TOTAL={}: expected 1 <= index <= total",
                          ci_node_index, ci_node_total)};
}

std::vector<scenario::Scenario> shard_of(const std::vector<scenario::Scenario>& selected,
                                         engine::Shard shard) {
  std::vector<scenario::Scenario> part;
  for (std::size_t position = shard.index - 1; position < selected.size(); position += shard.total) {
    part.push_back(selected[position]);
  }
  return part;
}

}  // namespace referee::cli
