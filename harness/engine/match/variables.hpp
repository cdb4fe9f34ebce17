#pragma once
// Scenario variables and `${name}` substitution (docs/SCENARIO-LANGUAGE.md "Variables"):
// built-ins from the profile (${server.main.host}, ${user.local.password}, ${test.mailbox}...),
// values captured by earlier steps, and ${C1R.mailbox} after a followed referral.
// ${name/a/b} is the mailbox below ${name}: its value, then each component, joined with the
// hierarchy delimiter recorded for `name` (the delimiter of the server holding that mailbox).
// Mailbox values are names as the server writes them (modified UTF-7, RFC 3501 §5.1.3); the
// components a scenario writes are Unicode (UTF-8) and are encoded when joined, so
// ${test.mailbox/Entwürfe} is ".../Entw&APw-rfe" wherever it is substituted.

#include <map>
#include <optional>
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
  // The hierarchy delimiter that ${name/child} joins with. `none` (NIL: a flat namespace)
  // makes every child reference an error.
  void set_delimiter(std::string name, std::optional<char> delimiter);
  // `name` cannot be defined in this run, for `why`: using it is an error that says so.
  void set_unavailable(std::string name, std::string why);

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
  std::map<std::string, std::optional<char>, std::less<>> delimiters_;
  std::map<std::string, std::string, std::less<>> unavailable_;  // name -> why

  checked<std::string> resolve(std::string_view reference) const;
  checked<std::string> component_on_wire(std::string_view component) const;
};

}  // namespace referee::engine
