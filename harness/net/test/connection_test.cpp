#include "harness/net/connection.hpp"

#include <chrono>
#include <string>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address_v6.hpp>
#include <gtest/gtest.h>

#include "harness/net/test/test_server.hpp"

namespace referee::net {
namespace {

using namespace std::chrono_literals;
using boost::asio::awaitable;
using boost::asio::ip::tcp;
using test::ServerSession;

class ConnectionTest : public ::testing::Test {
 protected:
  boost::asio::io_context io;
  test::TestServer server{io};
  Transcript transcript;
  Connection client{io.get_executor(), {.id = "C1", .transcript = &transcript}};
};

TEST_F(ConnectionTest, ConnectWriteAndReadRaw) {
  std::string server_got;
  std::string client_got(64, '\0');
  result<std::size_t> read = 0;
  test::run_both(
      io,
      [&]() -> awaitable<void> {
        ServerSession session(co_await server.accept());
        server_got = co_await session.read_line();
        co_await session.send("pong\r\n");
      }(),
      [&]() -> awaitable<void> {
        auto connected = co_await client.connect(server.endpoint(), deadline_after(5s));
        EXPECT_TRUE(connected);
        EXPECT_TRUE(co_await client.write("ping\r\n", deadline_after(5s)));
        read = co_await client.read_some(client_got, deadline_after(5s));
      }());
  EXPECT_EQ(server_got, "ping\r\n");
  ASSERT_TRUE(read);
  EXPECT_EQ(client_got.substr(0, *read), "pong\r\n");
  EXPECT_FALSE(client.is_tls());
  EXPECT_EQ(client.stats().bytes_sent, 6u);
  EXPECT_EQ(client.stats().writes, 1u);
  ASSERT_EQ(transcript.events().size(), 2u);
  EXPECT_EQ(transcript.events()[0].meta, MetaEvent::connected);
  EXPECT_EQ(transcript.events()[0].bytes, "connected to " + server.endpoint().describe());
  EXPECT_EQ(transcript.events()[1].bytes, "ping\r\n");
}

TEST_F(ConnectionTest, ReadOnASilentServerTimesOutPromptly) {
  result<std::size_t> read = 0;
  Clock::duration took{};
  std::string buffer(16, '\0');
  test::run_both(
      io,
      [&]() -> awaitable<void> {
        ServerSession session(co_await server.accept());
        co_await session.read_until_eof();  // silent until the client leaves
      }(),
      [&]() -> awaitable<void> {
        co_await client.connect(server.endpoint(), deadline_after(5s));
        auto started = Clock::now();
        read = co_await client.read_some(buffer, deadline_after(100ms));
        took = Clock::now() - started;
        client.close();
      }());
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error(), net_error::timeout);
  EXPECT_GE(took, 100ms);
  EXPECT_LT(took, 2s);
  EXPECT_EQ(client.last_system_error(), boost::asio::error::operation_aborted);
  auto events = transcript.events();
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[1].meta, MetaEvent::timeout);
  EXPECT_EQ(events[2].meta, MetaEvent::closed);
}

TEST_F(ConnectionTest, TimeoutLeavesThePlainConnectionUsable) {
  result<std::size_t> first = 0, second = 0;
  std::string buffer(16, '\0');
  test::run_both(
      io,
      [&]() -> awaitable<void> {
        ServerSession session(co_await server.accept());
        co_await session.read_line();  // the client's "go" after its timeout
        co_await session.send("late\r\n");
      }(),
      [&]() -> awaitable<void> {
        co_await client.connect(server.endpoint(), deadline_after(5s));
        first = co_await client.read_some(buffer, deadline_after(20ms));
        co_await client.write("go\r\n", deadline_after(5s));
        second = co_await client.read_some(buffer, deadline_after(5s));
      }());
  EXPECT_EQ(first.error(), net_error::timeout);
  ASSERT_TRUE(second);
  EXPECT_EQ(buffer.substr(0, *second), "late\r\n");
}

// A server that never stops sending always has data ready: the read would win every race
// against the watchdog. A passed deadline is a timeout before the socket is touched.
TEST_F(ConnectionTest, PassedDeadlineIsATimeoutEvenWithDataWaiting) {
  result<std::size_t> read = 0;
  result<void> written;
  std::string client_got(64, '\0');
  test::run_both(
      io,
      [&]() -> awaitable<void> {
        ServerSession session(co_await server.accept());
        co_await session.send("* 1 EXISTS\r\n");
        co_await session.read_line();  // the client's "done"
      }(),
      [&]() -> awaitable<void> {
        EXPECT_TRUE(co_await client.connect(server.endpoint(), deadline_after(5s)));
        // Four bytes: the rest of the line stays waiting in the socket.
        auto first = co_await client.read_some(std::span<char>(client_got.data(), 4),
                                               deadline_after(5s));
        EXPECT_TRUE(first);
        read = co_await client.read_some(client_got, Clock::now() - 1ms);
        written = co_await client.write("never\r\n", Clock::now() - 1ms);
        EXPECT_TRUE(co_await client.write("done\r\n", deadline_after(5s)));
      }());
  EXPECT_EQ(read.error(), net_error::timeout);
  EXPECT_EQ(written.error(), net_error::timeout);
  EXPECT_EQ(client.stats().bytes_sent, 6u);  // "never" was not sent
  EXPECT_EQ(transcript.events().back().bytes, "done\r\n");
}

TEST_F(ConnectionTest, ConnectRefusedIsTyped) {
  auto endpoint = server.endpoint();
  { test::TestServer closed_soon(io); endpoint.port = closed_soon.port(); }  // nobody listens now
  result<void> connected;
  boost::asio::co_spawn(io, [&]() -> awaitable<void> {
    connected = co_await client.connect(endpoint, deadline_after(5s));
  }, boost::asio::detached);
  io.run();
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error(), net_error::connect_refused);
  EXPECT_FALSE(client.is_open());
  ASSERT_EQ(transcript.events().size(), 1u);
  EXPECT_EQ(transcript.events()[0].meta, MetaEvent::error);
}

// Names resolve through the system resolver ("localhost" comes from /etc/hosts; tests never
// look up names that would leave the machine).
TEST_F(ConnectionTest, ConnectsByHostName) {
  result<void> connected = make_error_code(net_error::not_connected);
  std::string server_got;
  auto endpoint = server.endpoint();
  endpoint.host = "localhost";
  test::run_both(
      io,
      [&]() -> awaitable<void> {
        ServerSession session(co_await server.accept());
        server_got = co_await session.read_line();
      }(),
      [&]() -> awaitable<void> {
        connected = co_await client.connect(endpoint, deadline_after(5s));
        co_await client.write("a1 NOOP\r\n", deadline_after(5s));
      }());
  EXPECT_TRUE(connected);
  EXPECT_EQ(server_got, "a1 NOOP\r\n");
}

TEST_F(ConnectionTest, UseBeforeConnectIsNotConnected) {
  result<void> written;
  result<std::size_t> read = 0;
  std::string buffer(4, '\0');
  boost::asio::co_spawn(io, [&]() -> awaitable<void> {
    written = co_await client.write("x", deadline_after(1s));
    read = co_await client.read_some(buffer, deadline_after(1s));
  }, boost::asio::detached);
  io.run();
  EXPECT_EQ(written.error(), net_error::not_connected);
  EXPECT_EQ(read.error(), net_error::not_connected);
  EXPECT_EQ(client.shutdown_send().error(), net_error::not_connected);
}

TEST_F(ConnectionTest, ResetIsDistinctFromEof) {
  result<std::size_t> read = 0;
  std::string buffer(16, '\0');
  test::run_both(
      io,
      [&]() -> awaitable<void> {
        ServerSession session(co_await server.accept());
        co_await session.read_line();
        test::reset_connection(session.socket());
      }(),
      [&]() -> awaitable<void> {
        co_await client.connect(server.endpoint(), deadline_after(5s));
        co_await client.write("a1 NOOP\r\n", deadline_after(5s));
        read = co_await client.read_some(buffer, deadline_after(5s));
      }());
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error(), net_error::reset);
  EXPECT_EQ(transcript.events().back().meta, MetaEvent::reset);
}

TEST_F(ConnectionTest, PeerHalfCloseEndsReadingButWritingStillWorks) {
  std::string server_got;
  result<std::size_t> first = 0, second = 0;
  result<void> written;
  std::string buffer(32, '\0');
  test::run_both(
      io,
      [&]() -> awaitable<void> {
        ServerSession session(co_await server.accept());
        co_await session.send("* BYE going\r\n");
        session.socket().shutdown(tcp::socket::shutdown_send);
        server_got = co_await session.read_until_eof();
      }(),
      [&]() -> awaitable<void> {
        co_await client.connect(server.endpoint(), deadline_after(5s));
        first = co_await client.read_some(buffer, deadline_after(5s));
        second = co_await client.read_some(buffer, deadline_after(5s));
        written = co_await client.write("a1 LOGOUT\r\n", deadline_after(5s));
        client.close();
      }());
  EXPECT_TRUE(first);
  EXPECT_EQ(second.error(), net_error::eof);
  EXPECT_TRUE(client.peer_finished_sending());
  EXPECT_TRUE(written);
  EXPECT_EQ(server_got, "a1 LOGOUT\r\n");
}

TEST_F(ConnectionTest, OurHalfCloseStillReadsTheAnswer) {
  std::string server_got;
  result<std::size_t> read = 0;
  std::string buffer(32, '\0');
  test::run_both(
      io,
      [&]() -> awaitable<void> {
        ServerSession session(co_await server.accept());
        server_got = co_await session.read_until_eof();  // ends at our FIN
        co_await session.send("* BYE seen your FIN\r\n");
      }(),
      [&]() -> awaitable<void> {
        co_await client.connect(server.endpoint(), deadline_after(5s));
        co_await client.write("a1 LOGOUT\r\n", deadline_after(5s));
        EXPECT_TRUE(client.shutdown_send());
        read = co_await client.read_some(buffer, deadline_after(5s));
      }());
  EXPECT_EQ(server_got, "a1 LOGOUT\r\n");
  ASSERT_TRUE(read);
  EXPECT_EQ(buffer.substr(0, *read), "* BYE seen your FIN\r\n");
}

TEST(ConnectionIpv6, ConnectsOverIpv6Loopback) {
  if (!test::ipv6_loopback_available()) GTEST_SKIP() << "no IPv6 loopback on this host";
  boost::asio::io_context io;
  test::TestServer server(io, boost::asio::ip::address_v6::loopback());
  Connection client(io.get_executor(), {});
  std::string server_got;
  test::run_both(
      io,
      [&]() -> awaitable<void> {
        ServerSession session(co_await server.accept());
        server_got = co_await session.read_line();
      }(),
      [&]() -> awaitable<void> {
        EXPECT_TRUE(co_await client.connect(server.endpoint(), deadline_after(5s)));
        EXPECT_TRUE(co_await client.write("a1 NOOP\r\n", deadline_after(5s)));
      }());
  EXPECT_EQ(server.endpoint().describe(), "[::1]:" + std::to_string(server.port()));
  EXPECT_EQ(server_got, "a1 NOOP\r\n");
}

}  // namespace
}  // namespace referee::net
