#include "harness/net/stream.hpp"

#include <utility>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

namespace referee::net {
namespace {

constexpr auto use_tuple = boost::asio::as_tuple(boost::asio::use_awaitable);

bool is_ip_literal(const std::string& name) {
  boost::system::error_code error;
  boost::asio::ip::make_address(name, error);
  return !error;
}

// Asio remembers the mode: only the first call costs a system call (ioctl FIONBIO), not
// every read and write.
bool set_non_blocking(Stream::PlainSocket& socket, boost::system::error_code& error) {
  if (socket.non_blocking()) return true;
  socket.non_blocking(true, error);
  return !error;
}

}  // namespace

boost::asio::awaitable<Stream::Transfer> Stream::read_some(boost::asio::mutable_buffer into) {
  return std::visit([&](auto& layer) { return layer.async_read_some(into, use_tuple); }, layers_);
}

Stream::Transfer Stream::read_now(boost::asio::mutable_buffer into) {
  auto* plain = std::get_if<PlainSocket>(&layers_);
  boost::system::error_code error = boost::asio::error::would_block;
  if (plain == nullptr) return {error, 0};
  if (!set_non_blocking(*plain, error)) return {error, 0};
  std::size_t count = plain->read_some(into, error);
  return {error, count};
}

Stream::Transfer Stream::write_now(boost::asio::const_buffer bytes) {
  auto* plain = std::get_if<PlainSocket>(&layers_);
  boost::system::error_code error = boost::asio::error::would_block;
  if (plain == nullptr) return {error, 0};
  if (!set_non_blocking(*plain, error)) return {error, 0};
  std::size_t count = plain->write_some(bytes, error);
  return {error, count};
}

boost::asio::awaitable<Stream::Transfer> Stream::write_all(boost::asio::const_buffer bytes) {
  return std::visit([&](auto& layer) { return boost::asio::async_write(layer, bytes, use_tuple); },
                    layers_);
}

boost::system::error_code Stream::start_tls(boost::asio::ssl::context& context,
                                            const TlsClientOptions& options) {
  PlainSocket plain = std::move(std::get<PlainSocket>(layers_));
  TlsSocket& tls = layers_.emplace<TlsSocket>(std::move(plain), context);
  // RFC 6066 §3: "Literal IPv4 and IPv6 addresses are not permitted in HostName."
  if (!options.server_name.empty() && !is_ip_literal(options.server_name) &&
      !SSL_set_tlsext_host_name(tls.native_handle(), options.server_name.c_str())) {
    return {static_cast<int>(::ERR_get_error()), boost::asio::error::get_ssl_category()};
  }
  boost::system::error_code error;
  if (options.verify_peer) {
    tls.set_verify_mode(boost::asio::ssl::verify_peer, error);
    if (!error) {
      tls.set_verify_callback(boost::asio::ssl::host_name_verification(options.server_name),
                              error);
    }
  } else {
    tls.set_verify_mode(boost::asio::ssl::verify_none, error);
  }
  return error;
}

boost::asio::awaitable<boost::system::error_code> Stream::handshake() {
  auto [error] = co_await std::get<TlsSocket>(layers_).async_handshake(
      boost::asio::ssl::stream_base::client, use_tuple);
  co_return error;
}

std::string Stream::tls_description() {
  if (!is_tls()) return {};
  SSL* ssl = std::get<TlsSocket>(layers_).native_handle();
  return std::string(SSL_get_version(ssl)) + " " + SSL_get_cipher_name(ssl);
}

Stream::PlainSocket& Stream::socket() {
  if (auto* tls = std::get_if<TlsSocket>(&layers_)) return tls->next_layer();
  return std::get<PlainSocket>(layers_);
}

const Stream::PlainSocket& Stream::socket() const {
  if (const auto* tls = std::get_if<TlsSocket>(&layers_)) return tls->next_layer();
  return std::get<PlainSocket>(layers_);
}

boost::system::error_code Stream::shutdown_send() {
  boost::system::error_code error;
  socket().shutdown(PlainSocket::shutdown_send, error);
  return error;
}

void Stream::close() {
  boost::system::error_code ignored;  // closing an already closed socket is fine
  socket().close(ignored);
}

}  // namespace referee::net
