#include "harness/stress/compact_log.hpp"

namespace referee::stress {

std::uint32_t CompactLog::intern(const std::string& text) {
  auto [found, added] = text_ids_.try_emplace(text, static_cast<std::uint32_t>(texts_.size()));
  if (added) texts_.push_back(text);
  return found->second;
}

void CompactLog::add(unsigned client, const StressCommand& command) {
  std::uint32_t literal = 0;
  if (!command.literal.empty()) {
    literals_.push_back(command.literal);
    literal = static_cast<std::uint32_t>(literals_.size());
  }
  entries_.push_back(Entry{client, intern(command.text), literal});
}

std::vector<LogEntry> CompactLog::entries(std::size_t count) const {
  std::vector<LogEntry> expanded;
  expanded.reserve(std::min(count, entries_.size()));
  for (std::size_t i = 0; i < count && i < entries_.size(); ++i) {
    const Entry& entry = entries_[i];
    const std::string& text = texts_[entry.text];
    std::string literal = entry.literal == 0 ? std::string() : literals_[entry.literal - 1];
    expanded.push_back(LogEntry{entry.client, StressCommand{kind_of(text), text, std::move(literal)}});
  }
  return expanded;
}

}  // namespace referee::stress
