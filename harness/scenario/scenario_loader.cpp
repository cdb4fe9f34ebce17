#include "harness/scenario/scenario_loader.hpp"

#include <algorithm>
#include <map>
#include <system_error>

#include "harness/scenario/scenario_checks.hpp"
#include "harness/scenario/scenario_reader.hpp"
#include "harness/scenario/schema_validator.hpp"
#include "harness/scenario/xml_file.hpp"

namespace referee::scenario {
namespace {

void sort_by_position(Diagnostics& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
}

LoadResult<Scenario> load_from(const XmlFile& file, Diagnostics diagnostics,
                               const RequirementCatalogue& catalogue) {
  if (!file.ok()) return {std::nullopt, std::move(diagnostics)};
  Diagnostics schema_problems = validate_with_schema(file, SchemaKind::scenario);
  diagnostics.insert(diagnostics.end(), schema_problems.begin(), schema_problems.end());
  if (has_errors(diagnostics)) return {std::nullopt, std::move(diagnostics)};
  Scenario scenario = read_scenario(file, diagnostics);
  check_scenario(scenario, catalogue, diagnostics);
  sort_by_position(diagnostics);
  return make_load_result(std::move(scenario), std::move(diagnostics));
}

std::vector<std::filesystem::path> xml_files_below(const std::filesystem::path& directory,
                                                   Diagnostics& diagnostics) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  std::filesystem::recursive_directory_iterator it(directory, error), end;
  if (error) {
    diagnostics.push_back({Severity::error, directory.string(), 0, 0,
                           "cannot read the directory: " + error.message()});
    return files;
  }
  for (; it != end; it.increment(error)) {
    if (error) break;
    if (it->is_regular_file() && it->path().extension() == ".xml") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool is_other_document(const XmlFile& file) {
  if (!file.ok()) return false;
  const std::string_view root = local_name(file.root());
  return root == "requirements" || root == "profile";
}

}  // namespace

LoadResult<Scenario> load_scenario(const std::filesystem::path& path,
                                   const RequirementCatalogue& catalogue) {
  Diagnostics diagnostics;
  const XmlFile file(path, diagnostics);
  return load_from(file, std::move(diagnostics), catalogue);
}

LoadResult<Scenario> load_scenario_text(std::string name, std::string text,
                                        const RequirementCatalogue& catalogue) {
  Diagnostics diagnostics;
  const XmlFile file(std::move(name), std::move(text), diagnostics);
  return load_from(file, std::move(diagnostics), catalogue);
}

ScenarioSet load_scenario_directory(const std::filesystem::path& directory,
                                    const RequirementCatalogue& catalogue) {
  ScenarioSet set;
  std::map<std::string, std::string> file_of_id;
  for (const std::filesystem::path& path : xml_files_below(directory, set.diagnostics)) {
    Diagnostics diagnostics;
    const XmlFile file(path, diagnostics);
    if (is_other_document(file)) continue;
    LoadResult<Scenario> loaded = load_from(file, std::move(diagnostics), catalogue);
    set.diagnostics.insert(set.diagnostics.end(), loaded.diagnostics.begin(),
                           loaded.diagnostics.end());
    if (!loaded) continue;
    const auto [first, inserted] = file_of_id.emplace(loaded.value->id, path.string());
    if (!inserted) {
      report(set.diagnostics, Severity::error, file.location_of(file.root()),
             "duplicate scenario id \"" + loaded.value->id + "\" (also in " + first->second + ")");
      continue;
    }
    set.scenarios.push_back(std::move(*loaded.value));
  }
  std::sort(set.scenarios.begin(), set.scenarios.end(),
            [](const Scenario& a, const Scenario& b) { return a.id < b.id; });
  return set;
}

}  // namespace referee::scenario
