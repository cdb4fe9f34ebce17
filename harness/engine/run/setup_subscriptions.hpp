#pragma once
// <setup><subscribe mailbox="…"/>: a subscription the scenario's steps rely on (RLSUB listing
// a subscribed remote mailbox, RFC 2193 §5.2), made before the steps as the setup client's
// user and undone afterwards only when this scenario made it. Subscriptions belong to a user,
// not to the test-mailbox creator: the connection is the setup client's server and user.
// A SUBSCRIBE answered with a mailbox referral (RFC 2193 §4.1 allows it) is repeated on the
// referred profile server, where it is also undone.

#include <string>
#include <vector>

#include <boost/asio/awaitable.hpp>

#include "harness/engine/run/scenario_context.hpp"

namespace referee::engine {

// A subscription this scenario added: where, and the name as sent.
struct AddedSubscription {
  const profile::Server* server = nullptr;
  std::string mailbox;
};

// Errors (no connection, SUBSCRIBE refused, a referral to a host outside the profile) go to
// context.checks as scenario errors.
boost::asio::awaitable<std::vector<AddedSubscription>> prepare_subscriptions(ScenarioContext& context);
// UNSUBSCRIBE what prepare_subscriptions added, on fresh connections.
boost::asio::awaitable<void> undo_subscriptions(ScenarioContext& context,
                                                const std::vector<AddedSubscription>& added);

}  // namespace referee::engine
