#pragma once
// Which scenarios a run or list covers: --filter (id globs), --rfc and --level.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "harness/cli/id_filter.hpp"
#include "harness/scenario/model.hpp"
#include "harness/scenario/requirement.hpp"

namespace referee::cli {

// RFC 2119 level families: --level MUST selects MUST and MUST NOT requirements, and so on.
enum class LevelFamily { must, should, may };

struct Selection {
  IdFilter filter;
  std::vector<std::string> rfcs;        // "2193"; empty: every RFC
  std::vector<LevelFamily> levels;      // empty: every level
};

// "2193", "rfc2193", "RFC 2193" -> "2193"; nullopt when no RFC number is left.
std::optional<std::string> normalise_rfc(std::string_view text);
// "MUST", "must", "MUST-NOT", "SHOULD NOT", "MAY"; nullopt otherwise.
std::optional<LevelFamily> parse_level_family(std::string_view text);

// Every requirement id the scenario's checks name (greetings, expectations, referrals,
// follow-referral, expect-close, alternatives and their steps).
std::set<std::string> requirement_ids(const scenario::Scenario& scenario);

// The scenario's id matches the filter, its RFC is among `rfcs`, and one of its requirements
// belongs to one of the `levels` families.
bool is_selected(const scenario::Scenario& scenario, const scenario::RequirementCatalogue& catalogue,
                 const Selection& selection);

std::vector<scenario::Scenario> select_scenarios(const std::vector<scenario::Scenario>& scenarios,
                                                 const scenario::RequirementCatalogue& catalogue,
                                                 const Selection& selection);

}  // namespace referee::cli
