#pragma once
// Validation against the XSDs in scenarios/schema/ with libxml2 (pugixml does not validate).
// libxml2 knows lines but not our file names, and reports nodes rather than columns: each
// problem is mapped back onto the pugixml tree of the same file to name file:line:column.
#include <filesystem>
#include <string_view>

#include "harness/scenario/diagnostic.hpp"
#include "harness/scenario/xml_file.hpp"

namespace referee::scenario {

enum class SchemaKind { scenario, profile, requirements };

// The directory holding the XSDs: $REFEREE_SCHEMA_DIR when set, else the source tree's
// scenarios/schema (compiled in).
std::filesystem::path schema_directory();

std::filesystem::path schema_file(SchemaKind kind);     // scenario-1.xsd, ...
std::string_view schema_namespace(SchemaKind kind);     // urn:referee:scenario:1, ...
std::string_view schema_root_element(SchemaKind kind);  // scenario, profile, requirements

// Every way `file` breaks the schema (empty: valid). `file` must be well-formed (file.ok()).
// Compiled schemas are cached; concurrent calls from several threads are safe.
Diagnostics validate_with_schema(const XmlFile& file, SchemaKind kind);

}  // namespace referee::scenario
