#include "harness/net/socket_watchdog.hpp"

#include <chrono>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>

#include "harness/net/test/test_server.hpp"

namespace referee::net {
namespace {

using namespace std::chrono_literals;
using boost::asio::ip::tcp;
constexpr auto use_tuple = boost::asio::as_tuple(boost::asio::use_awaitable);

// A client socket connected to a test server that never sends: a read on it waits.
class SocketWatchdogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    boost::asio::co_spawn(io, [this]() -> boost::asio::awaitable<void> {
      peer = co_await server.accept();
    }, boost::asio::detached);
    client.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), server.port()));
    io.run();
    io.restart();
  }

  // Waits for the client to become readable under `deadline`; returns the wait's error and
  // how long io.run() took.
  std::pair<boost::system::error_code, Clock::duration> wait_readable(Deadline deadline,
                                                                      bool release_early) {
    boost::system::error_code outcome = boost::asio::error::would_block;  // "not finished"
    auto started = Clock::now();
    boost::asio::co_spawn(io, [&]() -> boost::asio::awaitable<void> {
      watchdog.guard(client, deadline);
      if (release_early) watchdog.release();  // the operation "completed" at once
      auto [error] = co_await client.async_wait(tcp::socket::wait_read, use_tuple);
      outcome = error;
      watchdog.release();
    }, boost::asio::detached);
    if (release_early) {
      io.run_for(200ms);  // the read itself never ends: the peer sends nothing
    } else {
      io.run();
    }
    return {outcome, Clock::now() - started};
  }

  boost::asio::io_context io;
  test::TestServer server{io};
  tcp::socket peer{io};
  tcp::socket client{io};
  SocketWatchdog watchdog{io.get_executor()};
};

TEST_F(SocketWatchdogTest, ExpiryCancelsTheWaitingOperation) {
  auto [error, took] = wait_readable(deadline_after(50ms), false);
  EXPECT_EQ(error, boost::asio::error::operation_aborted);
  EXPECT_GE(took, 50ms);
  EXPECT_LT(took, 5s);
}

TEST_F(SocketWatchdogTest, PastDeadlineCancelsAtOnce) {
  auto [error, took] = wait_readable(Clock::now() - 1s, false);
  EXPECT_EQ(error, boost::asio::error::operation_aborted);
  EXPECT_LT(took, 5s);
}

TEST_F(SocketWatchdogTest, ReleasedWatchdogCancelsNothing) {
  auto waited = wait_readable(deadline_after(20ms), true);
  EXPECT_EQ(waited.first, boost::asio::error::would_block);  // still waiting: not cancelled
}

TEST_F(SocketWatchdogTest, ReleasedWatchdogKeepsTheIoContextBusyAtMostItsIdleBound) {
  watchdog.guard(client, deadline_after(60s));
  watchdog.release();
  auto started = Clock::now();
  io.run();  // would wait a minute if the timer stayed armed for the deadline
  auto took = Clock::now() - started;
  EXPECT_LT(took, SocketWatchdog::idle_bound + 2s);
}

TEST_F(SocketWatchdogTest, StopLeavesNothingForTheIoContextToWaitFor) {
  watchdog.guard(client, deadline_after(60s));
  watchdog.release();
  watchdog.stop();
  auto started = Clock::now();
  io.run();
  EXPECT_LT(Clock::now() - started, SocketWatchdog::idle_bound);
}

// A deadline further than the idle bound: the timer re-arms on the way and still cancels the
// operation at the deadline itself, not one idle bound early or late.
TEST_F(SocketWatchdogTest, DeadlineBeyondTheIdleBoundIsKept) {
  auto [error, took] = wait_readable(Clock::now() + SocketWatchdog::idle_bound * 3, false);
  EXPECT_EQ(error, boost::asio::error::operation_aborted);
  EXPECT_GE(took, SocketWatchdog::idle_bound * 3);
  EXPECT_LT(took, SocketWatchdog::idle_bound * 3 + 2s);
}

// Released early and guarded again with an earlier deadline (the next operation's): the armed
// timer must not wait for the first, later one.
TEST_F(SocketWatchdogTest, AnEarlierDeadlineReArmsTheTimer) {
  watchdog.guard(client, deadline_after(60s));
  watchdog.release();
  auto [error, took] = wait_readable(deadline_after(50ms), false);
  EXPECT_EQ(error, boost::asio::error::operation_aborted);
  EXPECT_GE(took, 50ms);
  EXPECT_LT(took, SocketWatchdog::idle_bound);
}

}  // namespace
}  // namespace referee::net
