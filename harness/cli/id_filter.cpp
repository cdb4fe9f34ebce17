#include "harness/cli/id_filter.hpp"

#include <algorithm>

namespace referee::cli {

// Iterative matching with one backtrack point (the last '*'): linear in practice, and no
// recursion a hostile pattern could blow up.
bool glob_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0;
  std::size_t star = std::string_view::npos, star_text = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_text = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++star_text;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

IdFilter::IdFilter(std::string_view filter) {
  bool negative = false;
  while (true) {
    auto colon = filter.find(':');
    auto pattern = filter.substr(0, colon);
    if (pattern.starts_with('-')) {
      negative = true;
      pattern.remove_prefix(1);
    }
    if (!pattern.empty()) (negative ? negative_ : positive_).emplace_back(pattern);
    if (colon == std::string_view::npos) break;
    filter.remove_prefix(colon + 1);
  }
}

bool IdFilter::selects(std::string_view id) const {
  auto matches = [id](const std::string& pattern) { return glob_match(pattern, id); };
  bool wanted = positive_.empty() || std::any_of(positive_.begin(), positive_.end(), matches);
  return wanted && std::none_of(negative_.begin(), negative_.end(), matches);
}

}  // namespace referee::cli
