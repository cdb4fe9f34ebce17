#pragma once
// Something that happens once (a ready line seen, a process exited) and that coroutines on the
// same executor await with a deadline. Not thread-safe: set and awaited on one strand.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "harness/net/deadline.hpp"

namespace referee::target {

class OneShotEvent {
 public:
  explicit OneShotEvent(boost::asio::any_io_executor executor)
      : signal_(std::move(executor), boost::asio::steady_timer::time_point::max()) {}

  // Wakes every waiter; later waits return at once.
  void set() {
    set_ = true;
    signal_.cancel();
  }
  bool is_set() const { return set_; }

  // True when the event happened before `deadline`.
  boost::asio::awaitable<bool> wait(net::Deadline deadline) {
    using namespace boost::asio::experimental::awaitable_operators;
    if (set_) co_return true;
    co_await (wait_for_signal() || net::detail::watchdog(deadline));
    co_return set_;
  }

 private:
  // The timer never expires: set() cancels it, which is the signal.
  boost::asio::awaitable<void> wait_for_signal() {
    co_await signal_.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
  }

  boost::asio::steady_timer signal_;
  bool set_ = false;
};

}  // namespace referee::target
