#include "harness/engine/match/profile_roles.hpp"

#include <algorithm>

#include "harness/imap/value.hpp"

namespace referee::engine {
namespace {

bool has_role(const std::vector<std::string>& roles, std::string_view role) {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

template <typename Entry>
const Entry* find_by_role_or_id(const std::vector<Entry>& entries, std::string_view role_or_id) {
  for (const Entry& entry : entries) {
    if (has_role(entry.roles, role_or_id)) return &entry;
  }
  for (const Entry& entry : entries) {
    if (entry.id == role_or_id) return &entry;
  }
  return nullptr;
}

// "host", "host:port", "[v6]:port" or a bare IPv6 literal.
bool name_matches(std::string_view name, const imap::ImapUrl& url) {
  std::string_view host = name;
  std::optional<std::string_view> port;
  if (name.starts_with('[')) {
    std::size_t close = name.find(']');
    if (close == std::string_view::npos) return false;
    host = name.substr(1, close - 1);
    if (close + 1 < name.size() && name[close + 1] == ':') port = name.substr(close + 2);
  } else if (std::count(name.begin(), name.end(), ':') == 1) {
    std::size_t colon = name.find(':');
    host = name.substr(0, colon);
    port = name.substr(colon + 1);
  }
  if (!imap::iequals(host, url.host)) return false;
  return !port || *port == std::to_string(url.effective_port());
}

}  // namespace

const profile::Server* find_server(const profile::Profile& profile, std::string_view role_or_id) {
  return find_by_role_or_id(profile.servers, role_or_id);
}

const profile::User* find_user(const profile::Profile& profile, std::string_view role_or_id) {
  return find_by_role_or_id(profile.users, role_or_id);
}

const profile::Mailbox* find_mailbox(const profile::Profile& profile, std::string_view role) {
  for (const auto& mailbox : profile.mailboxes) {
    if (has_role(mailbox.roles, role)) return &mailbox;
  }
  return nullptr;
}

const profile::User* find_user_by_login(const profile::Profile& profile, std::string_view login) {
  for (const auto& user : profile.users) {
    if (user.login == login) return &user;
  }
  return nullptr;
}

const profile::Server* server_for_url(const profile::Profile& profile, const imap::ImapUrl& url) {
  for (const auto& server : profile.servers) {
    if (imap::iequals(server.host, url.host) && server.port == url.effective_port()) {
      return &server;
    }
  }
  for (const auto& server : profile.servers) {
    for (const auto& name : server.referral_names) {
      if (name_matches(name, url)) return &server;
    }
  }
  return nullptr;
}

Variables builtin_variables(const profile::Profile& profile) {
  Variables variables;
  // The first entry playing a role wins, as in find_server / find_user.
  auto set_once = [&variables](std::string name, std::string value, bool secret = false) {
    if (variables.find(name) == nullptr) variables.set(std::move(name), std::move(value), secret);
  };
  for (const auto& server : profile.servers) {
    std::vector<std::string> names = server.roles;
    names.push_back(server.id);
    for (const auto& name : names) {
      set_once("server." + name + ".host", server.host);
      set_once("server." + name + ".port", server.port ? std::to_string(*server.port) : "");
      set_once("server." + name + ".id", server.id);
    }
  }
  for (const auto& user : profile.users) {
    std::vector<std::string> names = user.roles;
    names.push_back(user.id);
    for (const auto& name : names) {
      set_once("user." + name + ".login", user.login);
      set_once("user." + name + ".password", user.password, /*secret=*/true);
    }
  }
  for (const auto& mailbox : profile.mailboxes) {
    for (const auto& role : mailbox.roles) set_once("mailbox." + role, mailbox.name);
  }
  return variables;
}

}  // namespace referee::engine
