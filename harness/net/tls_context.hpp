#pragma once
// The client-side TLS context. One context serves every connection of a run (creating one per
// connection would cost a context setup per client); per-connection choices (SNI, whether to
// verify the peer, the name to verify) are applied to each stream by Stream::start_tls.

#include <memory>

#include <boost/asio/ssl/context.hpp>

namespace referee::net {

// TLS 1.2 or newer, the system's trust store loaded for connections that ask for verification.
std::shared_ptr<boost::asio::ssl::context> make_client_tls_context();

}  // namespace referee::net
