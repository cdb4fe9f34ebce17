#pragma once
// The transcript of a stress run, kept as a window: the last `per_client` events of every
// client, in a ring each, so a run of millions of commands needs bounded memory and a
// violation can still show what every client did just before it.

#include <cstddef>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "harness/net/transcript.hpp"

namespace referee::stress {

class WindowTranscript final : public net::TranscriptSink {
 public:
  explicit WindowTranscript(std::size_t per_client, net::Clock::time_point epoch = net::Clock::now())
      : per_client_(per_client), epoch_(epoch) {}

  net::Clock::time_point epoch() const override { return epoch_; }
  void record(net::TranscriptEvent event) override;

  // One client's events, oldest first, one line each ("+1234us C3 send a17 NOOP").
  std::vector<std::string> lines(const std::string& client) const;
  // Every client's events merged by time, oldest first.
  std::vector<std::string> window() const;

 private:
  // Events are kept as recorded and formatted only when a window is asked for: most are
  // dropped unseen, and formatting every one would cost more than the checker.
  std::size_t per_client_;
  net::Clock::time_point epoch_;
  std::map<std::string, std::deque<net::TranscriptEvent>> rings_;
};

// "+1234us C3 recv * 4 EXISTS": CRLF shown as nothing at the end and as "\r\n" inside,
// control bytes escaped, long events cut at 400 bytes.
std::string transcript_line(const net::TranscriptEvent& event);

}  // namespace referee::stress
