#pragma once
// Names of test mailboxes that every server accepts (docs/PROFILE.md "Test mailboxes"):
//
//   ${test.mailbox} = <prefix><delimiter><run id>-<scenario slug>[-r<N>]
//   e.g. "INBOX.referee-test.20261203T0203-7412-rfc2180-4-1-fetch-expunged-messages"
//
// Generated parts use letters, digits and '-' only: servers refuse '.' (Dovecot's Maildir),
// use it as their delimiter (Maildir++), or limit name lengths. The prefix is the profile's
// (per server, then global) or the personal namespace prefix + "referee-test".

#include <optional>
#include <string>
#include <string_view>

#include "harness/engine/result.hpp"
#include "harness/profile/model.hpp"

namespace referee::engine {

// The longest scenario slug kept whole; longer ones are cut and get a hash suffix.
inline constexpr std::size_t max_slug_length = 48;

// "rfc2180/4.1/fetch-expunged-messages" -> "rfc2180-4-1-fetch-expunged-messages": lower case,
// every run of other characters one '-', at most max_slug_length characters (unique: a cut
// slug ends with a hash of the whole id).
std::string scenario_slug(std::string_view scenario_id);

// ${test.leaf}: one mailbox name component, unique per run, scenario and repetition.
std::string test_leaf(std::string_view run_id, std::string_view scenario_id, unsigned repetition);

// The parent of every test mailbox on `server`, as on the wire.
std::string test_prefix(const profile::Profile& profile, std::string_view server_id,
                        const ServerNamespace& space);

// `parent` and `child` joined by the delimiter; with a flat namespace (NIL), by '-'.
std::string join_mailbox(std::string_view parent, std::optional<char> delimiter,
                         std::string_view child);

// The user role that creates and deletes test mailboxes on `server_id` (profile
// <test-mailboxes><server creator>), if the profile names one.
std::optional<std::string> test_creator_role(const profile::Profile& profile,
                                             std::string_view server_id);

}  // namespace referee::engine
