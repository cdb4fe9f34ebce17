#include "harness/net/deadline.hpp"

#include <chrono>
#include <tuple>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <gtest/gtest.h>

namespace referee::net {
namespace {

using namespace std::chrono_literals;
using boost::asio::awaitable;
using Wait = std::tuple<boost::system::error_code>;

awaitable<Wait> wait_for(std::chrono::milliseconds duration) {
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, duration);
  co_return co_await timer.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
}

// Runs `operation` under `deadline`; returns its error and how long it took.
std::pair<boost::system::error_code, Clock::duration> run(awaitable<Wait> operation,
                                                          Deadline deadline) {
  boost::asio::io_context io;
  boost::system::error_code outcome = boost::asio::error::would_block;  // "not finished"
  auto started = Clock::now();
  boost::asio::co_spawn(
      io,
      [&]() -> awaitable<void> {
        auto [error] = co_await with_deadline(std::move(operation), deadline);
        outcome = error;
      },
      boost::asio::detached);
  io.run();
  return {outcome, Clock::now() - started};
}

TEST(WithDeadline, OperationFinishingFirstKeepsItsResult) {
  auto [error, took] = run(wait_for(1ms), deadline_after(10s));
  EXPECT_FALSE(error);
  EXPECT_LT(took, 5s);  // the watchdog was cancelled, not waited for
}

TEST(WithDeadline, ExpiryCancelsTheOperationPromptly) {
  auto [error, took] = run(wait_for(std::chrono::milliseconds(60000)), deadline_after(50ms));
  EXPECT_EQ(error, boost::asio::error::operation_aborted);
  EXPECT_GE(took, 50ms);
  EXPECT_LT(took, 5s);
}

TEST(WithDeadline, PastDeadlineExpiresAtOnce) {
  auto [error, took] = run(wait_for(std::chrono::milliseconds(60000)), Clock::now() - 1s);
  EXPECT_EQ(error, boost::asio::error::operation_aborted);
  EXPECT_LT(took, 5s);
}

TEST(WithDeadline, ExceptionsOfTheOperationPropagate) {
  auto throwing = []() -> awaitable<int> {
    throw std::invalid_argument("programming error");
    co_return 0;
  };
  boost::asio::io_context io;
  bool caught = false;
  auto started = Clock::now();
  boost::asio::co_spawn(
      io,
      [&]() -> awaitable<void> {
        try {
          co_await with_deadline(throwing(), deadline_after(10s));
        } catch (const std::invalid_argument&) {
          caught = true;
        }
      },
      boost::asio::detached);
  io.run();
  EXPECT_TRUE(caught);
  EXPECT_LT(Clock::now() - started, 5s);  // did not wait for the watchdog
}

}  // namespace
}  // namespace referee::net
