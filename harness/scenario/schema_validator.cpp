#include "harness/scenario/schema_validator.hpp"

#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

namespace referee::scenario {
namespace {

struct SchemaDeleter {
  void operator()(xmlSchema* schema) const { xmlSchemaFree(schema); }
};
struct DocumentDeleter {
  void operator()(xmlDoc* document) const { xmlFreeDoc(document); }
};
struct ValidationContextDeleter {
  void operator()(xmlSchemaValidCtxt* context) const { xmlSchemaFreeValidCtxt(context); }
};
using SchemaPointer = std::shared_ptr<xmlSchema>;

// libxml2 delivers errors through callbacks; this collects them with the file they concern.
struct ErrorCollector {
  const XmlFile* file = nullptr;
  std::string file_name;            // the schema's, while compiling it
  Diagnostics diagnostics;
};

std::string clean_message(const char* raw) {
  std::string message = raw == nullptr ? "schema violation" : raw;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  // "{urn:referee:scenario:1}command" reads better as "command".
  for (std::size_t open; (open = message.find("{urn:referee:")) != std::string::npos;) {
    const std::size_t close = message.find('}', open);
    if (close == std::string::npos) break;
    message.erase(open, close - open + 1);
  }
  return message;
}

// The n-th-element-child path from the root to `element`.
std::vector<std::size_t> element_path(xmlNode* element) {
  std::vector<std::size_t> path;
  for (xmlNode* node = element; node && node->parent && node->parent->type == XML_ELEMENT_NODE;
       node = node->parent) {
    std::size_t index = 0;
    for (xmlNode* sibling = node->prev; sibling; sibling = sibling->prev) {
      if (sibling->type == XML_ELEMENT_NODE) ++index;
    }
    path.insert(path.begin(), index);
  }
  return path;
}

// libxml2 reports attribute problems on the element, naming the attribute in the message:
// "Element 'command', attribute 'timeout': ...".
std::string attribute_named_in(const char* message) {
  const std::string_view text = message == nullptr ? "" : message;
  const std::string_view marker = "attribute '";
  const std::size_t start = text.find(marker);
  if (start == std::string_view::npos) return {};
  const std::size_t end = text.find('\'', start + marker.size());
  if (end == std::string_view::npos) return {};
  return std::string(text.substr(start + marker.size(), end - start - marker.size()));
}

SourceLocation locate(const XmlFile& file, const xmlError& error) {
  auto* node = static_cast<xmlNode*>(error.node);
  if (node != nullptr && (node->type == XML_ELEMENT_NODE || node->type == XML_ATTRIBUTE_NODE)) {
    xmlNode* element = node->type == XML_ATTRIBUTE_NODE ? node->parent : node;
    if (const pugi::xml_node found = file.element_at(element_path(element))) {
      const std::string attribute = node->type == XML_ATTRIBUTE_NODE
                                        ? reinterpret_cast<const char*>(node->name)
                                        : attribute_named_in(error.message);
      if (attribute.empty()) return file.location_of(found);
      return file.location_of(found.attribute(attribute.c_str()), found);
    }
  }
  return {file.name(), static_cast<unsigned>(error.line),
          static_cast<unsigned>(error.int2 > 0 ? error.int2 : 1)};
}

void collect_error(void* user, xmlErrorPtr error) {
  auto* collector = static_cast<ErrorCollector*>(user);
  if (error == nullptr || error->level == XML_ERR_NONE) return;
  const Severity severity = error->level == XML_ERR_WARNING ? Severity::warning : Severity::error;
  SourceLocation where{collector->file_name, static_cast<unsigned>(error->line), 1};
  if (collector->file != nullptr) where = locate(*collector->file, *error);
  report(collector->diagnostics, severity, where, clean_message(error->message));
}

// Installs `collector` as libxml2's error sink for the current thread (libxml2 keeps the
// handler per thread) and restores the silent default afterwards.
class ScopedErrorHandler {
 public:
  explicit ScopedErrorHandler(ErrorCollector& collector) {
    xmlSetStructuredErrorFunc(&collector, collect_error);
  }
  ~ScopedErrorHandler() { xmlSetStructuredErrorFunc(nullptr, nullptr); }
  ScopedErrorHandler(const ScopedErrorHandler&) = delete;
  ScopedErrorHandler& operator=(const ScopedErrorHandler&) = delete;
};

SchemaPointer compile_schema(const std::filesystem::path& path, Diagnostics& diagnostics) {
  ErrorCollector collector;
  collector.file_name = path.string();
  ScopedErrorHandler handler(collector);
  xmlSchemaParserCtxt* parser = xmlSchemaNewParserCtxt(path.c_str());
  xmlSchemaSetParserStructuredErrors(parser, collect_error, &collector);
  SchemaPointer schema(xmlSchemaParse(parser), SchemaDeleter{});
  xmlSchemaFreeParserCtxt(parser);
  if (!schema) {
    report(collector.diagnostics, Severity::error, {path.string(), 0, 0},
           "cannot load the schema (set REFEREE_SCHEMA_DIR to the directory holding it)");
  }
  diagnostics.insert(diagnostics.end(), collector.diagnostics.begin(),
                     collector.diagnostics.end());
  return schema;
}

// A compiled schema may be shared by validation contexts of several threads (libxml2 docs).
SchemaPointer cached_schema(const std::filesystem::path& path, Diagnostics& diagnostics) {
  static std::mutex mutex;
  static std::map<std::filesystem::path, SchemaPointer> cache;
  const std::lock_guard lock(mutex);
  if (const auto found = cache.find(path); found != cache.end()) return found->second;
  SchemaPointer schema = compile_schema(path, diagnostics);
  if (schema) cache.emplace(path, schema);
  return schema;
}

void validate_document(const XmlFile& file, xmlSchema* schema, ErrorCollector& collector) {
  const int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES;
  std::unique_ptr<xmlDoc, DocumentDeleter> document(
      xmlReadMemory(file.text().data(), static_cast<int>(file.text().size()),
                    file.name().c_str(), nullptr, options));
  if (!document) return;  // the parse errors are already collected
  std::unique_ptr<xmlSchemaValidCtxt, ValidationContextDeleter> context(
      xmlSchemaNewValidCtxt(schema));
  xmlSchemaSetValidStructuredErrors(context.get(), collect_error, &collector);
  xmlSchemaValidateDoc(context.get(), document.get());
}

}  // namespace

std::filesystem::path schema_directory() {
  if (const char* configured = std::getenv("REFEREE_SCHEMA_DIR"); configured && *configured) {
    return configured;
  }
  return REFEREE_SCHEMA_DIR;
}

std::filesystem::path schema_file(SchemaKind kind) {
  switch (kind) {
    case SchemaKind::scenario: return schema_directory() / "scenario-1.xsd";
    case SchemaKind::profile: return schema_directory() / "profile-1.xsd";
    case SchemaKind::requirements: return schema_directory() / "requirements-1.xsd";
  }
  return {};
}

std::string_view schema_namespace(SchemaKind kind) {
  switch (kind) {
    case SchemaKind::scenario: return "urn:referee:scenario:1";
    case SchemaKind::profile: return "urn:referee:profile:1";
    case SchemaKind::requirements: return "urn:referee:requirements:1";
  }
  return {};
}

std::string_view schema_root_element(SchemaKind kind) {
  switch (kind) {
    case SchemaKind::scenario: return "scenario";
    case SchemaKind::profile: return "profile";
    case SchemaKind::requirements: return "requirements";
  }
  return {};
}

Diagnostics validate_with_schema(const XmlFile& file, SchemaKind kind) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { xmlInitParser(); });
  Diagnostics diagnostics;
  const pugi::xml_node root = file.root();
  if (local_name(root) != schema_root_element(kind) || namespace_of(root) != schema_namespace(kind)) {
    report(diagnostics, Severity::error, file.location_of(root),
           "the root element must be <" + std::string(schema_root_element(kind)) + " xmlns=\"" +
               std::string(schema_namespace(kind)) + "\">");
    return diagnostics;
  }
  const SchemaPointer schema = cached_schema(schema_file(kind), diagnostics);
  if (!schema) return diagnostics;
  ErrorCollector collector;
  collector.file = &file;
  collector.file_name = file.name();
  {
    ScopedErrorHandler handler(collector);
    validate_document(file, schema.get(), collector);
  }
  diagnostics.insert(diagnostics.end(), collector.diagnostics.begin(),
                     collector.diagnostics.end());
  return diagnostics;
}

}  // namespace referee::scenario
