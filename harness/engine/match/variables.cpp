#include "harness/engine/match/variables.hpp"

#include <algorithm>
#include <utility>

#include <re2/re2.h>

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

template <typename Transform>
checked<std::string> Variables::substitute_with(std::string_view text, Transform transform) const {
  std::string out;
  std::size_t position = 0;
  while (position < text.size()) {
    std::size_t start = text.find("${", position);
    if (start == std::string_view::npos) break;
    std::size_t end = text.find('}', start + 2);
    if (end == std::string_view::npos) {
      return ScenarioError{"unterminated \"${\" in \"" + std::string(text) + "\""};
    }
    std::string_view name = text.substr(start + 2, end - start - 2);
    const std::string* value = find(name);
    if (value == nullptr) {
      return ScenarioError{"undefined variable ${" + std::string(name) + "}"};
    }
    out.append(text.substr(position, start - position));
    out.append(transform(*value));
    position = end + 1;
  }
  out.append(text.substr(std::min(position, text.size())));
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
