#include "harness/scenario/xml_file.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace referee::scenario {
namespace {

std::vector<std::size_t> line_starts_of(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

// pugixml keeps whitespace-only text (parse_ws_pcdata) because a <literal> or the text between
// two literals of a <send> may be nothing but spaces; readers skip it where content is elements.
constexpr unsigned parse_options = pugi::parse_default | pugi::parse_ws_pcdata;

}  // namespace

XmlFile::XmlFile(const std::filesystem::path& path, Diagnostics& diagnostics)
    : name_(path.string()) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.push_back({Severity::error, name_, 0, 0, "cannot read the file"});
    return;
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  text_ = std::move(contents).str();
  parse(diagnostics);
}

XmlFile::XmlFile(std::string name, std::string text, Diagnostics& diagnostics)
    : name_(std::move(name)), text_(std::move(text)) {
  parse(diagnostics);
}

void XmlFile::parse(Diagnostics& diagnostics) {
  line_starts_ = line_starts_of(text_);
  buffer_ = text_;
  const pugi::xml_parse_result result =
      document_.load_buffer_inplace(buffer_.data(), buffer_.size(), parse_options);
  if (!result) {
    const SourceLocation where = location_of_offset(result.offset);
    diagnostics.push_back({Severity::error, name_, where.line, where.column,
                           std::string("malformed XML: ") + result.description()});
    return;
  }
  parsed_ = true;
}

SourceLocation XmlFile::location_of_offset(std::ptrdiff_t offset) const {
  if (offset < 0) return {name_, 0, 0};
  const auto position = static_cast<std::size_t>(offset);
  const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), position);
  const auto line = static_cast<unsigned>(after - line_starts_.begin());
  const auto column = static_cast<unsigned>(position - *(after - 1) + 1);
  return {name_, line, column};
}

SourceLocation XmlFile::location_of(pugi::xml_node node) const {
  // pugixml's offset is that of the element's name; people count from its '<'.
  std::ptrdiff_t offset = node.offset_debug();
  if (node.type() == pugi::node_element && offset > 0 &&
      static_cast<std::size_t>(offset) <= text_.size() && text_[offset - 1] == '<') {
    --offset;
  }
  return location_of_offset(offset);
}

SourceLocation XmlFile::location_of(pugi::xml_attribute attribute, pugi::xml_node owner) const {
  const char* name = attribute.name();
  const char* begin = buffer_.data();
  if (attribute && name >= begin && name < begin + buffer_.size()) {
    return location_of_offset(name - begin);
  }
  return location_of(owner);
}

pugi::xml_node XmlFile::element_at(const std::vector<std::size_t>& child_indexes) const {
  pugi::xml_node node = root();
  for (const std::size_t wanted : child_indexes) {
    std::size_t index = 0;
    pugi::xml_node child = node.first_child();
    for (; child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      if (index++ == wanted) break;
    }
    if (!child) return {};
    node = child;
  }
  return node;
}

std::string_view local_name(pugi::xml_node node) {
  const std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string namespace_of(pugi::xml_node node) {
  const std::string_view name = node.name();
  const auto colon = name.find(':');
  const std::string attribute =
      colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
  for (pugi::xml_node n = node; n; n = n.parent()) {
    if (pugi::xml_attribute declared = n.attribute(attribute.c_str())) return declared.value();
  }
  return {};
}

}  // namespace referee::scenario
