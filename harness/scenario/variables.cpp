#include "harness/scenario/variables.hpp"

#include "harness/imap/mailbox_name.hpp"

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

// The offset just past the '}' matching the "${" at `dollar`; npos when unterminated.
std::size_t reference_end(std::string_view text, std::size_t dollar) {
  int depth = 0;
  for (std::size_t i = dollar; i < text.size(); ++i) {
    if (text.compare(i, 2, "${") == 0) {
      ++depth;
      ++i;
    } else if (text[i] == '}' && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// ASCII a component may hold. Not '/' (it separates components), '.' (a delimiter on many
// servers), '"' and backslash (mailbox names are sent quoted), '$', '{' and '}' (references),
// control characters. Bytes >= 0x80 are UTF-8, checked separately.
bool is_component_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("-_*%&#;?!+,=@~ ").find(c) != std::string_view::npos ||
         static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

std::vector<VariableReference> find_variable_references(std::string_view text) {
  std::vector<VariableReference> references;
  for (std::size_t dollar = text.find("${"); dollar != std::string_view::npos;) {
    const std::size_t end = reference_end(text, dollar);
    if (end == std::string_view::npos) {
      references.push_back({std::string(text.substr(dollar + 2)), dollar, text.size() - dollar, false});
      break;
    }
    references.push_back(
        {std::string(text.substr(dollar + 2, end - dollar - 3)), dollar, end - dollar, true});
    dollar = text.find("${", end);
  }
  return references;
}

VariablePath split_variable_path(std::string_view name) {
  VariablePath path;
  std::size_t start = 0;
  std::size_t depth = 0;
  bool in_base = true;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i < name.size() && name.compare(i, 2, "${") == 0) ++depth;
    if (i < name.size() && name[i] == '}' && depth > 0) --depth;
    if (i < name.size() && (name[i] != '/' || depth > 0)) continue;
    std::string part(name.substr(start, i - start));
    if (in_base) {
      path.base = std::move(part);
      in_base = false;
    } else {
      path.components.push_back(std::move(part));
    }
    start = i + 1;
  }
  return path;
}

std::string path_component_problem(std::string_view component) {
  if (component.empty()) return "an empty path component";
  std::string literal = replace_variables(component, "");
  for (char c : literal) {
    if (!is_component_character(c)) {
      return std::string("the character '") + c +
             "' in a path component (letters, digits, non-ASCII characters, space and "
             "-_*%&#;?!+,=@~ only: the server's delimiter is put between components)";
    }
  }
  if (!imap::is_valid_utf8(literal)) return "a path component that is not UTF-8";
  if (!literal.empty() && (literal.front() == ' ' || literal.back() == ' ')) {
    return "a path component that starts or ends with a space (servers may trim it)";
  }
  return "";
}

bool is_builtin_variable(std::string_view name) {
  const std::vector<std::string_view> parts = split_on_dots(name);
  for (const std::string_view part : parts) {
    if (part.empty()) return false;
  }
  if (parts.size() == 2 && parts[0] == "test") return one_of(parts[1], {"mailbox", "leaf"});
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
    copied = reference.offset + reference.length;
  }
  if (copied < text.size()) result.append(text.substr(copied));
  return result;
}

}  // namespace referee::scenario
