#include "harness/engine/match/expunge_order.hpp"

#include <algorithm>

namespace referee::engine {
namespace {

// The current sequence number of a message that had `original` before the batch: less one
// for every message below it already removed (the immediate decrement rule).
std::uint32_t current_number(std::uint32_t original, const std::vector<std::uint32_t>& gone) {
  auto below = std::count_if(gone.begin(), gone.end(),
                             [&](std::uint32_t other) { return other < original; });
  return original - static_cast<std::uint32_t>(below);
}

}  // namespace

std::string join_numbers(const std::vector<std::uint32_t>& numbers) {
  std::string text;
  for (auto number : numbers) text += (text.empty() ? "" : " ") + std::to_string(number);
  return text.empty() ? "none" : text;
}

ExpungeOrderVerdict check_expunge_order(std::vector<std::uint32_t> removed,
                                        const std::vector<std::uint32_t>& reported) {
  std::sort(removed.begin(), removed.end());
  removed.erase(std::unique(removed.begin(), removed.end()), removed.end());
  if (reported.size() != removed.size()) {
    return {false, std::to_string(reported.size()) + " EXPUNGE responses for " +
                       std::to_string(removed.size()) + " removed messages"};
  }
  // Current numbers of the messages still waiting are distinct and keep their order, so each
  // response names at most one of them: following the responses one by one decides.
  std::vector<std::uint32_t> waiting = removed;
  std::vector<std::uint32_t> gone;
  for (std::size_t i = 0; i < reported.size(); ++i) {
    auto it = std::find_if(waiting.begin(), waiting.end(), [&](std::uint32_t original) {
      return current_number(original, gone) == reported[i];
    });
    if (it == waiting.end()) {
      std::vector<std::uint32_t> now;
      for (auto original : waiting) now.push_back(current_number(original, gone));
      return {false, "EXPUNGE " + std::to_string(reported[i]) + " (response " +
                         std::to_string(i + 1) + ") names no removed message: " +
                         (gone.empty() ? std::string("before any EXPUNGE")
                                       : "once " + join_numbers(gone) + " (numbers before the batch) are gone") +
                         ", the messages still to remove are numbered " + join_numbers(now)};
    }
    gone.push_back(*it);
    waiting.erase(it);
  }
  return {true, "removal order (numbers before the batch): " + join_numbers(gone)};
}

}  // namespace referee::engine
