#include "harness/cli/catalogue_loading.hpp"

#include "harness/profile/profile_loader.hpp"
#include "harness/scenario/requirement_loader.hpp"
#include "harness/scenario/scenario_loader.hpp"

namespace referee::cli {

void print_diagnostics(const scenario::Diagnostics& diagnostics, std::ostream& err,
                       bool show_warnings) {
  for (const auto& diagnostic : diagnostics) {
    if (diagnostic.severity == scenario::Severity::warning && !show_warnings) continue;
    err << scenario::format_diagnostic(diagnostic) << '\n';
  }
}

std::optional<LoadedCatalogue> load_catalogue(const CatalogueFiles& files, std::ostream& err,
                                              bool show_warnings) {
  auto requirements = scenario::load_requirements(files.requirements_file);
  print_diagnostics(requirements.diagnostics, err, show_warnings);
  if (!requirements) return std::nullopt;
  auto set = scenario::load_scenario_directory(files.scenarios_dir, *requirements.value);
  print_diagnostics(set.diagnostics, err, show_warnings);
  if (!set.ok()) return std::nullopt;
  return LoadedCatalogue{std::move(*requirements.value), std::move(set.scenarios)};
}

std::optional<profile::Profile> load_target(const std::filesystem::path& file,
                                            const ProfileVariables& variables, std::ostream& err,
                                            bool show_warnings) {
  profile::ProfileLoadOptions options;
  options.fallback_variables = variables;
  auto loaded = profile::load_profile(file, options);
  print_diagnostics(loaded.diagnostics, err, show_warnings);
  if (!loaded) return std::nullopt;
  return std::move(*loaded.value);
}

}  // namespace referee::cli
