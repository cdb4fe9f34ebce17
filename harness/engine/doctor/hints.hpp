#pragma once
// The one-line hints `referee doctor` prints under a check that is not ok, and that
// `referee run` gives for the same failure (a fatal_error, or the reason of an *error*): each
// names the profile file:line or the server and user, and what to change (docs/DOCTOR.md).

#include <string>
#include <string_view>

#include "harness/profile/model.hpp"

namespace referee::engine {

// "fixtures/targets/reference.xml:14", or the file alone when the line is unknown.
std::string profile_location(const profile::SourceLocation& where);

// The server gave no greeting (connection refused, timeout, TLS handshake failed...).
std::string unreachable_hint(const profile::Server& server, std::string_view failure);

// The server greets with BYE although it plays no `retired` role.
std::string bye_greeting_hint(const profile::Server& server, std::string_view greeting);

// LOGIN on `server` answered NO/BAD, or not at all.
std::string login_refused_hint(const profile::User& user, const profile::Server& server,
                               std::string_view answer);

// LOGIN on the user's own home server answered with a referral elsewhere.
std::string home_referred_hint(const profile::User& user, const profile::Server& server,
                               std::string_view answer);

// Neither NAMESPACE nor LIST "" "" told the delimiter and personal namespace.
std::string namespace_hint(const profile::Server& server, std::string_view problem);

// A profile mailbox role that its server does not have.
std::string missing_mailbox_hint(const profile::Mailbox& mailbox, std::string_view answer);

// The test-mailbox creator may not CREATE (or DELETE) below the test prefix.
std::string test_mailbox_hint(const profile::Profile& profile, const profile::Server& server,
                              const profile::User& creator, std::string_view what);

}  // namespace referee::engine
