#pragma once
// The outcomes of network operations a server can cause (routine, so error_code): each is a
// distinct value so the engine can say exactly what happened to a client.

#include <type_traits>

#include <boost/system/error_code.hpp>

namespace referee::net {

enum class net_error {
  timeout = 1,               // the operation's deadline passed first
  eof,                       // the peer closed its sending side at a response boundary
  eof_mid_response,          // the peer closed its sending side inside a response
  reset,                     // the peer reset the connection (RST, or writing after it closed)
  connect_refused,           // nothing listens on host:port
  resolve_failed,            // the host name did not resolve
  connect_failed,            // any other failure to establish TCP (unreachable, ...)
  tls_failed,                // TLS handshake or record layer failure (incl. certificate checks)
  starttls_refused,          // the server answered STARTTLS with something other than OK
  plaintext_after_starttls,  // bytes arrived in clear after the OK to STARTTLS
  not_connected,             // used before connect() or after close()
  garbage,                   // the server sent bytes that do not parse as a response
  io_failed,                 // any other socket error; last_system_error() has the detail
};

const boost::system::error_category& net_error_category();
boost::system::error_code make_error_code(net_error error);

// Maps the error of a read or write on an established connection to its outcome.
net_error classify_transfer_error(const boost::system::error_code& error);
// Maps the error of resolving or connecting to its outcome.
net_error classify_connect_error(const boost::system::error_code& error);

}  // namespace referee::net

template <>
struct boost::system::is_error_code_enum<referee::net::net_error> : std::true_type {};
