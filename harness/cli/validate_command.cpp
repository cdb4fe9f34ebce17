#include "harness/cli/validate_command.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <vector>

#include "harness/cli/catalogue_loading.hpp"
#include "harness/cli/exit_code.hpp"
#include "harness/profile/profile_loader.hpp"
#include "harness/scenario/requirement_loader.hpp"
#include "harness/scenario/scenario_loader.hpp"
#include "harness/scenario/xml_file.hpp"

namespace referee::cli {
namespace {

// The root element's local name; diagnostics when the file does not parse.
std::optional<std::string> root_element(const std::filesystem::path& file,
                                        scenario::Diagnostics& diagnostics) {
  scenario::XmlFile xml(file, diagnostics);
  if (!xml.ok()) return std::nullopt;
  return std::string(scenario::local_name(xml.root()));
}

// Scenarios are checked against the catalogue; it is loaded (and its problems reported) once.
class CatalogueForScenarios {
 public:
  explicit CatalogueForScenarios(std::filesystem::path file) : file_(std::move(file)) {}

  const scenario::RequirementCatalogue* get(scenario::Diagnostics& diagnostics) {
    if (!loaded_) {
      loaded_ = scenario::load_requirements(file_);
      diagnostics.insert(diagnostics.end(), loaded_->diagnostics.begin(), loaded_->diagnostics.end());
    }
    return loaded_->value ? &*loaded_->value : nullptr;
  }

 private:
  std::filesystem::path file_;
  std::optional<scenario::LoadResult<scenario::RequirementCatalogue>> loaded_;
};

scenario::Diagnostics validate_file(const std::filesystem::path& file, CatalogueForScenarios& catalogue,
                                    const profile::ProfileLoadOptions& profile_options) {
  scenario::Diagnostics diagnostics;
  auto root = root_element(file, diagnostics);
  if (!root) return diagnostics;
  scenario::Diagnostics found;
  if (*root == "profile") {
    found = profile::load_profile(file, profile_options).diagnostics;
  } else if (*root == "requirements") {
    found = scenario::load_requirements(file).diagnostics;
  } else if (const auto* requirements = catalogue.get(diagnostics)) {
    found = scenario::load_scenario(file, *requirements).diagnostics;
  }
  diagnostics.insert(diagnostics.end(), found.begin(), found.end());
  return diagnostics;
}

// A directory stands for every *.xml file below it, in path order.
std::vector<std::filesystem::path> expand_directories(const std::vector<std::filesystem::path>& given) {
  std::vector<std::filesystem::path> files;
  for (const auto& path : given) {
    if (!std::filesystem::is_directory(path)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path))
      if (entry.is_regular_file() && entry.path().extension() == ".xml") found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace

int validate_command(const ValidateSettings& settings, std::ostream& out, std::ostream& err) {
  CatalogueForScenarios catalogue(settings.requirements_file);
  profile::ProfileLoadOptions profile_options;
  profile_options.fallback_variables = settings.profile_variables;
  bool any_error = false;
  for (const auto& file : expand_directories(settings.files)) {
    auto diagnostics = validate_file(file, catalogue, profile_options);
    print_diagnostics(diagnostics, err, /*show_warnings=*/true);
    bool errors = scenario::has_errors(diagnostics);
    any_error = any_error || errors;
    out << file.string() << (errors ? ": invalid\n" : ": ok\n");
  }
  return as_int(any_error ? ExitCode::usage_error : ExitCode::conformant);
}

}  // namespace referee::cli
