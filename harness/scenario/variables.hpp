#pragma once
// ${name} references in command text and expectation attributes (docs/SCENARIO-LANGUAGE.md,
// "Variables"). The loader checks every reference is defined; the engine substitutes them.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace referee::scenario {

struct VariableReference {
  std::string name;          // between "${" and "}"
  std::size_t offset = 0;    // of the '$'
  bool terminated = true;    // false: "${" without a closing '}'
};

// Every "${...}" in `text`, in order. A '$' not followed by '{' is plain text.
std::vector<VariableReference> find_variable_references(std::string_view text);

// True for the names the language defines: server.<role>.host|port|id,
// user.<role>.login|password, mailbox.<role>, test.mailbox. Roles themselves are checked
// against the profile when the scenario runs.
bool is_builtin_variable(std::string_view name);

// `text` with every ${...} replaced by `placeholder` (to compile an RE2 pattern holding
// variables before their values are known).
std::string replace_variables(std::string_view text, std::string_view placeholder);

}  // namespace referee::scenario
