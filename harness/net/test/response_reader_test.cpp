#include "harness/net/response_reader.hpp"

#include <chrono>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>

#include "harness/net/test/test_server.hpp"

namespace referee::net {
namespace {

using namespace std::chrono_literals;
using boost::asio::awaitable;
using test::ServerSession;
using Session = ServerSession<boost::asio::ip::tcp::socket>;

class ResponseReaderTest : public ::testing::Test {
 protected:
  // Runs `script` as the server; the client connects, then reads `count` responses (or until
  // the first failure) into `responses` / `failure`.
  void run(std::function<awaitable<void>(Session&)> script, int count,
           Clock::duration read_deadline = 5s) {
    test::run_both(
        io,
        [&]() -> awaitable<void> {
          Session session(co_await server.accept());
          co_await script(session);
        }(),
        [&]() -> awaitable<void> {
          EXPECT_TRUE(co_await connection.connect(server.endpoint(), deadline_after(5s)));
          for (int i = 0; i < count; ++i) {
            auto response = co_await reader.read_response(deadline_after(read_deadline));
            if (!response) {
              failure = response.error();
              break;
            }
            responses.push_back(std::move(*response));
          }
          connection.close();
        }());
  }

  std::vector<TranscriptEvent> received_events() const {
    std::vector<TranscriptEvent> received;
    for (const auto& event : transcript.events()) {
      if (event.direction == Direction::server_to_client) received.push_back(event);
    }
    return received;
  }

  boost::asio::io_context io;
  test::TestServer server{io};
  Transcript transcript;
  Connection connection{io.get_executor(), {.id = "C1", .transcript = &transcript}};
  ResponseReader reader{connection};
  std::vector<imap::Response> responses;
  std::optional<ReadFailure> failure;
};

TEST_F(ResponseReaderTest, ReadsTheGreeting) {
  reader.expect_greeting(true);
  run([](Session& s) -> awaitable<void> { co_await s.send("* OK [CAPABILITY IMAP4rev1] hi\r\n"); },
      1);
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_EQ(responses[0].status, imap::Status::ok);
  ASSERT_TRUE(responses[0].code);
  EXPECT_EQ(responses[0].code->name, "CAPABILITY");
  EXPECT_EQ(responses[0].raw, "* OK [CAPABILITY IMAP4rev1] hi\r\n");
}

TEST_F(ResponseReaderTest, CommandAndResponseRoundTrip) {
  std::string server_got;
  test::run_both(
      io,
      [&]() -> awaitable<void> {
        Session session(co_await server.accept());
        co_await session.send("* OK ready\r\n");
        server_got = co_await session.read_line();
        co_await session.send("* CAPABILITY IMAP4rev1 MAILBOX-REFERRALS\r\na1 OK done\r\n");
      }(),
      [&]() -> awaitable<void> {
        co_await connection.connect(server.endpoint(), deadline_after(5s));
        for (int i = 0; i < 3; ++i) {
          if (i == 1) co_await connection.write("a1 CAPABILITY\r\n", deadline_after(5s));
          auto response = co_await reader.read_response(deadline_after(5s));
          EXPECT_TRUE(response);
          if (response) responses.push_back(*response);
        }
      }());
  EXPECT_EQ(server_got, "a1 CAPABILITY\r\n");
  ASSERT_EQ(responses.size(), 3u);
  EXPECT_TRUE(responses[1].is_untagged("CAPABILITY"));
  EXPECT_TRUE(responses[2].is_tagged("a1"));
  // Transcript: connected, greeting, command, then one event per response, in order.
  auto& events = transcript.events();
  ASSERT_EQ(events.size(), 5u);
  EXPECT_EQ(events[1].bytes, "* OK ready\r\n");
  EXPECT_EQ(events[2].direction, Direction::client_to_server);
  EXPECT_EQ(events[3].bytes, "* CAPABILITY IMAP4rev1 MAILBOX-REFERRALS\r\n");
  EXPECT_EQ(events[4].bytes, "a1 OK done\r\n");
}

TEST_F(ResponseReaderTest, ResponseSplitAcrossManyWritesByteByByte) {
  const std::string sent = "* 1 FETCH (BODY[] {12}\r\nhello\r\nworld FLAGS (\\Seen))\r\n";
  run([&](Session& s) -> awaitable<void> { co_await s.send_byte_by_byte(sent); }, 1);
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_EQ(responses[0].raw, sent);
  EXPECT_GT(connection.stats().reads, 1u);  // really arrived in pieces
  auto received = received_events();
  ASSERT_EQ(received.size(), 1u);  // one event, not one per read
  EXPECT_EQ(received[0].bytes, sent);
}

TEST_F(ResponseReaderTest, OneMebibyteLiteralStaysWhole) {
  const std::string body(1024 * 1024, 'x');
  const std::string sent = "* 1 FETCH (BODY[] {" + std::to_string(body.size()) + "}\r\n" + body +
                           ")\r\n* 2 EXISTS\r\n";
  run([&](Session& s) -> awaitable<void> { co_await s.send(sent); }, 2);
  ASSERT_EQ(responses.size(), 2u);
  ASSERT_EQ(responses[0].data.size(), 1u);
  ASSERT_TRUE(responses[0].data[0].is_list());
  EXPECT_EQ(responses[0].data[0].items.at(1).text, body);
  EXPECT_EQ(responses[1].number, 2u);
  auto received = received_events();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received[0].bytes.size(), sent.size() - std::string("* 2 EXISTS\r\n").size());
  EXPECT_EQ(connection.stats().bytes_received, sent.size());
}

TEST_F(ResponseReaderTest, EofMidResponseCarriesTheTruncatedBytes) {
  run([](Session& s) -> awaitable<void> {
        co_await s.send("* OK hi\r\n* 1 FETCH (BODY[] {10}\r\nabc");
        s.socket().close();
      },
      2);
  ASSERT_EQ(responses.size(), 1u);
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->code, net_error::eof_mid_response);
  EXPECT_EQ(failure->raw, "* 1 FETCH (BODY[] {10}\r\nabc");
  // The truncated bytes are in the transcript before the close they preceded.
  auto& events = transcript.events();
  ASSERT_GE(events.size(), 4u);
  EXPECT_EQ(events[2].bytes, "* 1 FETCH (BODY[] {10}\r\nabc");
  EXPECT_EQ(events[3].meta, MetaEvent::peer_closed);
}

TEST_F(ResponseReaderTest, EofAtAResponseBoundaryIsPlainEof) {
  run([](Session& s) -> awaitable<void> {
        co_await s.send("* BYE bye\r\n");
        s.socket().close();
      },
      2);
  ASSERT_EQ(responses.size(), 1u);
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->code, net_error::eof);
  EXPECT_TRUE(failure->raw.empty());
}

TEST_F(ResponseReaderTest, GarbageIsATypedParseFailureWithTheBytes) {
  run([](Session& s) -> awaitable<void> {
        co_await s.send("* OK hi\r\nHTTP/1.1 400 Bad Request\r\n* 3 EXISTS\r\n");
      },
      3);
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->code, net_error::garbage);
  ASSERT_TRUE(failure->parse);
  EXPECT_EQ(failure->parse->raw, "HTTP/1.1 400 Bad Request\r\n");
  EXPECT_EQ(failure->raw, "HTTP/1.1 400 Bad Request\r\n");
  EXPECT_NE(failure->describe().find(failure->parse->message), std::string::npos);
  // Garbage recorded as received; what followed it is recorded at close, unread.
  auto received = received_events();
  ASSERT_GE(received.size(), 2u);
  EXPECT_EQ(received[1].bytes, "HTTP/1.1 400 Bad Request\r\n");
}

TEST_F(ResponseReaderTest, ReadingContinuesAfterGarbage) {
  std::vector<bool> outcomes;
  test::run_both(
      io,
      [&]() -> awaitable<void> {
        Session session(co_await server.accept());
        co_await session.send("garbage(\r\n* 3 EXISTS\r\n");
      }(),
      [&]() -> awaitable<void> {
        co_await connection.connect(server.endpoint(), deadline_after(5s));
        for (int i = 0; i < 2; ++i) {
          auto response = co_await reader.read_response(deadline_after(5s));
          outcomes.push_back(response.has_value());
          if (response) responses.push_back(*response);
        }
      }());
  EXPECT_EQ(outcomes, (std::vector<bool>{false, true}));
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_EQ(responses[0].number, 3u);
}

TEST_F(ResponseReaderTest, TimeoutKeepsPartialBytesForTheNextRead) {
  std::vector<std::string> outcomes;
  test::run_both(
      io,
      [&]() -> awaitable<void> {
        Session session(co_await server.accept());
        co_await session.send("* 4 EXI");
        co_await session.read_line();  // the client says it timed out
        co_await session.send("STS\r\n");
      }(),
      [&]() -> awaitable<void> {
        co_await connection.connect(server.endpoint(), deadline_after(5s));
        auto first = co_await reader.read_response(deadline_after(50ms));
        outcomes.push_back(first ? "response" : first.error().code.message());
        EXPECT_EQ(reader.unparsed(), "* 4 EXI");
        co_await connection.write("timed out\r\n", deadline_after(5s));
        auto second = co_await reader.read_response(deadline_after(5s));
        outcomes.push_back(second ? second->raw : second.error().describe());
      }());
  EXPECT_EQ(outcomes, (std::vector<std::string>{"deadline passed", "* 4 EXISTS\r\n"}));
}

TEST_F(ResponseReaderTest, CloseRecordsBytesThatNeverFormedAResponse) {
  run([](Session& s) -> awaitable<void> {
        co_await s.send("* 4 EXI");
        co_await s.read_until_eof();
      },
      1, 50ms);
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->code, net_error::timeout);
  auto& events = transcript.events();
  ASSERT_EQ(events.size(), 4u);  // connected, timeout, the partial bytes, closed
  EXPECT_EQ(events[1].meta, MetaEvent::timeout);
  EXPECT_EQ(events[2].bytes, "* 4 EXI");
  EXPECT_EQ(events[3].meta, MetaEvent::closed);
}

TEST_F(ResponseReaderTest, ValueThrowsTheFailureAsSystemError) {
  read_result<imap::Response> failed =
      ReadFailure{make_error_code(net_error::reset), std::nullopt, {}};
  EXPECT_THROW(failed.value(), boost::system::system_error);
}

TEST(ReadFailureTest, DescribeAddsTheSystemDetailBehindTheOutcome) {
  ReadFailure failure{make_error_code(net_error::connect_failed), std::nullopt, {}};
  failure.detail = make_error_code(boost::system::errc::network_unreachable);
  EXPECT_EQ(failure.describe(), "could not connect (" + failure.detail.message() + ")");
  failure.detail = {};
  EXPECT_EQ(failure.describe(), "could not connect");
}

}  // namespace
}  // namespace referee::net
