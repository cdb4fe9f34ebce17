#include "harness/cli/list_command.hpp"

#include <set>

#include <fmt/format.h>

#include "harness/cli/catalogue_loading.hpp"
#include "harness/cli/exit_code.hpp"
#include "harness/engine/match/outcome.hpp"

namespace referee::cli {
namespace {

// "MUST, SHOULD NOT": the levels of the requirements the scenario checks, strongest first.
std::string levels_checked(const scenario::Scenario& scenario,
                           const scenario::RequirementCatalogue& catalogue) {
  std::set<scenario::Level> levels;
  for (const auto& id : requirement_ids(scenario)) {
    if (auto found = catalogue.find(id); found != catalogue.end()) levels.insert(found->second.level);
  }
  std::string text;
  for (auto level : levels) text += (text.empty() ? "" : ", ") + std::string(engine::to_string(level));
  return text;
}

}  // namespace

int list_command(const ListSettings& settings, std::ostream& out, std::ostream& err) {
  auto catalogue = load_catalogue(settings.catalogue, err, settings.verbosity != Verbosity::quiet);
  if (!catalogue) return as_int(ExitCode::usage_error);
  for (const auto& scenario :
       select_scenarios(catalogue->scenarios, catalogue->requirements, settings.selection)) {
    out << scenario.id;
    if (settings.verbosity == Verbosity::verbose) {
      out << fmt::format("  RFC {} §{}: {} [{}]{}", scenario.rfc, scenario.section, scenario.title,
                         levels_checked(scenario, catalogue->requirements),
                         scenario.destructive ? " (destructive)" : "");
    }
    out << '\n';
  }
  return as_int(ExitCode::conformant);
}

}  // namespace referee::cli
