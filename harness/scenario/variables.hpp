#pragma once
// ${name} references in command text and expectation attributes (docs/SCENARIO-LANGUAGE.md,
// "Variables"). The loader checks every reference is defined; the engine substitutes them.
//
// A reference may name a mailbox *path* below a variable: ${test.mailbox/foo} or
// ${mailbox.remote-parent/${test.leaf}}. The components after the first '/' are joined to the
// variable's value with the hierarchy delimiter of the server that holds the mailbox, so no
// scenario ever writes a delimiter itself. Components may hold nested references.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace referee::scenario {

struct VariableReference {
  std::string name;          // between "${" and its matching "}" (may hold nested ${...})
  std::size_t offset = 0;    // of the '$'
  std::size_t length = 0;    // of the whole "${...}", braces included
  bool terminated = true;    // false: "${" without a matching '}'
};

// Every top-level "${...}" in `text`, in order; nested references stay inside `name`.
// A '$' not followed by '{' is plain text.
std::vector<VariableReference> find_variable_references(std::string_view text);

// "test.mailbox/a/${x}" -> base "test.mailbox", components {"a", "${x}"}.
struct VariablePath {
  std::string base;
  std::vector<std::string> components;
};
VariablePath split_variable_path(std::string_view name);

// Why `component` cannot be a path component ("" when it can): empty, not UTF-8, a leading or
// trailing space, or an ASCII character other than letters, digits, space and -_*%&#;?!+,=@~
// ('*' and '%' are LIST wildcards in a LIST pattern, plain characters in a mailbox name).
// Components are Unicode, written in UTF-8; the engine sends them in modified UTF-7
// (RFC 3501 §5.1.3). Nested references are checked on their own; this judges the literal
// text around them.
std::string path_component_problem(std::string_view component);

// True for the names the language defines: server.<role>.host|port|id,
// user.<role>.login|password, mailbox.<role>, test.mailbox, test.leaf. Roles themselves are
// checked against the profile when the scenario runs.
bool is_builtin_variable(std::string_view name);

// `text` with every ${...} replaced by `placeholder` (to compile an RE2 pattern holding
// variables before their values are known).
std::string replace_variables(std::string_view text, std::string_view placeholder);

}  // namespace referee::scenario
