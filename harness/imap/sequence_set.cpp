#include "harness/imap/sequence_set.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace referee::imap {
namespace {

class SequenceSetErrorCategory final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "referee.imap.sequence_set"; }

  std::string message(int value) const override {
    switch (static_cast<sequence_set_error>(value)) {
      case sequence_set_error::empty:
        return "empty sequence set element";
      case sequence_set_error::bad_number:
        return "not an nz-number or '*'";
      case sequence_set_error::unexpected_text:
        return "unexpected character in sequence set";
    }
    return "unknown sequence set error";
  }
};

// seq-number = nz-number / "*" ; nz-number = digit-nz *DIGIT, "(0 < n < 4,294,967,296)"
boost::system::result<SequenceNumber> parse_sequence_number(std::string_view text) {
  if (text.empty()) return sequence_set_error::empty;
  if (text == "*") return SequenceNumber::star();
  if (text[0] == '0') return sequence_set_error::bad_number;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return sequence_set_error::bad_number;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
    if (value > std::numeric_limits<std::uint32_t>::max()) return sequence_set_error::bad_number;
  }
  return SequenceNumber{static_cast<std::uint32_t>(value), false};
}

boost::system::result<SequenceRange> parse_element(std::string_view element) {
  const std::size_t colon = element.find(':');
  auto first = parse_sequence_number(element.substr(0, colon));
  if (!first) return first.error();
  if (colon == std::string_view::npos) return SequenceRange{*first, *first};
  const std::string_view second_text = element.substr(colon + 1);
  if (second_text.find(':') != std::string_view::npos) return sequence_set_error::unexpected_text;
  auto last = parse_sequence_number(second_text);
  if (!last) return last.error();
  return SequenceRange{*first, *last};
}

std::string format_number(SequenceNumber number) {
  return number.is_star ? "*" : std::to_string(number.value);
}

}  // namespace

const boost::system::error_category& sequence_set_error_category() {
  static const SequenceSetErrorCategory category;
  return category;
}

boost::system::error_code make_error_code(sequence_set_error error) {
  return {static_cast<int>(error), sequence_set_error_category()};
}

SequenceSet::SequenceSet(std::vector<SequenceRange> ranges) : ranges_(std::move(ranges)) {}

boost::system::result<SequenceSet> SequenceSet::parse(std::string_view text) {
  std::vector<SequenceRange> ranges;
  for (std::size_t start = 0;;) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    auto range = parse_element(text.substr(start, comma - start));
    if (!range) return range.error();
    ranges.push_back(*range);
    if (comma == text.size()) break;
    start = comma + 1;
  }
  return SequenceSet(std::move(ranges));
}

SequenceSet SequenceSet::from_numbers(std::vector<std::uint32_t> numbers) {
  if (std::find(numbers.begin(), numbers.end(), 0u) != numbers.end()) {
    throw std::invalid_argument("SequenceSet::from_numbers: 0 is not a sequence number");
  }
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  std::vector<SequenceRange> ranges;
  for (std::uint32_t number : numbers) {
    if (!ranges.empty() && ranges.back().last.value + 1 == number) {
      ranges.back().last.value = number;
    } else {
      ranges.push_back({{number, false}, {number, false}});
    }
  }
  return SequenceSet(std::move(ranges));
}

bool SequenceSet::contains(std::uint32_t number, std::uint32_t largest) const {
  if (number == 0) return false;  // "*" in an empty mailbox resolves to 0, no member
  return std::any_of(ranges_.begin(), ranges_.end(), [&](const SequenceRange& range) {
    const std::uint32_t first = range.first.resolve(largest);
    const std::uint32_t last = range.last.resolve(largest);
    return number >= std::min(first, last) && number <= std::max(first, last);
  });
}

std::vector<std::uint32_t> SequenceSet::members(std::uint32_t largest) const {
  std::vector<std::uint32_t> numbers;
  for (const SequenceRange& range : ranges_) {
    const std::uint32_t first = range.first.resolve(largest);
    const std::uint32_t last = range.last.resolve(largest);
    // "*" in an empty mailbox resolves to 0, which is no member.
    for (std::uint64_t n = std::max(1u, std::min(first, last)); n <= std::max(first, last); ++n) {
      numbers.push_back(static_cast<std::uint32_t>(n));
    }
  }
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  return numbers;
}

std::string SequenceSet::to_string() const {
  std::string text;
  for (const SequenceRange& range : ranges_) {
    if (!text.empty()) text += ',';
    text += format_number(range.first);
    if (range.last != range.first) text += ':' + format_number(range.last);
  }
  return text;
}

}  // namespace referee::imap
