#pragma once
// The command log of a running stress run, kept small: a 60 s run sends millions of commands,
// most of them repeating a few texts ("NOOP", "EXPUNGE", "FETCH 1 (FLAGS UID RFC822.SIZE)").
// Texts are stored once; each entry is a client and two numbers. The StressLog a replay file
// needs is built only when a violation asks for it.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "harness/stress/stress_log.hpp"

namespace referee::stress {

class CompactLog {
 public:
  void add(unsigned client, const StressCommand& command);
  std::size_t size() const { return entries_.size(); }
  // The first `count` entries as a StressLog (seed, clients and mailboxes left to the caller).
  std::vector<LogEntry> entries(std::size_t count) const;

 private:
  struct Entry {
    std::uint32_t client;
    std::uint32_t text;     // index into texts_
    std::uint32_t literal;  // index into literals_ + 1, or 0
  };
  std::uint32_t intern(const std::string& text);

  std::vector<Entry> entries_;
  std::vector<std::string> texts_;
  std::unordered_map<std::string, std::uint32_t> text_ids_;
  std::vector<std::string> literals_;  // APPEND messages differ from one another
};

}  // namespace referee::stress
