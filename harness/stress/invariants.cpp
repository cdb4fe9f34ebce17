#include "harness/stress/invariants.hpp"

namespace referee::stress {

const std::vector<Invariant>& all_invariants() {
  static const std::vector<Invariant> all{
      invariant::no_expunge_during_fetch, invariant::exists_never_decreases,
      invariant::response_syntax,         invariant::bye_before_close,
      invariant::sequence_numbers,        invariant::appended_announced,
      invariant::flags_converge,          invariant::uid_ascending,
      invariant::uid_stable,              invariant::uid_never_reused,
      invariant::recent_one_session,      invariant::pending_expunge_to_copy,
      invariant::refused_copy_adds_nothing,
      invariant::answered_in_time,        invariant::no_bad_to_well_formed,
      invariant::rfc2180_consistent,
      invariant::only_expunged_fetch_no};
  return all;
}

std::optional<Invariant> find_invariant(std::string_view name) {
  for (const auto& candidate : all_invariants()) {
    if (candidate.name == name) return candidate;
  }
  return std::nullopt;
}

std::optional<Invariant> invariant_for_requirement(std::string_view requirement) {
  for (const auto& candidate : {invariant::no_expunge_during_fetch, invariant::exists_never_decreases,
                                invariant::response_syntax, invariant::bye_before_close}) {
    if (candidate.requirement == requirement) return candidate;
  }
  return std::nullopt;
}

}  // namespace referee::stress
