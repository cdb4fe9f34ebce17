#include "harness/stress/mix.hpp"

#include <charconv>

namespace referee::stress {
namespace {

constexpr std::array<std::string_view, kCommandKinds> kNames{
    "select", "fetch", "store", "expunge", "append", "copy", "search", "noop", "idle"};

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// One "key=weight" item into `mix`; false with `error` set when it is not one.
bool apply_item(std::string_view item, Mix& mix, std::string& error) {
  auto equals = item.find('=');
  std::string_view key = trim(item.substr(0, equals));
  auto kind = kind_from_name(key);
  if (equals == std::string_view::npos || !kind) {
    error = "\"" + std::string(item) + "\": expected KIND=WEIGHT with KIND one of " +
            "select, fetch, store, expunge, append, copy, search, noop, idle";
    return false;
  }
  std::string_view value = trim(item.substr(equals + 1));
  unsigned weight = 0;
  auto [end, problem] = std::from_chars(value.data(), value.data() + value.size(), weight);
  if (problem != std::errc{} || end != value.data() + value.size() || weight > 1000000) {
    error = "\"" + std::string(item) + "\": the weight must be a whole number from 0 to 1000000";
    return false;
  }
  mix.weights[static_cast<std::size_t>(*kind)] = weight;
  return true;
}

}  // namespace

std::string_view kind_name(CommandKind kind) { return kNames[static_cast<std::size_t>(kind)]; }

std::optional<CommandKind> kind_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<CommandKind>(i);
  }
  return std::nullopt;
}

unsigned Mix::total() const {
  unsigned sum = 0;
  for (unsigned weight : weights) sum += weight;
  return sum;
}

CommandKind Mix::pick(std::uint64_t draw) const {
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (draw < weights[i]) return static_cast<CommandKind>(i);
    draw -= weights[i];
  }
  return CommandKind::noop;
}

std::string Mix::describe() const {
  std::string text;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    text += (text.empty() ? "" : ",") + std::string(kNames[i]) + "=" + std::to_string(weights[i]);
  }
  return text;
}

Mix default_mix() {
  Mix mix;
  mix.weights = {3, 25, 20, 6, 8, 3, 10, 20, 5};
  return mix;
}

std::optional<Mix> parse_mix(std::string_view text, std::string& error) {
  Mix mix = default_mix();
  while (!text.empty()) {
    auto comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    if (!apply_item(item, mix, error)) return std::nullopt;
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
  }
  if (mix.total() == 0) {
    error = "every weight is 0: at least one command type must be drawn";
    return std::nullopt;
  }
  return mix;
}

}  // namespace referee::stress
