#pragma once
// Loading what a command works on, printing every diagnostic as file:line:column. A file
// with errors means "nothing runs": the caller exits 2.

#include <optional>
#include <ostream>
#include <vector>

#include "harness/cli/options.hpp"
#include "harness/profile/model.hpp"
#include "harness/scenario/diagnostic.hpp"
#include "harness/scenario/model.hpp"
#include "harness/scenario/requirement.hpp"

namespace referee::cli {

struct LoadedCatalogue {
  scenario::RequirementCatalogue requirements;
  std::vector<scenario::Scenario> scenarios;   // sorted by id
};

// Prints errors always, warnings unless `show_warnings` is false.
void print_diagnostics(const scenario::Diagnostics& diagnostics, std::ostream& err,
                       bool show_warnings);

std::optional<LoadedCatalogue> load_catalogue(const CatalogueFiles& files, std::ostream& err,
                                              bool show_warnings);

std::optional<profile::Profile> load_target(const std::filesystem::path& file,
                                            const ProfileVariables& variables, std::ostream& err,
                                            bool show_warnings);

}  // namespace referee::cli
