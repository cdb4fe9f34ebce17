#include "harness/profile/profile_loader.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <sstream>

#include "harness/profile/hook_reader.hpp"
#include "harness/profile/profile_checks.hpp"
#include "harness/scenario/schema_validator.hpp"
#include "harness/scenario/xml_file.hpp"

namespace referee::profile {
namespace {

using scenario::local_name;
using scenario::Severity;
using scenario::XmlFile;

struct ReadContext {
  const XmlFile& file;
  Diagnostics& diagnostics;
  const ProfileLoadOptions& options;

  void error(const SourceLocation& where, std::string message) const {
    report(diagnostics, Severity::error, where, std::move(message));
  }
};

std::vector<pugi::xml_node> children_named(pugi::xml_node node, std::string_view name) {
  std::vector<pugi::xml_node> found;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element && local_name(child) == name) found.push_back(child);
  }
  return found;
}

pugi::xml_node child_named(pugi::xml_node node, std::string_view name) {
  const auto found = children_named(node, name);
  return found.empty() ? pugi::xml_node{} : found.front();
}

std::vector<std::string> words_of(const char* text) {
  std::istringstream in{std::string(text)};
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

Tls parse_tls(std::string_view text) {
  if (text == "starttls") return Tls::starttls;
  if (text == "implicit") return Tls::implicit;
  return Tls::none;
}

Server read_server(const ReadContext& context, pugi::xml_node node) {
  Server server;
  server.id = node.attribute("id").value();
  server.roles = words_of(node.attribute("roles").value());
  server.host = node.attribute("host").value();
  if (const pugi::xml_attribute port = node.attribute("port")) {
    server.port = static_cast<std::uint16_t>(port.as_uint());
  }
  server.tls = parse_tls(node.attribute("tls").as_string("none"));
  if (const pugi::xml_attribute delimiter = node.attribute("delimiter")) {
    const std::string_view text = delimiter.value();
    server.delimiter = text == "NIL" ? std::optional<char>() : std::optional<char>(text[0]);
  }
  if (const pugi::xml_attribute personal = node.attribute("personal-namespace")) {
    server.personal_namespace = personal.value();
  }
  for (pugi::xml_node name : children_named(node, "referral-name")) {
    server.referral_names.emplace_back(name.text().get());
  }
  server.where = context.file.location_of(node);
  return server;
}

// "Password by environment variable: a variable that is not set is an error naming it."
void read_password(const ReadContext& context, pugi::xml_node node, User& user) {
  const pugi::xml_attribute inline_password = node.attribute("password");
  const pugi::xml_attribute variable = node.attribute("password-env");
  if (bool(inline_password) == bool(variable)) {
    context.error(user.where, "user \"" + user.id +
                                  "\" needs exactly one of password and password-env");
    return;
  }
  if (inline_password) {
    user.password = inline_password.value();
    return;
  }
  user.password_env = variable.value();
  if (auto value = context.options.environment(user.password_env)) {
    user.password = std::move(*value);
  } else {
    context.error(context.file.location_of(variable, node),
                  "user \"" + user.id + "\": the environment variable " + user.password_env +
                      " holding the password is not set");
  }
}

User read_user(const ReadContext& context, pugi::xml_node node) {
  User user;
  user.id = node.attribute("id").value();
  user.roles = words_of(node.attribute("roles").value());
  user.login = node.attribute("login").value();
  user.home_server = node.attribute("home").value();
  user.where = context.file.location_of(node);
  read_password(context, node, user);
  return user;
}

Mailbox read_mailbox(const ReadContext& context, pugi::xml_node node) {
  return {node.attribute("name").value(), words_of(node.attribute("roles").value()),
          node.attribute("server").value(), context.file.location_of(node)};
}

TestMailboxServer read_test_server(const ReadContext& context, pugi::xml_node node) {
  TestMailboxServer server{.server = node.attribute("id").value(), .where = context.file.location_of(node)};
  if (const pugi::xml_attribute prefix = node.attribute("prefix")) server.prefix = prefix.value();
  if (const pugi::xml_attribute creator = node.attribute("creator")) server.creator_role = creator.value();
  return server;
}

void read_hooks(const ReadContext& context, pugi::xml_node hooks, Profile& profile) {
  if (!hooks) return;
  const std::filesystem::path directory =
      std::filesystem::absolute(std::filesystem::path(context.file.name())).parent_path();
  const detail::HookContext hook_context{context.file, context.diagnostics, directory,
                                         context.options};
  if (auto node = child_named(hooks, "launch")) profile.launch = detail::read_hook(hook_context, node, "launch");
  if (auto node = child_named(hooks, "reset")) profile.reset = detail::read_hook(hook_context, node, "reset");
  if (auto node = child_named(hooks, "stop")) profile.stop = detail::read_hook(hook_context, node, "stop");
  // The launch hook carries the grace period too: whoever stops the launched process reads it there.
  if (profile.launch && profile.stop) profile.launch->stop_grace = profile.stop->stop_grace;
}

Profile read_profile(const ReadContext& context) {
  const pugi::xml_node root = context.file.root();
  Profile profile;
  profile.name = root.attribute("name").value();
  profile.file = context.file.name();
  for (auto node : children_named(child_named(root, "servers"), "server")) {
    profile.servers.push_back(read_server(context, node));
  }
  for (auto node : children_named(child_named(root, "users"), "user")) {
    profile.users.push_back(read_user(context, node));
  }
  for (auto node : children_named(child_named(root, "mailboxes"), "mailbox")) {
    profile.mailboxes.push_back(read_mailbox(context, node));
  }
  if (const pugi::xml_node test = child_named(root, "test-mailboxes")) {
    if (const pugi::xml_attribute prefix = test.attribute("prefix")) profile.test_prefix = prefix.value();
    profile.destructive_allowed = test.attribute("destructive").as_bool(false);
    for (auto node : children_named(test, "server")) {
      profile.test_servers.push_back(read_test_server(context, node));
    }
  }
  read_hooks(context, child_named(root, "hooks"), profile);
  return profile;
}

}  // namespace

EnvironmentLookup process_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

std::map<std::string, std::string, std::less<>> ProfileLoadOptions::built_in_variables() {
  return {{"REFEREE_SOURCE_DIR", REFEREE_DEFAULT_SOURCE_DIR},
          {"REFEREE_BINARY_DIR", REFEREE_DEFAULT_BINARY_DIR}};
}

namespace {

LoadResult<Profile> load_profile_file(const XmlFile& file, Diagnostics diagnostics,
                                      const ProfileLoadOptions& options) {
  if (!file.ok()) return {std::nullopt, std::move(diagnostics)};
  diagnostics = scenario::validate_with_schema(file, scenario::SchemaKind::profile);
  if (has_errors(diagnostics)) return {std::nullopt, std::move(diagnostics)};
  Profile profile = read_profile({file, diagnostics, options});
  check_profile(profile, diagnostics);
  return scenario::make_load_result(std::move(profile), std::move(diagnostics));
}

}  // namespace

LoadResult<Profile> load_profile(const std::filesystem::path& path,
                                 const ProfileLoadOptions& options) {
  Diagnostics diagnostics;
  const XmlFile file(path, diagnostics);
  return load_profile_file(file, std::move(diagnostics), options);
}

LoadResult<Profile> load_profile_text(std::string name, std::string text,
                                      const ProfileLoadOptions& options) {
  Diagnostics diagnostics;
  const XmlFile file(std::move(name), std::move(text), diagnostics);
  return load_profile_file(file, std::move(diagnostics), options);
}

template <class Entry>
const Entry* with_role(const std::vector<Entry>& entries, std::string_view role) {
  const auto found = std::find_if(entries.begin(), entries.end(), [&](const Entry& entry) {
    return std::find(entry.roles.begin(), entry.roles.end(), role) != entry.roles.end();
  });
  return found == entries.end() ? nullptr : &*found;
}

const Server* server_with_role(const Profile& profile, std::string_view role) {
  return with_role(profile.servers, role);
}

const User* user_with_role(const Profile& profile, std::string_view role) {
  return with_role(profile.users, role);
}

const Mailbox* mailbox_with_role(const Profile& profile, std::string_view role) {
  return with_role(profile.mailboxes, role);
}

const Server* server_with_id(const Profile& profile, std::string_view id) {
  const auto found = std::find_if(profile.servers.begin(), profile.servers.end(),
                                  [&](const Server& server) { return server.id == id; });
  return found == profile.servers.end() ? nullptr : &*found;
}

}  // namespace referee::profile
