#pragma once
// One command of a stress stream, as generated, logged, replayed and written into a scenario,
// and the deterministic random numbers the streams are drawn from.

#include <cstdint>
#include <string>

#include "harness/stress/mix.hpp"

namespace referee::stress {

struct StressCommand {
  CommandKind kind = CommandKind::noop;
  std::string text;     // after the tag; APPEND without its literal: "APPEND \"m1\" (\\Seen)"
  std::string literal;  // APPEND's message (CRLF line ends), sent as a synchronizing literal

  // The text as transcripts and reports show it: the literal as " {n}".
  std::string shown() const;
  friend bool operator==(const StressCommand&, const StressCommand&) = default;
};

// SplitMix64 (Steele, Lea, Flood 2014): the same numbers from the same seed on every
// platform and standard library, which std::uniform_int_distribution does not promise.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  // Uniform enough in [0, bound) for bound > 0 (bound is tiny next to 2^64).
  std::uint64_t below(std::uint64_t bound) { return next() % bound; }
  // True with probability percent / 100.
  bool chance(unsigned percent) { return below(100) < percent; }

 private:
  std::uint64_t state_;
};

// The seed of client `index`'s stream (0-based) in a run seeded with `seed`.
std::uint64_t client_seed(std::uint64_t seed, unsigned index);

}  // namespace referee::stress
