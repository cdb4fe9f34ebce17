#pragma once
// Latency per command type over a run, reduced to the result tree's percentiles.

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "harness/engine/stress_result.hpp"

namespace referee::stress {

class CommandStatistics {
 public:
  void record(const std::string& name, std::chrono::microseconds latency);
  std::uint64_t total() const { return total_; }
  // One entry per command name, sorted by name; rates over `duration_s`.
  std::vector<engine::StressCommandStats> summarize(double duration_s) const;

 private:
  std::map<std::string, std::vector<std::uint32_t>> latencies_us_;
  std::uint64_t total_ = 0;
};

}  // namespace referee::stress
