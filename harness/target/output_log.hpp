#pragma once
// The captured stdout/stderr of launched servers and hooks, line by line, for the report
// (RunResult::launch_output). Written by the target's I/O thread, read by the caller's:
// guarded by a mutex.

#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

namespace referee::target {

class OutputLog {
 public:
  // A server that writes without end must not exhaust memory: lines past `max_lines` are
  // counted, not kept.
  explicit OutputLog(std::size_t max_lines = 20000) : max_lines_(max_lines) {}

  void append(std::string line);
  // The kept lines, plus a last line saying how many were dropped, if any.
  std::vector<std::string> lines() const;
  // The last `count` kept lines (for error messages).
  std::vector<std::string> tail(std::size_t count) const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> lines_;
  std::size_t dropped_ = 0;
  std::size_t max_lines_;
};

}  // namespace referee::target
