#pragma once
// Timeouts as scenario files and profiles write them: "500ms", "5s", "1m".
#include <chrono>
#include <optional>
#include <string_view>

namespace referee::scenario {

// Digits followed by "ms", "s" or "m"; nullopt for anything else, for zero (a wait that can
// never succeed) and for values beyond 24 hours (a typo, not a timeout).
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

// The message for a value parse_duration rejects.
inline constexpr std::string_view duration_syntax_help =
    "a timeout is a positive number followed by ms, s or m (500ms, 5s, 1m), at most 24h";

}  // namespace referee::scenario
