#include "harness/net/net_error.hpp"

#include <string>

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>

namespace referee::net {
namespace {

class NetErrorCategory final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "referee.net"; }

  std::string message(int value) const override {
    switch (static_cast<net_error>(value)) {
      case net_error::timeout: return "deadline passed";
      case net_error::eof: return "connection closed by peer";
      case net_error::eof_mid_response: return "connection closed by peer inside a response";
      case net_error::reset: return "connection reset by peer";
      case net_error::connect_refused: return "connection refused";
      case net_error::resolve_failed: return "host name did not resolve";
      case net_error::connect_failed: return "could not connect";
      case net_error::tls_failed: return "TLS failed";
      case net_error::starttls_refused: return "server refused STARTTLS";
      case net_error::plaintext_after_starttls: return "plaintext bytes after the OK to STARTTLS";
      case net_error::not_connected: return "not connected";
      case net_error::garbage: return "server sent bytes that do not parse as a response";
      case net_error::io_failed: return "socket error";
    }
    return "unknown referee.net error";
  }
};

bool is_reset(const boost::system::error_code& error) {
  namespace asio_error = boost::asio::error;
  return error == asio_error::connection_reset || error == asio_error::broken_pipe ||
         error == asio_error::connection_aborted;
}

}  // namespace

const boost::system::error_category& net_error_category() {
  static const NetErrorCategory category;
  return category;
}

boost::system::error_code make_error_code(net_error error) {
  return {static_cast<int>(error), net_error_category()};
}

net_error classify_transfer_error(const boost::system::error_code& error) {
  // A TLS peer that closes TCP without close_notify is, for IMAP, just a closed connection:
  // servers routinely do so after BYE.
  if (error == boost::asio::error::eof || error == boost::asio::ssl::error::stream_truncated) {
    return net_error::eof;
  }
  if (is_reset(error)) return net_error::reset;
  if (error == boost::asio::error::operation_aborted) return net_error::timeout;
  if (error.category() == boost::asio::error::get_ssl_category()) return net_error::tls_failed;
  return net_error::io_failed;
}

net_error classify_connect_error(const boost::system::error_code& error) {
  namespace asio_error = boost::asio::error;
  if (error == asio_error::connection_refused) return net_error::connect_refused;
  if (error == asio_error::operation_aborted || error == asio_error::timed_out) {
    return net_error::timeout;
  }
  if (error.category() == asio_error::get_netdb_category() ||
      error.category() == asio_error::get_addrinfo_category()) {
    return net_error::resolve_failed;
  }
  return net_error::connect_failed;
}

}  // namespace referee::net
