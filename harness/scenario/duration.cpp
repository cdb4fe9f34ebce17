#include "harness/scenario/duration.hpp"

#include <charconv>
#include <cstdint>

namespace referee::scenario {

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  std::uint64_t amount = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), amount);
  if (error != std::errc{} || end == text.data()) return std::nullopt;
  const std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
  std::uint64_t factor = 0;
  if (unit == "ms") factor = 1;
  else if (unit == "s") factor = 1000;
  else if (unit == "m") factor = 60'000;
  else return std::nullopt;
  constexpr std::uint64_t one_day = 24ull * 60 * 60 * 1000;
  if (amount == 0 || amount > one_day / factor) return std::nullopt;
  return std::chrono::milliseconds(amount * factor);
}

}  // namespace referee::scenario
