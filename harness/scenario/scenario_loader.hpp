#pragma once
// Loading scenario files: well-formed XML (pugixml), valid against scenario-1.xsd (libxml2),
// then the semantic checks of scenario_checks.hpp. Every problem is a Diagnostic naming
// file:line:column; warnings accompany a loaded scenario, errors replace it.
//
//   auto catalogue = load_requirements(default_requirements_file());
//   auto loaded = load_scenario("scenarios/rfc2193/select.xml", *catalogue.value);
//   for (const auto& d : loaded.diagnostics) std::cerr << format_diagnostic(d) << '\n';
//   if (loaded) run(*loaded.value);
#include <filesystem>
#include <string>
#include <vector>

#include "harness/scenario/diagnostic.hpp"
#include "harness/scenario/model.hpp"
#include "harness/scenario/requirement.hpp"

namespace referee::scenario {

LoadResult<Scenario> load_scenario(const std::filesystem::path& path,
                                   const RequirementCatalogue& catalogue);

// The same for a document already in memory; `name` stands for the file in diagnostics.
LoadResult<Scenario> load_scenario_text(std::string name, std::string text,
                                        const RequirementCatalogue& catalogue);

struct ScenarioSet {
  std::vector<Scenario> scenarios;   // the files that loaded, sorted by id
  Diagnostics diagnostics;           // of every file, in path order
  bool ok() const { return !has_errors(diagnostics); }
};

// Every *.xml below `directory` (recursively) whose root element is not a catalogue
// (<requirements>) or a profile (<profile>). Two files with the same scenario id are an error.
ScenarioSet load_scenario_directory(const std::filesystem::path& directory,
                                    const RequirementCatalogue& catalogue);

}  // namespace referee::scenario
