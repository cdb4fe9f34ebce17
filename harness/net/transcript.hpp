#pragma once
// Transcript recording: every byte a client sends or receives, in order, with a monotonic
// timestamp, plus "meta" events (connected, TLS established, closed by peer, timeout, and
// what the client held back after the server's BYE).
//
// Granularity: one event per write for sent data; one event per parsed response for received
// data (a response and all its literals stay whole); garbage as it was received.
// Not thread-safe by design: a run drives all its connections from one io_context thread.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/net/deadline.hpp"

namespace referee::net {

enum class Direction { client_to_server, server_to_client, meta };

enum class MetaEvent {
  none,             // not a meta event
  connected,        // TCP established ("connected to 127.0.0.1:143")
  tls_established,  // TLS handshake done (protocol and cipher in the note)
  peer_closed,      // the server closed its sending side
  reset,            // the server reset the connection
  timeout,          // a deadline passed
  error,            // any other failure (connect refused, TLS failure, ...)
  closed,           // the client closed the connection
  left_out,         // responses of a flood not kept (the note says how many)
  after_bye,        // the server had said BYE: what the client did not send, what it saw since
};

// A secret inside the bytes of a write (a password in LOGIN, an AUTHENTICATE response):
// reports show the redacted copy instead.
struct RedactSpan {
  std::size_t offset = 0;
  std::size_t length = 0;
};

struct TranscriptEvent {
  std::chrono::microseconds at{};  // monotonic, since the run-wide epoch
  Direction direction = Direction::meta;
  MetaEvent meta = MetaEvent::none;
  std::string connection{};        // the engine's client name: "C1", "C2", "C1→beta"
  std::string bytes{};             // exact bytes on the wire; for meta events, a readable note
  std::optional<std::string> redacted{};  // `bytes` with secrets replaced, when any were marked

  // What a report may show: the redacted copy when there is one.
  std::string_view shown() const { return redacted ? std::string_view(*redacted) : bytes; }
};

// Where events go. The engine may collect all clients in one Transcript or give each its own.
class TranscriptSink {
 public:
  virtual ~TranscriptSink() = default;
  // The run-wide epoch event timestamps count from.
  virtual Clock::time_point epoch() const = 0;
  virtual void record(TranscriptEvent event) = 0;
};

// Append-only list of events.
class Transcript final : public TranscriptSink {
 public:
  explicit Transcript(Clock::time_point epoch = Clock::now()) : epoch_(epoch) {}

  Clock::time_point epoch() const override { return epoch_; }
  void record(TranscriptEvent event) override { events_.push_back(std::move(event)); }

  const std::vector<TranscriptEvent>& events() const { return events_; }
  // Hands the events over (the transcript is empty afterwards): a result keeps them without
  // copying every byte once more.
  std::vector<TranscriptEvent> take_events() { return std::exchange(events_, {}); }
  // The events of one connection, in order.
  std::vector<TranscriptEvent> events_of(std::string_view connection) const;

 private:
  Clock::time_point epoch_;
  std::vector<TranscriptEvent> events_;
};

// Replaces each span of `bytes` by "***" (not length-preserving: the length of a secret is a
// secret too). Spans must lie inside `bytes` and not overlap; violating that is a programming
// error (std::out_of_range).
std::string redact(std::string_view bytes, std::span<const RedactSpan> spans);

// Stamps and forwards the events of one connection. Without a sink it records nothing, which
// is what load scenarios with hundreds of clients want.
//
// Flood cap: a server may answer one command with a million responses. With a cap of N, a run
// of received responses (those between two other events of the connection) keeps its first N
// and its last N; the ones between are counted, not kept, and a meta event says how many were
// left out. The last N are held back until the run ends (the next sent or meta event, or
// flush()), then recorded in order with the times they arrived.
class TranscriptRecorder {
 public:
  TranscriptRecorder(TranscriptSink* sink, std::string connection)
      : sink_(sink), connection_(std::move(connection)) {}

  void sent(std::string_view bytes, std::span<const RedactSpan> secrets = {});
  void received(std::string_view bytes);
  void meta(MetaEvent kind, std::string note);
  // Records the held-back responses of the current run now.
  void flush();

  // 0 (the default) keeps every response.
  void set_flood_cap(std::size_t keep_each_end) { flood_cap_ = keep_each_end; }
  // True when the last received response was held back (it is not the sink's last event).
  bool holding() const { return !held_.empty(); }
  // Responses left out of this connection's transcript so far.
  std::uint64_t left_out_total() const { return left_out_total_; }

  const std::string& connection() const { return connection_; }
  bool enabled() const { return sink_ != nullptr; }

 private:
  struct HeldResponse {
    std::string bytes;
    Clock::time_point at;
  };
  void record(Direction direction, MetaEvent kind, std::string bytes,
              std::optional<std::string> redacted, Clock::time_point at = Clock::now());
  void end_run();

  TranscriptSink* sink_;
  std::string connection_;
  std::size_t flood_cap_ = 0;
  std::size_t run_length_ = 0;       // responses received since the last other event
  std::deque<HeldResponse> held_;    // the last flood_cap_ of them, beyond the first flood_cap_
  std::uint64_t left_out_ = 0;       // dropped from the current run
  std::uint64_t left_out_total_ = 0;
};

std::string_view to_string(Direction direction);
std::string_view to_string(MetaEvent kind);

}  // namespace referee::net
