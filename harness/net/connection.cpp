#include "harness/net/connection.hpp"

#include <stdexcept>
#include <tuple>
#include <utility>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "harness/net/tls_context.hpp"

namespace referee::net {
namespace {

using boost::asio::awaitable;
using boost::asio::ip::tcp;
using boost::system::error_code;
constexpr auto use_tuple = boost::asio::as_tuple(boost::asio::use_awaitable);

}  // namespace

Connection::Connection(boost::asio::any_io_executor executor, ConnectionOptions options)
    : executor_(std::move(executor)),
      watchdog_(executor_),
      tls_context_(std::move(options.tls_context)),
      transcript_(options.transcript, std::move(options.id)) {}

Connection::~Connection() = default;

awaitable<result<void>> Connection::connect(const Endpoint& endpoint, Deadline deadline) {
  if (is_open()) throw std::logic_error("Connection::connect: already connected");
  endpoint_ = endpoint;
  peer_finished_sending_ = false;
  if (auto opened = co_await open_socket(deadline); !opened) co_return opened.error();
  transcript_.meta(MetaEvent::connected, "connected to " + endpoint_.describe());
  if (endpoint_.tls == TlsMode::implicit) co_return co_await start_tls(deadline);
  co_return result<void>{};
}

awaitable<result<std::vector<tcp::endpoint>>> Connection::resolve(Deadline deadline) {
  error_code not_literal;
  auto address = boost::asio::ip::make_address(endpoint_.host, not_literal);
  if (!not_literal) co_return std::vector<tcp::endpoint>{{address, endpoint_.port}};
  // Asio cannot cancel a running getaddrinfo (resolvers take no per-operation cancellation),
  // so the deadline is checked when it returns.
  tcp::resolver resolver(executor_);
  auto [error, found] =
      co_await resolver.async_resolve(endpoint_.host, std::to_string(endpoint_.port), use_tuple);
  if (!error && Clock::now() > deadline) error = boost::asio::error::timed_out;
  if (error) co_return fail(classify_connect_error(error), error, "resolving " + endpoint_.host);
  std::vector<tcp::endpoint> endpoints;
  for (const auto& entry : found) endpoints.push_back(entry.endpoint());
  co_return endpoints;
}

awaitable<result<void>> Connection::open_socket(Deadline deadline) {
  auto endpoints = co_await resolve(deadline);
  if (!endpoints) co_return endpoints.error();
  tcp::socket socket(executor_);
  auto [error, chosen] = co_await with_deadline(
      boost::asio::async_connect(socket, *endpoints, use_tuple), deadline);
  if (error) {
    co_return fail(classify_connect_error(error), error, "connecting to " + endpoint_.describe());
  }
  // IMAP commands are small and answered one by one: Nagle's delay would only add latency.
  socket.set_option(tcp::no_delay(true), error);
  stream_.emplace(std::move(socket));
  co_return result<void>{};
}

awaitable<result<void>> Connection::start_tls(Deadline deadline) {
  if (!is_open()) co_return make_error_code(net_error::not_connected);
  if (stream_->is_tls()) throw std::logic_error("Connection::start_tls: already TLS");
  if (!tls_context_) tls_context_ = make_client_tls_context();
  if (endpoint_.verify_peer) load_system_trust_store_once(*tls_context_);
  auto error = stream_->start_tls(*tls_context_, {endpoint_.verify_peer, endpoint_.tls_name()});
  if (!error) error = co_await with_deadline(stream_->handshake(), deadline);
  if (error) {
    auto outcome = classify_transfer_error(error) == net_error::timeout ? net_error::timeout
                                                                         : net_error::tls_failed;
    auto code = fail(outcome, error, "the TLS handshake");
    close();  // a half-done handshake leaves nothing usable on this connection
    co_return code;
  }
  transcript_.meta(MetaEvent::tls_established, "TLS established: " + stream_->tls_description());
  co_return result<void>{};
}

awaitable<result<std::size_t>> Connection::read_some(std::span<char> into, Deadline deadline) {
  if (!is_open()) co_return make_error_code(net_error::not_connected);
  if (peer_finished_sending_) co_return make_error_code(net_error::eof);
  // A server that never stops sending would otherwise always have data ready, and the read
  // would win every race against the watchdog: the deadline bounds the whole exchange.
  if (Clock::now() >= deadline) co_return expired("reading");
  // A read that got less than it asked for emptied the socket: the next one would most likely
  // find nothing (the answer to the command just sent is not there yet), so it leaves the first
  // try to Asio's asynchronous read, which then waits: one failing recv per command, not two.
  // Otherwise what is there is read now, without a trip through the event loop (a flood).
  Stream::Transfer transfer{boost::asio::error::would_block, 0};
  if (!socket_drained_) transfer = stream_->read_now(boost::asio::buffer(into.data(), into.size()));
  auto [error, count] = transfer;
  if (error == boost::asio::error::would_block) {
    watchdog_.guard(stream_->socket(), deadline);
    std::tie(error, count) =
        co_await stream_->read_some(boost::asio::buffer(into.data(), into.size()));
    watchdog_.release();
  }
  socket_drained_ = count < into.size();
  if (count > 0 || !error) {
    stats_.bytes_received += count;
    ++stats_.reads;
    co_return count;
  }
  co_return fail_transfer(error, "reading");
}

awaitable<result<void>> Connection::write(std::string_view bytes, Deadline deadline,
                                          std::span<const RedactSpan> secrets) {
  if (!is_open()) co_return make_error_code(net_error::not_connected);
  if (Clock::now() >= deadline) co_return expired("writing");
  // Recorded before the write starts, so the transcript never shows the answer first.
  transcript_.sent(bytes, secrets);
  auto [error, count] = stream_->write_now(boost::asio::buffer(bytes));
  if (!error && count < bytes.size()) error = boost::asio::error::would_block;
  if (error == boost::asio::error::would_block) {
    watchdog_.guard(stream_->socket(), deadline);
    auto [rest_error, rest] = co_await stream_->write_all(boost::asio::buffer(bytes.substr(count)));
    watchdog_.release();
    error = rest_error;
    count += rest;
  }
  stats_.bytes_sent += count;
  if (error) {
    if (count > 0) {
      transcript_.meta(MetaEvent::error, "only " + std::to_string(count) + " of " +
                                             std::to_string(bytes.size()) + " bytes were sent");
    }
    co_return fail_transfer(error, "writing");
  }
  ++stats_.writes;
  co_return result<void>{};
}

result<void> Connection::shutdown_send() {
  if (!is_open()) return make_error_code(net_error::not_connected);
  if (auto error = stream_->shutdown_send()) return fail_transfer(error, "shutting down sending");
  transcript_.meta(MetaEvent::closed, "client stopped sending (half-close)");
  return {};
}

void Connection::close() {
  if (!is_open()) return;
  if (before_input_ends_) before_input_ends_();
  stream_->close();
  watchdog_.stop();
  transcript_.meta(MetaEvent::closed, "client closed the connection");
}

bool Connection::is_open() const {
  return stream_.has_value() && stream_->socket().is_open();
}

bool Connection::is_tls() const { return stream_.has_value() && stream_->is_tls(); }

error_code Connection::fail(net_error outcome, const error_code& cause, std::string_view during) {
  last_system_error_ = cause;
  std::string note = std::string(during) + ": " + make_error_code(outcome).message();
  if (cause != make_error_code(outcome)) note += " (" + cause.message() + ")";
  MetaEvent kind = outcome == net_error::timeout ? MetaEvent::timeout
                   : outcome == net_error::eof   ? MetaEvent::peer_closed
                   : outcome == net_error::reset ? MetaEvent::reset
                                                 : MetaEvent::error;
  if (kind != MetaEvent::timeout && before_input_ends_) before_input_ends_();
  transcript_.meta(kind, std::move(note));
  return make_error_code(outcome);
}

error_code Connection::expired(std::string_view during) {
  transcript_.meta(MetaEvent::timeout,
                   std::string(during) + ": " + make_error_code(net_error::timeout).message());
  return make_error_code(net_error::timeout);
}

error_code Connection::fail_transfer(const error_code& cause, std::string_view during) {
  net_error outcome = classify_transfer_error(cause);
  // Aborted by close() from another coroutine rather than by the deadline.
  if (outcome == net_error::timeout && !is_open()) return make_error_code(net_error::not_connected);
  if (outcome == net_error::eof) peer_finished_sending_ = true;
  // Nothing more will wait on this socket (a timeout leaves the watchdog fired already).
  if (outcome != net_error::timeout) watchdog_.stop();
  return fail(outcome, cause, during);
}

}  // namespace referee::net
