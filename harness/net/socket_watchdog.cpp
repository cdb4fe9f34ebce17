#include "harness/net/socket_watchdog.hpp"

#include <algorithm>
#include <utility>

namespace referee::net {

SocketWatchdog::SocketWatchdog(boost::asio::any_io_executor executor)
    : state_(std::make_shared<State>(std::move(executor))) {}

SocketWatchdog::~SocketWatchdog() { stop(); }

void SocketWatchdog::guard(boost::asio::ip::tcp::socket& socket, Deadline deadline) {
  state_->socket = &socket;
  state_->deadline = deadline;
  // Armed for an earlier time, it fires, finds this deadline ahead and re-arms then.
  if (!state_->armed || state_->timer.expiry() > deadline) arm(state_);
}

void SocketWatchdog::release() { state_->socket = nullptr; }

void SocketWatchdog::stop() {
  state_->socket = nullptr;
  if (!state_->armed) return;
  state_->armed = false;
  ++state_->generation;
  state_->timer.cancel();
}

void SocketWatchdog::arm(const std::shared_ptr<State>& state) {
  unsigned generation = ++state->generation;
  state->armed = true;
  state->timer.expires_at(std::min(state->deadline, Clock::now() + idle_bound));
  state->timer.async_wait([state, generation](const boost::system::error_code& error) {
    // Cancelled, or superseded by stop() or by a re-arm for an earlier deadline (a handler that
    // had already fired when that happened cannot be cancelled: it is only ignored).
    if (error || generation != state->generation) return;
    state->armed = false;
    if (state->socket == nullptr) return;  // nothing waits: disarmed until the next guard()
    if (Clock::now() < state->deadline) {
      arm(state);
      return;
    }
    boost::system::error_code ignored;
    state->socket->cancel(ignored);
  });
}

}  // namespace referee::net
