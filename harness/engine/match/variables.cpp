#include "harness/engine/match/variables.hpp"

#include <algorithm>
#include <utility>

#include <re2/re2.h>

#include "harness/imap/mailbox_name.hpp"
#include "harness/scenario/variables.hpp"

namespace referee::engine {

void Variables::set(std::string name, std::string value, bool secret) {
  if (secret) {
    secret_names_.insert(name);
  } else {
    secret_names_.erase(name);
  }
  values_[std::move(name)] = std::move(value);
}

const std::string* Variables::find(std::string_view name) const {
  auto found = values_.find(name);
  return found == values_.end() ? nullptr : &found->second;
}

void Variables::set_delimiter(std::string name, std::optional<char> delimiter) {
  delimiters_[std::move(name)] = delimiter;
}

void Variables::set_unavailable(std::string name, std::string why) {
  unavailable_[std::move(name)] = std::move(why);
}

// One reference's value: "test.mailbox/foo" is ${test.mailbox}, the delimiter, then "foo";
// components may hold references of their own.
checked<std::string> Variables::resolve(std::string_view reference) const {
  const scenario::VariablePath path = scenario::split_variable_path(reference);
  const std::string* value = find(path.base);
  if (value == nullptr) {
    auto why = unavailable_.find(path.base);
    if (why != unavailable_.end()) return ScenarioError{"${" + path.base + "}: " + why->second};
    return ScenarioError{"undefined variable ${" + path.base + "}"};
  }
  if (path.components.empty()) return success(*value);
  auto delimiter = delimiters_.find(path.base);
  if (delimiter == delimiters_.end() || !delimiter->second) {
    return ScenarioError{"${" + std::string(reference) + "}: no hierarchy delimiter is known for ${" +
                         path.base + "}" +
                         (delimiter == delimiters_.end() ? "" : " (the server's namespace is flat)")};
  }
  std::string joined = *value;
  for (const std::string& component : path.components) {
    auto part = component_on_wire(component);
    if (!part) return part;
    joined += *delimiter->second;
    joined += *part;
  }
  return success(std::move(joined));
}

// A path component as the server names it. Its literal text is Unicode (UTF-8 in the
// scenario) and nested references hold names in the server's form: both are joined as
// Unicode, then encoded once in modified UTF-7 (RFC 3501 §5.1.3), so "Tom & Jerry" is sent
// as "Tom &- Jerry" and "Entwürfe" as "Entw&APw-rfe".
checked<std::string> Variables::component_on_wire(std::string_view component) const {
  std::string unicode;
  std::size_t copied = 0;
  for (const scenario::VariableReference& reference : scenario::find_variable_references(component)) {
    if (!reference.terminated) {
      return ScenarioError{"unterminated \"${\" in \"" + std::string(component) + "\""};
    }
    auto value = resolve(reference.name);
    if (!value) return value;
    unicode.append(component.substr(copied, reference.offset - copied));
    unicode.append(imap::unicode_mailbox_name(*value));
    copied = reference.offset + reference.length;
  }
  unicode.append(component.substr(std::min(copied, component.size())));
  return success(imap::encode_mailbox_name(unicode));
}

template <typename Transform>
checked<std::string> Variables::substitute_with(std::string_view text, Transform transform) const {
  std::string out;
  std::size_t copied = 0;
  for (const scenario::VariableReference& reference : scenario::find_variable_references(text)) {
    if (!reference.terminated) {
      return ScenarioError{"unterminated \"${\" in \"" + std::string(text) + "\""};
    }
    auto value = resolve(reference.name);
    if (!value) return value;
    out.append(text.substr(copied, reference.offset - copied));
    out.append(transform(*value));
    copied = reference.offset + reference.length;
  }
  out.append(text.substr(std::min(copied, text.size())));
  return success(std::move(out));
}

checked<std::string> Variables::substitute(std::string_view text) const {
  return substitute_with(text, [](const std::string& value) { return value; });
}

checked<std::string> Variables::substitute_in_regex(std::string_view text) const {
  return substitute_with(text, [](const std::string& value) { return RE2::QuoteMeta(value); });
}

std::vector<std::string> Variables::secret_values() const {
  std::vector<std::string> secrets;
  for (const auto& name : secret_names_) {
    const std::string* value = find(name);
    if (value == nullptr) continue;
    bool known = std::find(secrets.begin(), secrets.end(), *value) != secrets.end();
    if (!value->empty() && !known) secrets.push_back(*value);
  }
  std::sort(secrets.begin(), secrets.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return secrets;
}

}  // namespace referee::engine
