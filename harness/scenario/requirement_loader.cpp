#include "harness/scenario/requirement_loader.hpp"

#include <sstream>

#include "harness/scenario/level.hpp"
#include "harness/scenario/schema_validator.hpp"
#include "harness/scenario/xml_file.hpp"

namespace referee::scenario {
namespace {

std::string normalise_whitespace(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::string normalised;
  for (std::string word; in >> word;) {
    if (!normalised.empty()) normalised += ' ';
    normalised += word;
  }
  return normalised;
}

Requirement read_requirement(const XmlFile& file, pugi::xml_node node) {
  Requirement requirement;
  requirement.id = node.attribute("id").value();
  requirement.rfc = node.attribute("rfc").value();
  requirement.section = node.attribute("section").value();
  requirement.level = parse_level(node.attribute("level").value()).value_or(Level::must);
  requirement.text = normalise_whitespace(node.text().get());
  requirement.subject = std::string_view(node.attribute("subject").as_string("server")) == "client"
                            ? RequirementSubject::client
                            : RequirementSubject::server;
  std::istringstream faults(node.attribute("proved-by").value());
  for (std::string fault; faults >> fault;) requirement.proved_by.push_back(fault);
  requirement.untestable = normalise_whitespace(node.attribute("untestable").value());
  requirement.where = file.location_of(node);
  return requirement;
}

}  // namespace

LoadResult<RequirementCatalogue> load_requirements(const std::filesystem::path& path) {
  Diagnostics diagnostics;
  const XmlFile file(path, diagnostics);
  if (!file.ok()) return {std::nullopt, std::move(diagnostics)};
  diagnostics = validate_with_schema(file, SchemaKind::requirements);
  if (has_errors(diagnostics)) return {std::nullopt, std::move(diagnostics)};
  RequirementCatalogue catalogue;
  for (pugi::xml_node node : file.root().children()) {
    if (node.type() != pugi::node_element) continue;
    Requirement requirement = read_requirement(file, node);
    const std::string id = requirement.id;
    catalogue.emplace(id, std::move(requirement));  // ids are unique: the schema says so
  }
  return make_load_result(std::move(catalogue), std::move(diagnostics));
}

std::filesystem::path default_requirements_file() {
  return schema_directory().parent_path() / "requirements.xml";
}

}  // namespace referee::scenario
