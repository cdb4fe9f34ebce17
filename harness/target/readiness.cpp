#include "harness/target/readiness.hpp"

#include <algorithm>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <fmt/format.h>

namespace referee::target {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

using Attempt = std::tuple<boost::system::error_code, tcp::endpoint>;

asio::awaitable<Attempt> connect_once(tcp::socket& socket, tcp::resolver::results_type endpoints) {
  co_return co_await asio::async_connect(socket, endpoints, asio::as_tuple(asio::use_awaitable));
}

// Waits `delay`, but never past `deadline`.
asio::awaitable<void> pause_before_retry(std::chrono::milliseconds delay, net::Deadline deadline) {
  asio::steady_timer timer(co_await asio::this_coro::executor,
                           std::min(net::deadline_after(delay), deadline));
  co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
}

}  // namespace

asio::awaitable<bool> try_connect(std::string host, std::uint16_t port, net::Deadline deadline) {
  auto executor = co_await asio::this_coro::executor;
  tcp::resolver resolver(executor);
  auto [resolve_error, endpoints] = co_await net::with_deadline(
      resolver.async_resolve(host, std::to_string(port), asio::as_tuple(asio::use_awaitable)),
      deadline);
  if (resolve_error) co_return false;
  tcp::socket socket(executor);
  auto [connect_error, endpoint] = co_await net::with_deadline(connect_once(socket, endpoints),
                                                               deadline);
  boost::system::error_code ignored;
  socket.close(ignored);
  co_return !connect_error;
}

asio::awaitable<bool> await_connectable(std::vector<profile::Server> servers,
                                        net::Deadline deadline, std::string& unreachable) {
  for (const auto& server : servers) {
    // Named before trying: a caller that gives up early still knows whom it waited for.
    unreachable = fmt::format("{} ({}:{})", server.id, server.host, server.port.value_or(0));
    std::chrono::milliseconds delay{10};
    for (;;) {
      bool connected = co_await try_connect(server.host, server.port.value_or(0), deadline);
      if (connected) break;
      if (net::Clock::now() >= deadline) co_return false;
      co_await pause_before_retry(delay, deadline);
      delay = std::min(delay * 2, std::chrono::milliseconds(200));
    }
  }
  unreachable.clear();
  co_return true;
}

}  // namespace referee::target
