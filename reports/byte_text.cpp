#include "reports/byte_text.hpp"

#include <cstdint>
#include <utility>

namespace referee::reports {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// How many bytes a sequence starting with `first` has; 0 for a byte that cannot start one.
std::size_t sequence_length(std::uint8_t first) {
  if (first < 0x80) return 1;
  if (first < 0xC2 || first > 0xF4) return 0;  // continuation bytes, overlong C0/C1, too high
  return first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2;
}

// RFC 3629 §4 ("UTF8-octets" ABNF): the second byte's range depends on the first.
std::pair<std::uint8_t, std::uint8_t> second_byte_range(std::uint8_t first) {
  if (first == 0xE0) return {0xA0, 0xBF};  // no overlong 3-byte forms
  if (first == 0xED) return {0x80, 0x9F};  // no UTF-16 surrogates
  if (first == 0xF0) return {0x90, 0xBF};  // no overlong 4-byte forms
  if (first == 0xF4) return {0x80, 0x8F};  // nothing above U+10FFFF
  return {0x80, 0xBF};
}

// How many bytes at the start of `bytes` begin a well-formed sequence: all of it when it is
// complete, fewer when it breaks off (at least 1 for a non-empty input).
std::size_t matching_prefix(std::string_view bytes, std::size_t& needed) {
  auto first = static_cast<std::uint8_t>(bytes[0]);
  needed = sequence_length(first);
  if (needed <= 1) return 1;
  auto [low, high] = second_byte_range(first);
  std::size_t length = 1;
  while (length < needed && length < bytes.size()) {
    auto next = static_cast<std::uint8_t>(bytes[length]);
    if (next < (length == 1 ? low : 0x80) || next > (length == 1 ? high : 0xBF)) break;
    ++length;
  }
  return length;
}

// The length of the well-formed sequence at the start of `bytes`, or 0 when it is not one.
std::size_t well_formed_length(std::string_view bytes) {
  std::size_t needed = 0;
  std::size_t length = matching_prefix(bytes, needed);
  return length == needed ? length : 0;
}

// How many bytes one U+FFFD stands for: the maximal subpart of a sequence that broke off.
std::size_t invalid_length(std::string_view bytes) {
  std::size_t needed = 0;
  return matching_prefix(bytes, needed);
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  while (!bytes.empty()) {
    auto length = well_formed_length(bytes);
    if (length == 0) return false;
    bytes.remove_prefix(length);
  }
  return true;
}

std::string to_valid_utf8(std::string_view bytes) {
  std::string text;
  text.reserve(bytes.size());
  while (!bytes.empty()) {
    if (auto length = well_formed_length(bytes)) {
      text.append(bytes.substr(0, length));
      bytes.remove_prefix(length);
    } else {
      text.append(kReplacementCharacter);
      bytes.remove_prefix(invalid_length(bytes));
    }
  }
  return text;
}

std::string base64_encode(std::string_view bytes) {
  static constexpr std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string encoded;
  encoded.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t index = 0; index < bytes.size(); index += 3) {
    std::uint32_t group = static_cast<std::uint8_t>(bytes[index]) << 16;
    if (index + 1 < bytes.size()) group |= static_cast<std::uint8_t>(bytes[index + 1]) << 8;
    if (index + 2 < bytes.size()) group |= static_cast<std::uint8_t>(bytes[index + 2]);
    encoded += alphabet[(group >> 18) & 0x3F];
    encoded += alphabet[(group >> 12) & 0x3F];
    encoded += index + 1 < bytes.size() ? alphabet[(group >> 6) & 0x3F] : '=';
    encoded += index + 2 < bytes.size() ? alphabet[group & 0x3F] : '=';
  }
  return encoded;
}

}  // namespace referee::reports
