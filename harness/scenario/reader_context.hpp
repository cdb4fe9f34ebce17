#pragma once
// Internal to the scenario reader: what reading one file needs at hand. The document has
// passed the XSD, so required attributes exist and enumerations hold allowed values; what the
// schema cannot say is reported here.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "harness/scenario/diagnostic.hpp"
#include "harness/scenario/model.hpp"
#include "harness/scenario/xml_file.hpp"

namespace referee::scenario::detail {

struct ReaderContext {
  const XmlFile& file;
  Diagnostics& diagnostics;

  SourceLocation where(pugi::xml_node node) const { return file.location_of(node); }
  void error(pugi::xml_node node, std::string message) const;
  void error_at_attribute(pugi::xml_node node, const char* attribute, std::string message) const;
  // nullopt when the attribute is absent; its value otherwise.
  std::optional<std::string> optional_text(pugi::xml_node node, const char* attribute) const;
  std::optional<std::chrono::milliseconds> timeout(pugi::xml_node node) const;
};

// Element children only (the whitespace text parse_ws_pcdata keeps is skipped).
std::vector<pugi::xml_node> child_elements(pugi::xml_node node);
// The first child element with this local name (documents may use a namespace prefix).
pugi::xml_node child_element(pugi::xml_node node, std::string_view name);

std::vector<std::string> split_words(std::string_view text);
Presence parse_presence(std::string_view text);

ReferralPattern read_referral(const ReaderContext& context, pugi::xml_node node);
std::vector<Step> read_steps(const ReaderContext& context, pugi::xml_node parent);

}  // namespace referee::scenario::detail
