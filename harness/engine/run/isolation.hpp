#pragma once
// Isolation for scenarios that change state (<setup>): their mailboxes live below
// ${test.mailbox} (profile prefix + run id + scenario id). Before the steps, leftovers are
// deleted and each mailbox is created and seeded with generated messages (APPEND); after the
// steps, whatever the outcome, and once every scenario client has logged out, everything below
// ${test.mailbox} is deleted, children first. Setup and teardown use connections of their own
// ("setup", "teardown"), with the identity of the setup client.

#include <boost/asio/awaitable.hpp>

#include "harness/engine/run/scenario_context.hpp"

namespace referee::engine {

// Errors (CREATE refused, no connection) go to context.checks as scenario errors.
boost::asio::awaitable<void> prepare_test_mailboxes(ScenarioContext& context);
// Call after ScenarioContext::close_clients(): opens a fresh connection for the deletes.
boost::asio::awaitable<void> remove_test_mailboxes(ScenarioContext& context);

// The seed message number `index` (1-based) of `count`, CRLF line ends (RFC 5322).
std::string seed_message(std::string_view scenario_id, unsigned index, unsigned count);

}  // namespace referee::engine
