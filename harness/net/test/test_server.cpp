#include "harness/net/test/test_server.hpp"

#include <exception>
#include <stdexcept>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/address_v4.hpp>
#include <boost/asio/ip/address_v6.hpp>

namespace referee::net::test {

using boost::asio::ip::tcp;

TestServer::TestServer(boost::asio::io_context& io, const boost::asio::ip::address& address)
    : acceptor_(io, tcp::endpoint(address, 0)) {}

TestServer::TestServer(boost::asio::io_context& io)
    : TestServer(io, boost::asio::ip::address_v4::loopback()) {}

Endpoint TestServer::endpoint(TlsMode tls) const {
  return Endpoint{.host = acceptor_.local_endpoint().address().to_string(),
                  .port = port(),
                  .tls = tls};
}

boost::asio::awaitable<tcp::socket> TestServer::accept() {
  tcp::socket socket = co_await acceptor_.async_accept(boost::asio::use_awaitable);
  socket.set_option(tcp::no_delay(true));  // byte-by-byte writes must leave one by one
  co_return socket;
}

bool ipv6_loopback_available() {
  boost::asio::io_context io;
  tcp::acceptor acceptor(io);
  boost::system::error_code error;
  acceptor.open(tcp::v6(), error);
  if (!error) acceptor.bind(tcp::endpoint(boost::asio::ip::address_v6::loopback(), 0), error);
  return !error;
}

void reset_connection(tcp::socket& socket) {
  socket.set_option(boost::asio::socket_base::linger(true, 0));
  socket.close();
}

void run_both(boost::asio::io_context& io, boost::asio::awaitable<void> server,
              boost::asio::awaitable<void> client, std::chrono::seconds limit) {
  std::exception_ptr server_failure;
  std::exception_ptr client_failure;
  int finished = 0;
  boost::asio::co_spawn(io, std::move(server), [&](std::exception_ptr failure) {
    server_failure = failure;
    ++finished;
  });
  boost::asio::co_spawn(io, std::move(client), [&](std::exception_ptr failure) {
    client_failure = failure;
    ++finished;
  });
  io.run_for(limit);
  if (client_failure) std::rethrow_exception(client_failure);
  if (server_failure) std::rethrow_exception(server_failure);
  if (finished != 2) throw std::runtime_error("run_both: the test did not finish in time");
}

}  // namespace referee::net::test
