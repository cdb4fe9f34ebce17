#pragma once
// Scenario variables and `${name}` substitution (docs/SCENARIO-LANGUAGE.md "Variables"):
// built-ins from the profile (${server.main.host}, ${user.local.password}, ${test.mailbox}...),
// values captured by earlier steps, and ${C1R.mailbox} after a followed referral.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "harness/engine/match/scenario_error.hpp"

namespace referee::engine {

class Variables {
 public:
  // Sets or replaces a value. Secret values (passwords) are redacted wherever they are sent.
  void set(std::string name, std::string value, bool secret = false);
  // nullptr when undefined.
  const std::string* find(std::string_view name) const;

  // Replaces every ${name}. An undefined name is a ScenarioError naming it; "${" without "}"
  // is one too. "$" not followed by "{" stays as it is.
  checked<std::string> substitute(std::string_view text) const;
  // The same, for RE2 patterns: substituted values are quoted so that a mailbox name such as
  // "a.b" matches itself and not "aXb".
  checked<std::string> substitute_in_regex(std::string_view text) const;

  // The values marked secret, longest first (so a password containing another is redacted whole).
  std::vector<std::string> secret_values() const;

 private:
  template <typename Transform>
  checked<std::string> substitute_with(std::string_view text, Transform transform) const;

  std::map<std::string, std::string, std::less<>> values_;
  std::set<std::string, std::less<>> secret_names_;
};

}  // namespace referee::engine
