#pragma once
// Scenario selection by id glob, as test runners do it (gtest_filter semantics):
//
//   POSITIVE[:POSITIVE...][:-NEGATIVE[:NEGATIVE...]]
//
// An id is selected when it matches a positive pattern (none given: "*") and no negative
// one. '*' matches any run of characters, '/' included; '?' one character. Ids contain '-'
// ("select-remote-mailbox"), so unlike gtest a '-' starts the negative part only at the
// beginning of the filter or right after a ':'; every pattern after it is negative.
//
//   "rfc2193/*:-*/rename*"     RFC 2193 scenarios except the RENAME ones
//   "-rfc2180/*"               everything but RFC 2180

#include <string>
#include <string_view>
#include <vector>

namespace referee::cli {

// True when `text` matches `pattern` as a whole.
bool glob_match(std::string_view pattern, std::string_view text);

class IdFilter {
 public:
  IdFilter() = default;  // selects everything
  explicit IdFilter(std::string_view filter);

  bool selects(std::string_view id) const;

  const std::vector<std::string>& positive() const { return positive_; }
  const std::vector<std::string>& negative() const { return negative_; }

 private:
  std::vector<std::string> positive_;
  std::vector<std::string> negative_;
};

}  // namespace referee::cli
