#pragma once
// A byte stream that is plain TCP or TLS over TCP, and can become TLS in place (STARTTLS).
// Operations report errors through their result (as_tuple), never by throwing.

#include <cstddef>
#include <string>
#include <tuple>
#include <variant>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/system/error_code.hpp>

namespace referee::net {

struct TlsClientOptions {
  bool verify_peer = false;
  std::string server_name;  // SNI (when not an IP literal) and the name verified
};

class Stream {
 public:
  using PlainSocket = boost::asio::ip::tcp::socket;
  using TlsSocket = boost::asio::ssl::stream<PlainSocket>;
  using Transfer = std::tuple<boost::system::error_code, std::size_t>;

  explicit Stream(PlainSocket socket) : layers_(std::move(socket)) {}

  // Waits for at least one byte. Plain TCP: Asio first tries a read, then waits for the socket
  // to become readable; it never re-registers the socket for that (EPOLL_CTL_MOD), as a wait
  // for readability (async_wait) would, which also wakes the event loop once for writability
  // when an asynchronous connect or write has registered that.
  boost::asio::awaitable<Transfer> read_some(boost::asio::mutable_buffer into);
  // Plain TCP only: what can be read or written now without waiting (0 and would_block when
  // nothing can), so the common case needs no timer and no trip through the event loop.
  Transfer read_now(boost::asio::mutable_buffer into);
  Transfer write_now(boost::asio::const_buffer bytes);
  // Writes all of `bytes`; on failure the count says how many were written.
  boost::asio::awaitable<Transfer> write_all(boost::asio::const_buffer bytes);

  // Wraps the connected plain socket in TLS (no handshake yet). Returns an error when the
  // options cannot be applied (e.g. SNI rejected by OpenSSL).
  boost::system::error_code start_tls(boost::asio::ssl::context& context,
                                      const TlsClientOptions& options);
  // The client handshake; only after start_tls().
  boost::asio::awaitable<boost::system::error_code> handshake();

  bool is_tls() const { return std::holds_alternative<TlsSocket>(layers_); }
  // "TLSv1.3 TLS_AES_256_GCM_SHA384"; empty when not TLS.
  std::string tls_description();
  PlainSocket& socket();
  const PlainSocket& socket() const;

  // Stops sending (TCP FIN); reading stays possible.
  boost::system::error_code shutdown_send();
  // Closes without a TLS close_notify: IMAP ends sessions with LOGOUT/BYE, and waiting for the
  // peer's close_notify could block.
  void close();

 private:
  std::variant<PlainSocket, TlsSocket> layers_;
};

}  // namespace referee::net
