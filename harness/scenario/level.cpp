#include "harness/scenario/level.hpp"

#include <array>
#include <utility>

namespace referee::scenario {
namespace {

constexpr std::array<std::pair<Level, std::string_view>, 5> level_names{{
    {Level::must, "MUST"},
    {Level::must_not, "MUST-NOT"},
    {Level::should, "SHOULD"},
    {Level::should_not, "SHOULD-NOT"},
    {Level::may, "MAY"},
}};

}  // namespace

std::optional<Level> parse_level(std::string_view text) {
  if (text == "MUST NOT") return Level::must_not;
  if (text == "SHOULD NOT") return Level::should_not;
  for (const auto& [level, name] : level_names) {
    if (name == text) return level;
  }
  return std::nullopt;
}

std::string_view level_name(Level level) {
  for (const auto& [candidate, name] : level_names) {
    if (candidate == level) return name;
  }
  return "MAY";
}

}  // namespace referee::scenario
