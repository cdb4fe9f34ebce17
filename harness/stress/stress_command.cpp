#include "harness/stress/stress_command.hpp"

namespace referee::stress {

std::string StressCommand::shown() const {
  if (literal.empty()) return text;
  return text + " {" + std::to_string(literal.size()) + "}";
}

std::uint64_t Random::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t client_seed(std::uint64_t seed, unsigned index) {
  Random mixer(seed ^ (0x632be59bd9b4e019ULL * (index + 1)));
  return mixer.next();
}

}  // namespace referee::stress
