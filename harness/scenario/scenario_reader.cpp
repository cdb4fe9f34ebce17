#include "harness/scenario/scenario_reader.hpp"

#include <sstream>

#include "harness/scenario/duration.hpp"
#include "harness/scenario/reader_context.hpp"

namespace referee::scenario {
namespace detail {

void ReaderContext::error(pugi::xml_node node, std::string message) const {
  report(diagnostics, Severity::error, where(node), std::move(message));
}

void ReaderContext::error_at_attribute(pugi::xml_node node, const char* attribute,
                                       std::string message) const {
  report(diagnostics, Severity::error, file.location_of(node.attribute(attribute), node),
         std::move(message));
}

std::optional<std::string> ReaderContext::optional_text(pugi::xml_node node,
                                                        const char* attribute) const {
  const pugi::xml_attribute found = node.attribute(attribute);
  if (!found) return std::nullopt;
  return std::string(found.value());
}

std::optional<std::chrono::milliseconds> ReaderContext::timeout(pugi::xml_node node) const {
  const pugi::xml_attribute attribute = node.attribute("timeout");
  if (!attribute) return std::nullopt;
  const auto parsed = parse_duration(attribute.value());
  if (!parsed) {
    error_at_attribute(node, "timeout", "timeout \"" + std::string(attribute.value()) +
                                            "\": " + std::string(duration_syntax_help));
  }
  return parsed;
}

std::vector<pugi::xml_node> child_elements(pugi::xml_node node) {
  std::vector<pugi::xml_node> children;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element) children.push_back(child);
  }
  return children;
}

pugi::xml_node child_element(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node child : child_elements(node)) {
    if (local_name(child) == name) return child;
  }
  return {};
}

std::vector<std::string> split_words(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

Presence parse_presence(std::string_view text) {
  if (text == "may") return Presence::may;
  if (text == "must-not") return Presence::must_not;
  return Presence::must;
}

}  // namespace detail

namespace {

using detail::child_element;
using detail::child_elements;
using detail::ReaderContext;

LoginMethod parse_login(std::string_view text) {
  if (text == "authenticate") return LoginMethod::authenticate_plain;
  if (text == "none") return LoginMethod::none;
  return LoginMethod::login;
}

TlsChoice parse_tls(std::string_view text) {
  if (text == "none") return TlsChoice::none;
  if (text == "starttls") return TlsChoice::starttls;
  if (text == "implicit") return TlsChoice::implicit;
  return TlsChoice::profile;
}

RoleKind parse_role_kind(std::string_view text) {
  if (text == "server") return RoleKind::server;
  if (text == "user") return RoleKind::user;
  return RoleKind::mailbox;
}

GreetingPattern read_greeting(const ReaderContext& context, pugi::xml_node node) {
  GreetingPattern greeting;
  greeting.statuses = detail::split_words(node.attribute("status").value());
  if (const pugi::xml_node referral = child_element(node, "referral")) {
    greeting.referral = detail::read_referral(context, referral);
  }
  greeting.requirement = {node.attribute("requirement").value()};
  greeting.where = context.where(node);
  return greeting;
}

ClientSpec read_client(const ReaderContext& context, pugi::xml_node node) {
  ClientSpec client;
  client.id = node.attribute("id").value();
  client.server_role = node.attribute("server").value();
  client.user_role = context.optional_text(node, "user");
  client.login = parse_login(node.attribute("login").as_string("login"));
  client.tls = parse_tls(node.attribute("tls").as_string("profile"));
  client.group_count = local_name(node) == "group" ? node.attribute("count").as_uint() : 0;
  if (const pugi::xml_node greeting = child_element(node, "greeting")) {
    client.greeting = read_greeting(context, greeting);
  }
  client.where = context.where(node);
  return client;
}

void read_requires(const ReaderContext& context, pugi::xml_node node, Scenario& scenario) {
  for (pugi::xml_node child : child_elements(node)) {
    if (local_name(child) == "capability") {
      const bool after = std::string_view(child.attribute("when").as_string()) == "after-login";
      scenario.capabilities.push_back({child.attribute("name").value(),
                                       child.attribute("client").value(), after,
                                       context.where(child)});
    } else {
      scenario.roles.push_back({parse_role_kind(child.attribute("kind").value()),
                                child.attribute("name").value(), context.where(child)});
    }
  }
}

Setup read_setup(const ReaderContext& context, pugi::xml_node node) {
  Setup setup{node.attribute("client").value(), {}, context.where(node)};
  for (pugi::xml_node child : child_elements(node)) {
    if (local_name(child) == "subscribe") {
      setup.subscriptions.push_back({child.attribute("mailbox").value(), context.where(child)});
      continue;
    }
    setup.mailboxes.push_back({child.attribute("name").value(),
                               child.attribute("messages").as_uint(0), context.where(child)});
  }
  return setup;
}

void read_header(pugi::xml_node root, Scenario& scenario) {
  scenario.id = root.attribute("id").value();
  scenario.destructive = root.attribute("destructive").as_bool(false);
  scenario.title = child_element(root, "title").text().get();
  const pugi::xml_node rfc = child_element(root, "rfc");
  scenario.rfc = rfc.attribute("number").value();
  scenario.section = rfc.attribute("section").value();
  scenario.description = child_element(root, "description").text().get();
  for (pugi::xml_node child : child_elements(root)) {
    if (local_name(child) == "quote") {
      scenario.quotes.push_back(
          {child.attribute("rfc").value(), child.attribute("section").value(), child.text().get()});
    }
  }
}

}  // namespace

Scenario read_scenario(const XmlFile& file, Diagnostics& diagnostics) {
  const ReaderContext context{file, diagnostics};
  const pugi::xml_node root = file.root();
  Scenario scenario;
  scenario.where = {file.name(), 0, 0};
  read_header(root, scenario);
  read_requires(context, child_element(root, "requires"), scenario);
  for (pugi::xml_node client : child_elements(child_element(root, "clients"))) {
    scenario.clients.push_back(read_client(context, client));
  }
  if (const pugi::xml_node setup = child_element(root, "setup")) {
    scenario.setup = read_setup(context, setup);
  }
  scenario.steps = detail::read_steps(context, child_element(root, "steps"));
  return scenario;
}

}  // namespace referee::scenario
