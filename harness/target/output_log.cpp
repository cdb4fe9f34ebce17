#include "harness/target/output_log.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace referee::target {

void OutputLog::append(std::string line) {
  std::lock_guard lock(mutex_);
  if (lines_.size() >= max_lines_) {
    ++dropped_;
    return;
  }
  lines_.push_back(std::move(line));
}

std::vector<std::string> OutputLog::lines() const {
  std::lock_guard lock(mutex_);
  auto copy = lines_;
  if (dropped_ > 0) copy.push_back(fmt::format("[{} more lines not kept]", dropped_));
  return copy;
}

std::vector<std::string> OutputLog::tail(std::size_t count) const {
  std::lock_guard lock(mutex_);
  auto first = lines_.size() - std::min(count, lines_.size());
  return {lines_.begin() + static_cast<std::ptrdiff_t>(first), lines_.end()};
}

}  // namespace referee::target
