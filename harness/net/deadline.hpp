#pragma once
// Deadlines for asynchronous operations: every network operation takes one, so none can wait
// forever. The operation races a watchdog timer (Asio's timeout_watchdog pattern):
//
//   operation ─────────────┐
//                          ├─ `||` ─ first to finish cancels the other
//   watchdog(deadline) ────┘
//
// The operation's own result is kept even when the watchdog fired first: a read can complete
// with data just as the timer expires, and those bytes must not be lost.

#include <chrono>
#include <exception>
#include <optional>
#include <utility>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace referee::net {

using Clock = std::chrono::steady_clock;
using Deadline = Clock::time_point;

inline Deadline deadline_after(Clock::duration duration) { return Clock::now() + duration; }

namespace detail {

// Completes (without error) when `deadline` passes, or when cancelled because the operation won.
inline boost::asio::awaitable<void> watchdog(Deadline deadline) {
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, deadline);
  co_await timer.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
}

// Stores the operation's result, or its exception: finishing without throwing is what lets
// `||` (wait_for_one_success) cancel the watchdog at once.
template <typename T>
boost::asio::awaitable<void> store_result(boost::asio::awaitable<T> operation,
                                          std::optional<T>& result, std::exception_ptr& failure) {
  // Cancellation must surface as the operation's own "aborted" result, not as an exception.
  co_await boost::asio::this_coro::throw_if_cancelled(false);
  try {
    result.emplace(co_await std::move(operation));
  } catch (...) {
    failure = std::current_exception();
  }
}

}  // namespace detail

// Runs `operation` until it completes or `deadline` passes; on expiry the operation is
// cancelled and completes with its own "aborted" result (operations here report errors through
// as_tuple, never by throwing). Returns whatever the operation produced.
//
// Wrap ONE asynchronous operation: a cancellation that arrives between two steps of a longer
// coroutine would not reach the second step.
template <typename T>
boost::asio::awaitable<T> with_deadline(boost::asio::awaitable<T> operation, Deadline deadline) {
  using namespace boost::asio::experimental::awaitable_operators;
  std::optional<T> result;
  std::exception_ptr failure;
  co_await (detail::store_result(std::move(operation), result, failure) ||
            detail::watchdog(deadline));
  // parallel_group waits for both branches, so `result` or `failure` is set by now.
  if (failure) std::rethrow_exception(failure);
  co_return std::move(*result);
}

}  // namespace referee::net
