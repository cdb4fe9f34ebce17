#include "harness/stress/rfc2180_tracker.hpp"

namespace referee::stress {

std::optional<Finding> Rfc2180Tracker::observe(const std::string& situation,
                                               const std::string& behaviour,
                                               const std::string& client,
                                               std::vector<std::string> transcript) {
  auto [first, inserted] = first_.try_emplace(situation, First{behaviour, client, std::move(transcript)});
  if (inserted || first->second.behaviour == behaviour || reported_.contains(situation)) {
    return std::nullopt;
  }
  reported_.insert(situation);
  Finding finding{.invariant = invariant::rfc2180_consistent, .violation = false, .client = client};
  finding.summary = situation + ": answered two ways in one run (RFC 2180 §4.1 strategies mixed)";
  finding.expected = first->second.behaviour + " every time, as " + first->second.client +
                     " was answered first";
  finding.observed = behaviour;
  finding.earlier_transcript = first->second.transcript;
  return finding;
}

}  // namespace referee::stress
