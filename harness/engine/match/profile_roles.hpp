#pragma once
// Scenarios name roles, the profile says who plays them (docs/SCENARIO-LANGUAGE.md
// "Portability"). These look-ups resolve a role, or an id, to the profile's entry.

#include <optional>
#include <string>
#include <string_view>

#include "harness/engine/match/variables.hpp"
#include "harness/imap/imap_url.hpp"
#include "harness/profile/model.hpp"

namespace referee::engine {

// The server, user or mailbox playing `role_or_id` (roles first, then ids); nullptr if none.
const profile::Server* find_server(const profile::Profile& profile, std::string_view role_or_id);
const profile::User* find_user(const profile::Profile& profile, std::string_view role_or_id);
const profile::Mailbox* find_mailbox(const profile::Profile& profile, std::string_view role);
// The user whose login name is `login` (IMAP user names compare exactly).
const profile::User* find_user_by_login(const profile::Profile& profile, std::string_view login);

// The profile server a referral URL's host and port belong to: the server's own host:port,
// or one of its referral_names ("host" alone accepts any port: the vendor declared that name
// as this server). Host names compare case-insensitively. nullptr: not in the profile, and
// then never contacted (RFC 2221 §6, DECISIONS.md "Safety").
const profile::Server* server_for_url(const profile::Profile& profile, const imap::ImapUrl& url);

// The built-in variables from the profile: server.<role>.host|port|id,
// user.<role>.login|password (secret), mailbox.<role> for every role and id in the profile.
// test.mailbox and test.leaf come from the scenario's TestMailboxPlan.
Variables builtin_variables(const profile::Profile& profile);

}  // namespace referee::engine
