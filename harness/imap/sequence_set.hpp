#pragma once
// RFC 3501 §9 sequence sets ("2,4:7,9,12:*") for message sequence numbers and UIDs.

#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace referee::imap {

enum class sequence_set_error {
  empty = 1,        // no seq-number at all, or an empty element between commas
  bad_number,       // not nz-number / "*", zero, a leading zero, or above 4294967295
  unexpected_text,  // a byte the grammar does not allow
};

const boost::system::error_category& sequence_set_error_category();
boost::system::error_code make_error_code(sequence_set_error error);

// seq-number = nz-number / "*"
struct SequenceNumber {
  std::uint32_t value = 0;  // meaningful when !is_star
  bool is_star = false;     // "*": "the largest number in use"

  static SequenceNumber star() { return {0, true}; }
  // The number this stands for when `largest` is the largest number in use.
  std::uint32_t resolve(std::uint32_t largest) const { return is_star ? largest : value; }
  auto operator<=>(const SequenceNumber&) const = default;
};

// seq-range = seq-number ":" seq-number ; a lone seq-number has first == last.
struct SequenceRange {
  SequenceNumber first, last;
  auto operator<=>(const SequenceRange&) const = default;
};

class SequenceSet {
 public:
  SequenceSet() = default;
  explicit SequenceSet(std::vector<SequenceRange> ranges);

  // sequence-set = (seq-number / seq-range) *("," sequence-set)
  static boost::system::result<SequenceSet> parse(std::string_view text);
  // The shortest set of the given numbers: {8,10,13,14,15,16} -> "8,10,13:16".
  // Precondition: every number is non-zero (throws std::invalid_argument otherwise).
  static SequenceSet from_numbers(std::vector<std::uint32_t> numbers);

  // "2:4 and 4:2 are equivalent"; "*" stands for `largest`, the largest number in use.
  bool contains(std::uint32_t number, std::uint32_t largest) const;
  // Every member in increasing order, once each, when `largest` is the largest number in use.
  std::vector<std::uint32_t> members(std::uint32_t largest) const;

  const std::vector<SequenceRange>& ranges() const { return ranges_; }
  bool empty() const { return ranges_.empty(); }
  std::string to_string() const;

  auto operator<=>(const SequenceSet&) const = default;

 private:
  std::vector<SequenceRange> ranges_;
};

}  // namespace referee::imap

template <>
struct boost::system::is_error_code_enum<referee::imap::sequence_set_error> : std::true_type {};
