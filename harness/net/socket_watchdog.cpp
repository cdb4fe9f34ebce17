#include "harness/net/socket_watchdog.hpp"

#include <utility>

namespace referee::net {

SocketWatchdog::SocketWatchdog(boost::asio::any_io_executor executor)
    : state_(std::make_shared<State>(std::move(executor))) {}

SocketWatchdog::~SocketWatchdog() { release(); }

void SocketWatchdog::guard(boost::asio::ip::tcp::socket& socket, Deadline deadline) {
  state_->socket = &socket;
  state_->deadline = deadline;
  state_->timer.expires_at(deadline);
  state_->timer.async_wait([state = state_](const boost::system::error_code& error) {
    // Cancelled by release(), or fired as the operation completed: nothing to do. A handler
    // already queued when its operation ended and the next began finds the next deadline ahead.
    if (error || state->socket == nullptr || Clock::now() < state->deadline) return;
    boost::system::error_code ignored;
    state->socket->cancel(ignored);
  });
}

void SocketWatchdog::release() {
  state_->socket = nullptr;
  state_->timer.cancel();
}

}  // namespace referee::net
