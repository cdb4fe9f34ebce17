#include "harness/net/imap_connection.hpp"

#include <chrono>
#include <string>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <gtest/gtest.h>

#include "harness/net/test/test_certificate.hpp"
#include "harness/net/test/test_server.hpp"
#include "harness/net/tls_context.hpp"

namespace referee::net {
namespace {

using namespace std::chrono_literals;
using boost::asio::awaitable;
using boost::asio::ip::tcp;
namespace ssl = boost::asio::ssl;
using PlainSession = test::ServerSession<tcp::socket>;
using TlsSession = test::ServerSession<ssl::stream<tcp::socket>>;

constexpr auto use_tuple = boost::asio::as_tuple(boost::asio::use_awaitable);

class ImapConnectionTest : public ::testing::Test {
 protected:
  // Accepts and completes the server side of the TLS handshake over `socket`.
  awaitable<TlsSession> handshake_as_server(tcp::socket socket) {
    TlsSession session(ssl::stream<tcp::socket>(std::move(socket), *server_tls));
    auto [error] = co_await session.socket().async_handshake(ssl::stream_base::server, use_tuple);
    server_handshake_error = error;
    co_return session;
  }

  // Answers STARTTLS with `answer`, then (on OK) upgrades and serves one NOOP over TLS.
  awaitable<void> starttls_server(std::string answer) {
    PlainSession plain(co_await server.accept());
    co_await plain.send("* OK [CAPABILITY IMAP4rev1 STARTTLS] plain\r\n");
    server_lines.push_back(co_await plain.read_line());
    co_await plain.send(answer);
    if (!answer.starts_with("S0 OK")) co_return;
    TlsSession tls = co_await handshake_as_server(std::move(plain.socket()));
    if (server_handshake_error) co_return;  // the client refused to go on
    server_lines.push_back(co_await tls.read_line());
    co_await tls.send("a1 OK noop over TLS\r\n");
  }

  static inline const test::TestCertificate certificate{"localhost"};
  boost::asio::io_context io;
  test::TestServer server{io};
  std::shared_ptr<ssl::context> server_tls = certificate.server_context();
  boost::system::error_code server_handshake_error;
  std::vector<std::string> server_lines;
  Transcript transcript;
  ImapConnection client{io.get_executor(), {.id = "C1", .transcript = &transcript}};
};

TEST_F(ImapConnectionTest, ImplicitTlsGreetingAndRoundTrip) {
  std::optional<read_result<imap::Response>> greeting, answer;
  test::run_both(
      io,
      [&]() -> awaitable<void> {
        TlsSession tls = co_await handshake_as_server(co_await server.accept());
        co_await tls.send("* OK imaps ready\r\n");
        server_lines.push_back(co_await tls.read_line());
        co_await tls.send("a1 OK done\r\n");
      }(),
      [&]() -> awaitable<void> {
        greeting = co_await client.open(server.endpoint(TlsMode::implicit), deadline_after(5s));
        co_await client.write("a1 NOOP\r\n", deadline_after(5s));
        answer = co_await client.read_response(deadline_after(5s));
      }());
  ASSERT_TRUE(greeting && *greeting) << (greeting ? greeting->error().describe() : "");
  EXPECT_EQ((*greeting)->text, "imaps ready");
  ASSERT_TRUE(answer && *answer);
  EXPECT_TRUE((*answer)->is_tagged("a1"));
  EXPECT_TRUE(client.connection().is_tls());
  EXPECT_EQ(server_lines, (std::vector<std::string>{"a1 NOOP\r\n"}));
  auto& events = transcript.events();
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(events[0].meta, MetaEvent::connected);
  EXPECT_EQ(events[1].meta, MetaEvent::tls_established);
  EXPECT_NE(events[1].bytes.find("TLSv1."), std::string::npos);
  EXPECT_EQ(events[2].bytes, "* OK imaps ready\r\n");  // decrypted bytes are what is recorded
}

TEST_F(ImapConnectionTest, StarttlsUpgradesInPlace) {
  std::optional<read_result<imap::Response>> greeting, answer;
  test::run_both(io, starttls_server("S0 OK begin TLS now\r\n"), [&]() -> awaitable<void> {
    greeting = co_await client.open(server.endpoint(TlsMode::starttls), deadline_after(5s));
    co_await client.write("a1 NOOP\r\n", deadline_after(5s));
    answer = co_await client.read_response(deadline_after(5s));
  }());
  ASSERT_TRUE(greeting && *greeting) << (greeting ? greeting->error().describe() : "");
  EXPECT_EQ((*greeting)->code->name, "CAPABILITY");
  ASSERT_TRUE(answer && *answer);
  EXPECT_EQ((*answer)->text, "noop over TLS");
  EXPECT_TRUE(client.connection().is_tls());
  EXPECT_EQ(server_lines, (std::vector<std::string>{"S0 STARTTLS\r\n", "a1 NOOP\r\n"}));
  std::vector<std::string> order;
  for (const auto& event : transcript.events()) {
    order.push_back(event.direction == Direction::meta ? std::string(to_string(event.meta))
                                                       : event.bytes);
  }
  EXPECT_EQ(order, (std::vector<std::string>{
                       "connected", "* OK [CAPABILITY IMAP4rev1 STARTTLS] plain\r\n",
                       "S0 STARTTLS\r\n", "S0 OK begin TLS now\r\n", "tls-established",
                       "a1 NOOP\r\n", "a1 OK noop over TLS\r\n"}));
}

TEST_F(ImapConnectionTest, StarttlsRefusedIsTyped) {
  std::optional<read_result<imap::Response>> greeting;
  test::run_both(io, starttls_server("S0 NO not today\r\n"), [&]() -> awaitable<void> {
    greeting = co_await client.open(server.endpoint(TlsMode::starttls), deadline_after(5s));
  }());
  ASSERT_TRUE(greeting && !*greeting);
  EXPECT_EQ(greeting->error().code, net_error::starttls_refused);
  EXPECT_FALSE(client.connection().is_tls());
}

TEST_F(ImapConnectionTest, PlaintextAfterStarttlsOkIsRefused) {
  std::optional<read_result<imap::Response>> greeting;
  // The injected line arrives in the same segment as the OK, before any TLS.
  test::run_both(io, starttls_server("S0 OK begin\r\n* OK [ALERT] injected\r\n"),
                 [&]() -> awaitable<void> {
                   greeting = co_await client.open(server.endpoint(TlsMode::starttls),
                                                   deadline_after(5s));
                 }());
  ASSERT_TRUE(greeting && !*greeting);
  EXPECT_EQ(greeting->error().code, net_error::plaintext_after_starttls);
  EXPECT_EQ(greeting->error().raw, "* OK [ALERT] injected\r\n");
  EXPECT_FALSE(client.connection().is_open());
  auto& events = transcript.events();
  ASSERT_GE(events.size(), 3u);
  EXPECT_EQ(events[events.size() - 3].bytes, "* OK [ALERT] injected\r\n");
  EXPECT_EQ(events[events.size() - 2].meta, MetaEvent::closed);
  EXPECT_EQ(events.back().meta, MetaEvent::error);
}

TEST_F(ImapConnectionTest, VerificationRejectsAnUntrustedCertificate) {
  auto endpoint = server.endpoint(TlsMode::implicit);
  endpoint.verify_peer = true;
  endpoint.server_name = "localhost";
  std::optional<read_result<void>> connected;
  test::run_both(
      io,
      [&]() -> awaitable<void> { co_await handshake_as_server(co_await server.accept()); }(),
      [&]() -> awaitable<void> { connected = co_await client.connect(endpoint, deadline_after(5s)); }());
  ASSERT_TRUE(connected && !*connected);
  EXPECT_EQ(connected->error().code, net_error::tls_failed);
  EXPECT_NE(client.connection().last_system_error().message().find("certificate verify failed"),
            std::string::npos)
      << client.connection().last_system_error().message();
  auto& events = transcript.events();
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(events[events.size() - 2].meta, MetaEvent::error);
  EXPECT_EQ(events.back().meta, MetaEvent::closed);
  EXPECT_FALSE(client.connection().is_open());
}

// Verification on: succeeds for the certificate's name once trusted, fails for another name.
class TrustedCertificateTest : public ImapConnectionTest,
                               public ::testing::WithParamInterface<const char*> {};

TEST_P(TrustedCertificateTest, VerifiesTheName) {
  auto client_tls = make_client_tls_context();
  certificate.trust_in(*client_tls);
  ImapConnection verifying(io.get_executor(), {.id = "C2", .tls_context = client_tls});
  auto endpoint = server.endpoint(TlsMode::implicit);
  endpoint.verify_peer = true;
  endpoint.server_name = GetParam();
  std::optional<read_result<void>> connected;
  test::run_both(
      io,
      [&]() -> awaitable<void> { co_await handshake_as_server(co_await server.accept()); }(),
      [&]() -> awaitable<void> {
        connected = co_await verifying.connect(endpoint, deadline_after(5s));
      }());
  ASSERT_TRUE(connected);
  bool name_matches = std::string(GetParam()) == "localhost";
  EXPECT_EQ(connected->has_value(), name_matches);
  if (!name_matches) {
    EXPECT_EQ(connected->error().code, net_error::tls_failed);
  }
}

INSTANTIATE_TEST_SUITE_P(Names, TrustedCertificateTest,
                         ::testing::Values("localhost", "other.example"));

TEST_F(ImapConnectionTest, TlsHandshakeAgainstASilentServerTimesOut) {
  std::optional<read_result<void>> connected;
  Clock::duration took{};
  test::run_both(
      io,
      [&]() -> awaitable<void> {
        PlainSession silent(co_await server.accept());
        co_await silent.read_until_eof();  // never answers the ClientHello
      }(),
      [&]() -> awaitable<void> {
        auto started = Clock::now();
        connected = co_await client.connect(server.endpoint(TlsMode::implicit),
                                            deadline_after(100ms));
        took = Clock::now() - started;
        client.close();
      }());
  ASSERT_TRUE(connected && !*connected);
  EXPECT_EQ(connected->error().code, net_error::timeout);
  EXPECT_LT(took, 2s);
}

TEST_F(ImapConnectionTest, PeerClosingTlsWithoutCloseNotifyIsEof) {
  std::optional<read_result<imap::Response>> greeting, next;
  test::run_both(
      io,
      [&]() -> awaitable<void> {
        TlsSession tls = co_await handshake_as_server(co_await server.accept());
        co_await tls.send("* BYE not today\r\n");
        tls.socket().next_layer().close();  // TCP close, no close_notify
      }(),
      [&]() -> awaitable<void> {
        greeting = co_await client.open(server.endpoint(TlsMode::implicit), deadline_after(5s));
        next = co_await client.read_response(deadline_after(5s));
      }());
  ASSERT_TRUE(greeting && *greeting);
  EXPECT_EQ((*greeting)->status, imap::Status::bye);
  ASSERT_TRUE(next && !*next);
  EXPECT_EQ(next->error().code, net_error::eof);
}

// Load scenarios run hundreds of clients on one io_context and one thread.
TEST_F(ImapConnectionTest, HundredsOfClientsShareOneIoContext) {
  constexpr int clients = 200;
  int served = 0;
  int answered = 0;
  auto serve = [&](tcp::socket socket) -> awaitable<void> {
    PlainSession session(std::move(socket));
    co_await session.send("* OK ready\r\n");
    std::string command = co_await session.read_line();
    co_await session.send(command.substr(0, command.find(' ')) + " OK done\r\n");
    ++served;
  };
  auto accept_all = [&]() -> awaitable<void> {
    for (int i = 0; i < clients; ++i) {
      boost::asio::co_spawn(io, serve(co_await server.accept()), boost::asio::detached);
    }
  };
  auto one_client = [&](int number) -> awaitable<void> {
    ImapConnection c(io.get_executor(), {.id = "C" + std::to_string(number),
                                         .transcript = &transcript});
    auto greeting = co_await c.open(server.endpoint(), deadline_after(20s));
    std::string tag = "t" + std::to_string(number);
    co_await c.write(tag + " NOOP\r\n", deadline_after(20s));
    auto done = co_await c.read_response(deadline_after(20s));
    if (greeting && done && (*done).is_tagged(tag)) ++answered;
  };
  auto all_clients = [&]() -> awaitable<void> {
    for (int i = 1; i <= clients; ++i) {
      boost::asio::co_spawn(io, one_client(i), boost::asio::detached);
    }
    co_return;
  };
  auto started = Clock::now();
  test::run_both(io, accept_all(), all_clients());
  auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
  EXPECT_EQ(answered, clients);
  EXPECT_EQ(served, clients);
  // Each client's events stay together and in order among 200 interleaved clients.
  auto last = transcript.events_of("C200");
  ASSERT_EQ(last.size(), 4u);
  EXPECT_EQ(last[0].meta, MetaEvent::connected);
  EXPECT_EQ(last[1].bytes, "* OK ready\r\n");
  EXPECT_EQ(last[2].bytes, "t200 NOOP\r\n");
  EXPECT_EQ(last[3].bytes, "t200 OK done\r\n");
  RecordProperty("clients", clients);
  RecordProperty("milliseconds", static_cast<int>(took.count()));
}

}  // namespace
}  // namespace referee::net
