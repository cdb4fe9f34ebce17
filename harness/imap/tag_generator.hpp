#pragma once
// Command tags "A001", "A002", ... (RFC 3501 §2.2.1: "a different tag for each command").

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "harness/imap/command_syntax.hpp"

namespace referee::imap {

class TagGenerator {
 public:
  // prefix: tag characters (ASTRING-CHAR except "+"); digits: minimum width, zero-padded.
  // A bad prefix is a programming error (std::invalid_argument).
  explicit TagGenerator(std::string prefix = "A", int digits = 3)
      : prefix_(std::move(prefix)), digits_(digits) {
    if (!prefix_.empty() && !is_tag(prefix_)) {
      throw std::invalid_argument("TagGenerator: prefix \"" + prefix_ + "\" is not tag text");
    }
    if (digits_ < 1 || digits_ > 10) throw std::invalid_argument("TagGenerator: digits 1..10");
  }

  // The next tag: prefix + counter, the counter starting at 1 and growing past the width
  // ("A999" is followed by "A1000").
  std::string next() {
    std::string number = std::to_string(++counter_);
    if (number.size() < static_cast<std::size_t>(digits_)) {
      number.insert(0, static_cast<std::size_t>(digits_) - number.size(), '0');
    }
    return prefix_ + number;
  }

  // How many tags next() has produced.
  std::uint64_t issued() const { return counter_; }
  const std::string& prefix() const { return prefix_; }

 private:
  std::string prefix_;
  int digits_;
  std::uint64_t counter_ = 0;
};

}  // namespace referee::imap
