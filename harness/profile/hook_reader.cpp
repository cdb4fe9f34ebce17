#include "harness/profile/hook_reader.hpp"

#include "harness/scenario/duration.hpp"
#include "harness/scenario/variables.hpp"

namespace referee::profile::detail {
namespace {

using scenario::Severity;

std::optional<std::string> variable_value(const HookContext& context, std::string_view name) {
  if (name == "PROFILE_DIR") return context.profile_directory.string();
  if (auto value = context.options.environment(name)) return value;
  const auto fallback = context.options.fallback_variables.find(name);
  if (fallback != context.options.fallback_variables.end()) return fallback->second;
  return std::nullopt;
}

// Replaces every ${NAME}; an undefined or unterminated one is an error at `node`.
std::string expand(const HookContext& context, pugi::xml_node node, std::string_view text,
                   std::string_view what) {
  std::string expanded;
  std::size_t copied = 0;
  for (const scenario::VariableReference& reference : scenario::find_variable_references(text)) {
    expanded.append(text.substr(copied, reference.offset - copied));
    copied = reference.offset + reference.length;
    const auto value = reference.terminated ? variable_value(context, reference.name) : std::nullopt;
    if (!value) {
      const std::string problem = reference.terminated
                                      ? "undefined variable ${" + reference.name + "}"
                                      : std::string("unterminated \"${\"");
      report(context.diagnostics, Severity::error, context.file.location_of(node),
             problem + " in " + std::string(what) + " (set it in the environment)");
      return std::string(text);
    }
    expanded.append(*value);
  }
  if (copied < text.size()) expanded.append(text.substr(copied));
  return expanded;
}

std::string absolute(const HookContext& context, const std::string& path) {
  const std::filesystem::path given(path);
  if (given.is_absolute()) return given.lexically_normal().string();
  return (context.profile_directory / given).lexically_normal().string();
}

bool looks_relative_path(std::string_view argument) {
  return argument.starts_with("./") || argument.starts_with("../");
}

std::chrono::milliseconds duration_attribute(const HookContext& context, pugi::xml_node node,
                                             const char* name, std::chrono::milliseconds fallback) {
  const pugi::xml_attribute attribute = node.attribute(name);
  if (!attribute) return fallback;
  if (const auto parsed = scenario::parse_duration(attribute.value())) return *parsed;
  report(context.diagnostics, Severity::error, context.file.location_of(attribute, node),
         std::string(name) + " \"" + attribute.value() + "\": " +
             std::string(scenario::duration_syntax_help));
  return fallback;
}

void read_command(const HookContext& context, pugi::xml_node node, std::string_view kind,
                  Hook& hook) {
  const std::string where = std::string(kind) + " hook";
  if (const pugi::xml_attribute command = node.attribute("command")) {
    hook.command = expand(context, node, command.value(), where + " command");
    if (hook.command.find('/') != std::string::npos) hook.command = absolute(context, hook.command);
  }
  const std::string directory =
      expand(context, node, node.attribute("working-dir").value(), where + " working-dir");
  hook.working_dir = absolute(context, directory);
  for (pugi::xml_node child : node.children()) {
    const std::string_view name = scenario::local_name(child);
    if (name == "arg") {
      std::string argument = expand(context, child, child.text().get(), where + " argument");
      hook.args.push_back(looks_relative_path(argument) ? absolute(context, argument) : argument);
    } else if (name == "env") {
      hook.env[child.attribute("name").value()] =
          expand(context, child, child.attribute("value").value(), where + " environment");
    }
  }
}

void read_readiness(const HookContext& context, pugi::xml_node node, Hook& hook) {
  if (const pugi::xml_attribute line = node.attribute("ready-line")) hook.ready_line = line.value();
  const bool on_connect = node.attribute("ready-on-connect").as_bool(!hook.ready_line);
  if (on_connect && hook.ready_line) {
    report(context.diagnostics, Severity::error, context.file.location_of(node),
           "launch hook: give either ready-line or ready-on-connect=\"true\", not both");
  }
  hook.ready_on_connect = on_connect && !hook.ready_line;
}

}  // namespace

Hook read_hook(const HookContext& context, pugi::xml_node node, std::string_view kind) {
  Hook hook;
  hook.where = context.file.location_of(node);
  read_command(context, node, kind, hook);
  hook.deadline = duration_attribute(context, node, "deadline", hook.deadline);
  if (kind == "launch") read_readiness(context, node, hook);
  if (kind == "stop") hook.stop_grace = duration_attribute(context, node, "grace", hook.stop_grace);
  return hook;
}

}  // namespace referee::profile::detail
