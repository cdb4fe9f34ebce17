#pragma once
// The client-side TLS context. One context serves every connection of a run (creating one per
// connection would cost a context setup per client); per-connection choices (SNI, whether to
// verify the peer, the name to verify) are applied to each stream by Stream::start_tls.

#include <memory>

#include <boost/asio/ssl/context.hpp>

namespace referee::net {

// TLS 1.2 or newer, no peer verification unless a connection asks for it.
std::shared_ptr<boost::asio::ssl::context> make_client_tls_context();

// Loads the system's trust store into `context` unless it already trusts something (its own
// certificates, or the store loaded before). Called for the first connection that verifies its
// peer: loading the store takes milliseconds, which runs that never verify should not pay.
void load_system_trust_store_once(boost::asio::ssl::context& context);

}  // namespace referee::net
