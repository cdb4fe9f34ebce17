#pragma once
// One XML file parsed with pugixml, remembering where every element and attribute was written.
// pugixml reports byte offsets (offset_debug); messages need line:column, so the file keeps a
// table of line starts. The document is parsed in place so that attribute names still point
// into the buffer and can be located too.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "harness/scenario/diagnostic.hpp"

namespace referee::scenario {

class XmlFile {
 public:
  // Reads and parses `path`. Problems (unreadable file, malformed XML) land in `diagnostics`;
  // ok() tells whether a document is available.
  XmlFile(const std::filesystem::path& path, Diagnostics& diagnostics);
  // Parses `text` as if read from `name` (tests, and files already in memory).
  XmlFile(std::string name, std::string text, Diagnostics& diagnostics);

  XmlFile(const XmlFile&) = delete;
  XmlFile& operator=(const XmlFile&) = delete;

  bool ok() const { return parsed_; }
  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }  // the file as read, unmodified
  pugi::xml_node root() const { return document_.document_element(); }

  SourceLocation location_of_offset(std::ptrdiff_t offset) const;
  SourceLocation location_of(pugi::xml_node node) const;
  // The attribute's name; falls back to its element when the attribute is not in the buffer.
  SourceLocation location_of(pugi::xml_attribute attribute, pugi::xml_node owner) const;
  // The element reached from the root by taking, at each level, the n-th child element
  // (libxml2 reports nodes, not offsets: both parsers build the same element tree).
  // An empty node when the path leads nowhere.
  pugi::xml_node element_at(const std::vector<std::size_t>& child_indexes) const;

 private:
  void parse(Diagnostics& diagnostics);

  std::string name_;
  std::string text_;
  std::string buffer_;                // parsed in place by pugixml
  std::vector<std::size_t> line_starts_;
  pugi::xml_document document_;
  bool parsed_ = false;
};

// The element name without its namespace prefix ("s:command" -> "command").
std::string_view local_name(pugi::xml_node node);

// The namespace URI an element is in, resolved through xmlns declarations of its ancestors.
std::string namespace_of(pugi::xml_node node);

}  // namespace referee::scenario
