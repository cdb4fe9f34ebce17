#include "harness/net/transcript.hpp"

#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

namespace referee::net {
namespace {

TEST(Redact, ReplacesEachSpanAndKeepsTheRest) {
  std::vector<RedactSpan> spans{{19, 6}, {13, 5}};  // out of order on purpose
  EXPECT_EQ(redact("a1 LOGIN bob alice secret\r\n", spans), "a1 LOGIN bob *** ***\r\n");
  EXPECT_EQ(redact("secret", std::vector<RedactSpan>{{0, 6}}), "***");
  EXPECT_EQ(redact("nothing", {}), "nothing");
}

TEST(Redact, SpanOutsideTheBytesIsAProgrammingError) {
  EXPECT_THROW(redact("abc", std::vector<RedactSpan>{{2, 2}}), std::out_of_range);
  EXPECT_THROW(redact("abcdef", std::vector<RedactSpan>{{0, 3}, {2, 2}}), std::out_of_range);
  EXPECT_THROW(redact("abc", std::vector<RedactSpan>{{1, SIZE_MAX}}), std::out_of_range);
}

TEST(TranscriptRecorder, StampsDirectionConnectionAndMonotonicTime) {
  Transcript transcript;
  TranscriptRecorder c1(&transcript, "C1");
  TranscriptRecorder beta(&transcript, "C1→beta");
  c1.meta(MetaEvent::connected, "connected to 127.0.0.1:143");
  c1.received("* OK hi\r\n");
  beta.sent("b1 NOOP\r\n");
  std::vector<RedactSpan> password{{13, 6}};
  c1.sent("a1 LOGIN bob secret\r\n", password);

  const auto& events = transcript.events();
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].direction, Direction::meta);
  EXPECT_EQ(events[0].meta, MetaEvent::connected);
  EXPECT_EQ(events[1].direction, Direction::server_to_client);
  EXPECT_EQ(events[1].bytes, "* OK hi\r\n");
  EXPECT_FALSE(events[1].redacted);
  EXPECT_EQ(events[2].connection, "C1→beta");
  EXPECT_EQ(events[3].direction, Direction::client_to_server);
  EXPECT_EQ(events[3].bytes, "a1 LOGIN bob secret\r\n");  // the wire, for the engine only
  EXPECT_EQ(events[3].shown(), "a1 LOGIN bob ***\r\n");     // what reports show
  for (std::size_t i = 1; i < events.size(); ++i) EXPECT_LE(events[i - 1].at, events[i].at);

  auto only_c1 = transcript.events_of("C1");
  ASSERT_EQ(only_c1.size(), 3u);
  EXPECT_EQ(only_c1[2].bytes, "a1 LOGIN bob secret\r\n");
}

TEST(TranscriptRecorder, TimestampsCountFromTheSinksEpoch) {
  auto epoch = Clock::now() - std::chrono::seconds(2);
  Transcript transcript(epoch);
  TranscriptRecorder(&transcript, "C1").received("x");
  EXPECT_GE(transcript.events().at(0).at, std::chrono::seconds(2));
  EXPECT_LT(transcript.events().at(0).at, std::chrono::seconds(60));
}

TEST(TranscriptRecorder, WithoutSinkRecordsNothing) {
  TranscriptRecorder silent(nullptr, "C9");
  EXPECT_FALSE(silent.enabled());
  silent.sent("a NOOP\r\n");  // must not crash
  silent.meta(MetaEvent::timeout, "nothing");
  EXPECT_EQ(silent.connection(), "C9");
}

// A flood keeps its first and last N responses, counts the rest, and records the held-back
// ones (with the times they arrived) before the connection's next event.
TEST(TranscriptRecorder, FloodKeepsFirstAndLastAndCountsTheRest) {
  Transcript transcript;
  TranscriptRecorder recorder(&transcript, "C1");
  recorder.set_flood_cap(2);
  recorder.sent("A1 NOOP\r\n");
  for (int i = 1; i <= 7; ++i) {
    recorder.received("* " + std::to_string(i) + " EXISTS\r\n");
    EXPECT_EQ(recorder.holding(), i > 2) << i;
  }
  EXPECT_EQ(transcript.events().size(), 3u);  // the command and the first two
  recorder.sent("A2 NOOP\r\n");             // ends the run: the held ones go first
  std::vector<std::string> bytes;
  for (const auto& event : transcript.events()) bytes.push_back(event.bytes);
  EXPECT_EQ(bytes, (std::vector<std::string>{
                       "A1 NOOP\r\n", "* 1 EXISTS\r\n", "* 2 EXISTS\r\n",
                       "3 responses left out of the transcript (flood: the first 2 and the last "
                       "2 are kept)",
                       "* 6 EXISTS\r\n", "* 7 EXISTS\r\n", "A2 NOOP\r\n"}));
  EXPECT_EQ(transcript.events()[3].meta, MetaEvent::left_out);
  EXPECT_LE(transcript.events()[4].at, transcript.events()[6].at);
  EXPECT_EQ(recorder.left_out_total(), 3u);
  // A new run starts counting again.
  recorder.received("* 8 EXISTS\r\n");
  EXPECT_FALSE(recorder.holding());
}

TEST(TranscriptNames, AreStable) {
  EXPECT_EQ(to_string(Direction::client_to_server), "C");
  EXPECT_EQ(to_string(Direction::server_to_client), "S");
  EXPECT_EQ(to_string(MetaEvent::peer_closed), "peer-closed");
  EXPECT_EQ(to_string(MetaEvent::tls_established), "tls-established");
}

}  // namespace
}  // namespace referee::net
