#include "harness/stress/statistics.hpp"

#include <algorithm>
#include <limits>

namespace referee::stress {
namespace {

std::uint64_t percentile(std::vector<std::uint32_t>& sorted, double fraction) {
  if (sorted.empty()) return 0;
  auto index = static_cast<std::size_t>(fraction * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(index, sorted.size() - 1)];
}

}  // namespace

void CommandStatistics::record(const std::string& name, std::chrono::microseconds latency) {
  auto& list = latencies_us_[name];
  auto micros = std::min<long long>(latency.count(), std::numeric_limits<std::uint32_t>::max());
  list.push_back(static_cast<std::uint32_t>(std::max<long long>(micros, 0)));
  ++total_;
}

std::vector<engine::StressCommandStats> CommandStatistics::summarize(double duration_s) const {
  std::vector<engine::StressCommandStats> all;
  for (const auto& [name, recorded] : latencies_us_) {
    std::vector<std::uint32_t> sorted = recorded;
    std::sort(sorted.begin(), sorted.end());
    engine::StressCommandStats stats{.name = name, .count = sorted.size()};
    stats.per_second = duration_s > 0 ? static_cast<double>(sorted.size()) / duration_s : 0;
    stats.p50_us = percentile(sorted, 0.50);
    stats.p90_us = percentile(sorted, 0.90);
    stats.p99_us = percentile(sorted, 0.99);
    stats.max_us = sorted.empty() ? 0 : sorted.back();
    all.push_back(std::move(stats));
  }
  return all;
}

}  // namespace referee::stress
