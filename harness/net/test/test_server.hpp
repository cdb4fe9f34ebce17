#pragma once
// A scripted in-test server on 127.0.0.1 or ::1, ephemeral port. Each test writes the server's
// side as a coroutine (ServerSession helpers) and runs it beside the client on one io_context:
// the order of events comes from the awaits, never from sleeps.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include "harness/net/endpoint.hpp"

namespace referee::net::test {

class TestServer {
 public:
  // Listens on `address` (loopback only), port chosen by the kernel.
  TestServer(boost::asio::io_context& io, const boost::asio::ip::address& address);
  explicit TestServer(boost::asio::io_context& io);  // 127.0.0.1

  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
  Endpoint endpoint(TlsMode tls = TlsMode::none) const;
  boost::asio::awaitable<boost::asio::ip::tcp::socket> accept();

 private:
  boost::asio::ip::tcp::acceptor acceptor_;
};

// True when the host can listen on ::1.
bool ipv6_loopback_available();

// Closes with SO_LINGER 0, so the client gets a RST instead of a FIN.
void reset_connection(boost::asio::ip::tcp::socket& socket);

// Runs both coroutines to completion on `io` (at most `limit`), then rethrows the first
// exception either raised. Throws when one did not finish within `limit`.
void run_both(boost::asio::io_context& io, boost::asio::awaitable<void> server,
              boost::asio::awaitable<void> client,
              std::chrono::seconds limit = std::chrono::seconds(30));

// The server's end of one connection over a plain or TLS socket.
template <typename Socket>
class ServerSession {
 public:
  explicit ServerSession(Socket socket) : socket_(std::move(socket)) {}

  boost::asio::awaitable<void> send(std::string bytes) {
    co_await boost::asio::async_write(socket_, boost::asio::buffer(bytes),
                                      boost::asio::use_awaitable);
  }

  // One write per byte, yielding to the client between writes so it reads them apart.
  boost::asio::awaitable<void> send_byte_by_byte(std::string bytes) {
    for (char byte : bytes) {
      co_await boost::asio::async_write(socket_, boost::asio::buffer(&byte, 1),
                                        boost::asio::use_awaitable);
      co_await boost::asio::post(co_await boost::asio::this_coro::executor,
                                 boost::asio::use_awaitable);
    }
  }

  // The next line, CRLF included. Throws at EOF.
  boost::asio::awaitable<std::string> read_line() {
    std::size_t length = co_await boost::asio::async_read_until(
        socket_, boost::asio::dynamic_buffer(buffer_), "\r\n", boost::asio::use_awaitable);
    std::string line = buffer_.substr(0, length);
    buffer_.erase(0, length);
    co_return line;
  }

  // Everything until the client stops sending (close or half-close).
  boost::asio::awaitable<std::string> read_until_eof() {
    char chunk[4096];
    for (;;) {
      auto [error, count] = co_await socket_.async_read_some(
          boost::asio::buffer(chunk), boost::asio::as_tuple(boost::asio::use_awaitable));
      buffer_.append(chunk, count);
      if (error) co_return std::exchange(buffer_, {});
    }
  }

  Socket& socket() { return socket_; }

 private:
  Socket socket_;
  std::string buffer_;  // bytes read past the last line returned
};

}  // namespace referee::net::test
