#pragma once
// Loads the requirements catalogue (scenarios/requirements.xml, requirements-1.xsd).
#include <filesystem>

#include "harness/scenario/diagnostic.hpp"
#include "harness/scenario/requirement.hpp"

namespace referee::scenario {

// The sentence text is whitespace-normalised (runs of blanks and line breaks become one space).
LoadResult<RequirementCatalogue> load_requirements(const std::filesystem::path& path);

// The catalogue of the source tree: <source>/scenarios/requirements.xml, <source> being the
// parent of the schema directory.
std::filesystem::path default_requirements_file();

}  // namespace referee::scenario
