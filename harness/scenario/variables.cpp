#include "harness/scenario/variables.hpp"

namespace referee::scenario {
namespace {

std::vector<std::string_view> split_on_dots(std::string_view name) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t dot; (dot = name.find('.', start)) != std::string_view::npos; start = dot + 1) {
    parts.push_back(name.substr(start, dot - start));
  }
  parts.push_back(name.substr(start));
  return parts;
}

bool one_of(std::string_view value, std::initializer_list<std::string_view> allowed) {
  for (const std::string_view candidate : allowed) {
    if (value == candidate) return true;
  }
  return false;
}

}  // namespace

std::vector<VariableReference> find_variable_references(std::string_view text) {
  std::vector<VariableReference> references;
  for (std::size_t dollar = text.find("${"); dollar != std::string_view::npos;
       dollar = text.find("${", dollar + 2)) {
    const std::size_t close = text.find('}', dollar + 2);
    if (close == std::string_view::npos) {
      references.push_back({std::string(text.substr(dollar + 2)), dollar, false});
      break;
    }
    references.push_back({std::string(text.substr(dollar + 2, close - dollar - 2)), dollar, true});
  }
  return references;
}

bool is_builtin_variable(std::string_view name) {
  const std::vector<std::string_view> parts = split_on_dots(name);
  for (const std::string_view part : parts) {
    if (part.empty()) return false;
  }
  if (parts.size() == 2 && parts[0] == "test") return parts[1] == "mailbox";
  if (parts.size() == 2 && parts[0] == "mailbox") return true;
  if (parts.size() != 3) return false;
  if (parts[0] == "server") return one_of(parts[2], {"host", "port", "id"});
  if (parts[0] == "user") return one_of(parts[2], {"login", "password"});
  return false;
}

std::string replace_variables(std::string_view text, std::string_view placeholder) {
  std::string result;
  std::size_t copied = 0;
  for (const VariableReference& reference : find_variable_references(text)) {
    result.append(text.substr(copied, reference.offset - copied));
    result.append(placeholder);
    copied = reference.terminated ? reference.offset + reference.name.size() + 3 : text.size();
  }
  if (copied < text.size()) result.append(text.substr(copied));
  return result;
}

}  // namespace referee::scenario
