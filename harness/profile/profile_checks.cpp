// Cross-reference checks of a profile (docs/PROFILE.md, "Checks made when loading").
#include <algorithm>
#include <map>
#include <set>

#include "harness/profile/profile_checks.hpp"
#include "harness/profile/profile_loader.hpp"

namespace referee::profile {
namespace {

using scenario::Severity;

void error(Diagnostics& diagnostics, const SourceLocation& where, std::string message) {
  report(diagnostics, Severity::error, where, std::move(message));
}

// One role, one holder per kind: scenarios ask "which server is `other`?" and need one answer.
template <class Entry, class NameOf>
void check_roles(const std::vector<Entry>& entries, std::string_view kind, NameOf name_of,
                 Diagnostics& diagnostics) {
  std::map<std::string, std::string, std::less<>> holder_of;
  for (const Entry& entry : entries) {
    for (const std::string& role : entry.roles) {
      const auto [holder, inserted] = holder_of.emplace(role, name_of(entry));
      if (!inserted) {
        error(diagnostics, entry.where, std::string(kind) + " role \"" + role + "\" is given to both \"" +
                                            holder->second + "\" and \"" + name_of(entry) + "\"");
      }
    }
  }
}

template <class Entry>
void check_unique_ids(const std::vector<Entry>& entries, std::string_view kind,
                      Diagnostics& diagnostics) {
  std::set<std::string, std::less<>> seen;
  for (const Entry& entry : entries) {
    if (!seen.insert(entry.id).second) {
      error(diagnostics, entry.where, "duplicate " + std::string(kind) + " id \"" + entry.id + "\"");
    }
  }
}

void check_references(const Profile& profile, Diagnostics& diagnostics) {
  for (const User& user : profile.users) {
    if (server_with_id(profile, user.home_server) == nullptr) {
      error(diagnostics, user.where, "user \"" + user.id + "\": home server \"" + user.home_server +
                                         "\" is not a server of this profile");
    }
  }
  for (const Mailbox& mailbox : profile.mailboxes) {
    if (server_with_id(profile, mailbox.server) == nullptr) {
      error(diagnostics, mailbox.where, "mailbox \"" + mailbox.name + "\": server \"" +
                                            mailbox.server + "\" is not a server of this profile");
    }
  }
  std::set<std::string, std::less<>> configured;
  for (const TestMailboxServer& test : profile.test_servers) {
    if (server_with_id(profile, test.server) == nullptr) {
      error(diagnostics, test.where, "<test-mailboxes><server id=\"" + test.server +
                                         "\">: not a server of this profile");
    }
    if (!configured.insert(test.server).second) {
      error(diagnostics, test.where, "<test-mailboxes> names server \"" + test.server + "\" twice");
    }
    if (test.creator_role && user_with_role(profile, *test.creator_role) == nullptr) {
      error(diagnostics, test.where, "<test-mailboxes><server creator=\"" + *test.creator_role +
                                         "\">: no user of this profile has that role");
    }
  }
}

// A delimiter without the personal namespace (or the reverse) would be half stated and half
// discovered; Referee takes both from the profile or asks for both.
void check_stated_namespaces(const Profile& profile, Diagnostics& diagnostics) {
  for (const Server& server : profile.servers) {
    if (server.delimiter.has_value() == server.personal_namespace.has_value()) continue;
    error(diagnostics, server.where, "server \"" + server.id +
                                         "\": give delimiter and personal-namespace together, or neither");
  }
}

// "How ports announced on a launch hook's ready line fill in servers without a port."
void check_ports(const Profile& profile, Diagnostics& diagnostics) {
  const bool announced = profile.launch && profile.launch->ready_line;
  for (const Server& server : profile.servers) {
    if (server.port || announced) continue;
    error(diagnostics, server.where,
          "server \"" + server.id + "\" has no port and no launch hook announces one "
          "(add port=\"...\" or <launch ready-line=\"READY\" ...>)");
  }
}

// RFC 5092 §3: enc-user = 1*achar; achar = uchar / "&" / "="; uchar = unreserved /
// sub-delims-sh / pct-encoded; sub-delims-sh = "!" / "$" / "'" / "(" / ")" / "*" / "+" / ",".
bool allowed_unencoded_in_url_user(char c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("-._~!$'()*+,&=").find(c) != std::string_view::npos;
}

// The user playing `homed-elsewhere-reserved-login` is there to see whether the login
// referral percent-encodes its name (RFC 5092 §3.2: " " (space), ";"...): with a login that
// needs no encoding, rfc2221/3/referral-url-user-encoded could never fail.
void check_reserved_login(const Profile& profile, Diagnostics& diagnostics) {
  const User* user = user_with_role(profile, "homed-elsewhere-reserved-login");
  if (user == nullptr) return;
  const auto& login = user->login;
  if (std::any_of(login.begin(), login.end(), [](char c) { return !allowed_unencoded_in_url_user(c); })) return;
  error(diagnostics, user->where,
        "user \"" + user->id + "\" plays homed-elsewhere-reserved-login, but its login \"" + login +
            "\" holds no character a URL must percent-encode (RFC 5092 §3.2: a space, \";\", \"@\"...)");
}

}  // namespace

void check_profile(const Profile& profile, scenario::Diagnostics& diagnostics) {
  check_unique_ids(profile.servers, "server", diagnostics);
  check_unique_ids(profile.users, "user", diagnostics);
  check_roles(profile.servers, "server", [](const Server& s) { return s.id; }, diagnostics);
  check_roles(profile.users, "user", [](const User& u) { return u.id; }, diagnostics);
  check_roles(profile.mailboxes, "mailbox", [](const Mailbox& m) { return m.name; }, diagnostics);
  check_references(profile, diagnostics);
  check_ports(profile, diagnostics);
  check_stated_namespaces(profile, diagnostics);
  check_reserved_login(profile, diagnostics);
}

}  // namespace referee::profile
