#include "harness/net/transcript.hpp"

#include <algorithm>
#include <iterator>
#include <stdexcept>
#include <vector>

namespace referee::net {

std::vector<TranscriptEvent> Transcript::events_of(std::string_view connection) const {
  std::vector<TranscriptEvent> selected;
  std::copy_if(events_.begin(), events_.end(), std::back_inserter(selected),
               [&](const TranscriptEvent& event) { return event.connection == connection; });
  return selected;
}

std::string redact(std::string_view bytes, std::span<const RedactSpan> spans) {
  std::vector<RedactSpan> ordered(spans.begin(), spans.end());
  std::sort(ordered.begin(), ordered.end(),
            [](const RedactSpan& a, const RedactSpan& b) { return a.offset < b.offset; });
  std::string out;
  std::size_t copied = 0;  // bytes of `bytes` already handled
  for (const RedactSpan& span : ordered) {
    if (span.offset < copied || span.length > bytes.size() ||
        span.offset > bytes.size() - span.length) {
      throw std::out_of_range("redact: span outside the bytes or overlapping another");
    }
    out.append(bytes.substr(copied, span.offset - copied));
    out.append("***");
    copied = span.offset + span.length;
  }
  out.append(bytes.substr(copied));
  return out;
}

void TranscriptRecorder::sent(std::string_view bytes, std::span<const RedactSpan> secrets) {
  if (!sink_) return;
  end_run();
  std::optional<std::string> redacted;
  if (!secrets.empty()) redacted = redact(bytes, secrets);
  record(Direction::client_to_server, MetaEvent::none, std::string(bytes), std::move(redacted));
}

void TranscriptRecorder::received(std::string_view bytes) {
  if (!sink_) return;
  ++run_length_;
  if (flood_cap_ == 0 || run_length_ <= flood_cap_) {
    record(Direction::server_to_client, MetaEvent::none, std::string(bytes), std::nullopt);
    return;
  }
  if (held_.size() == flood_cap_) {
    // Reuse the oldest entry's storage: a flood costs no allocation per response.
    HeldResponse oldest = std::move(held_.front());
    held_.pop_front();
    ++left_out_;
    oldest.bytes.assign(bytes);
    oldest.at = Clock::now();
    held_.push_back(std::move(oldest));
    return;
  }
  held_.push_back(HeldResponse{std::string(bytes), Clock::now()});
}

void TranscriptRecorder::meta(MetaEvent kind, std::string note) {
  if (!sink_) return;
  end_run();
  record(Direction::meta, kind, std::move(note), std::nullopt);
}

void TranscriptRecorder::flush() {
  if (!sink_) return;
  end_run();
}

void TranscriptRecorder::end_run() {
  run_length_ = 0;
  if (held_.empty()) return;
  if (left_out_ > 0) {
    left_out_total_ += left_out_;
    record(Direction::meta, MetaEvent::left_out,
           std::to_string(left_out_) + " responses left out of the transcript (flood: the first " +
               std::to_string(flood_cap_) + " and the last " + std::to_string(held_.size()) +
               " are kept)",
           std::nullopt, held_.front().at);
    left_out_ = 0;
  }
  for (auto& response : held_) {
    record(Direction::server_to_client, MetaEvent::none, std::move(response.bytes), std::nullopt,
           response.at);
  }
  held_.clear();
}

void TranscriptRecorder::record(Direction direction, MetaEvent kind, std::string bytes,
                                std::optional<std::string> redacted, Clock::time_point at) {
  auto since_epoch = at - sink_->epoch();
  sink_->record(TranscriptEvent{
      .at = std::chrono::duration_cast<std::chrono::microseconds>(since_epoch),
      .direction = direction,
      .meta = kind,
      .connection = connection_,
      .bytes = std::move(bytes),
      .redacted = std::move(redacted),
  });
}

std::string_view to_string(Direction direction) {
  switch (direction) {
    case Direction::client_to_server: return "C";
    case Direction::server_to_client: return "S";
    case Direction::meta: return "meta";
  }
  return "unknown";
}

std::string_view to_string(MetaEvent kind) {
  switch (kind) {
    case MetaEvent::none: return "none";
    case MetaEvent::connected: return "connected";
    case MetaEvent::tls_established: return "tls-established";
    case MetaEvent::peer_closed: return "peer-closed";
    case MetaEvent::reset: return "reset";
    case MetaEvent::timeout: return "timeout";
    case MetaEvent::error: return "error";
    case MetaEvent::closed: return "closed";
    case MetaEvent::left_out: return "left-out";
    case MetaEvent::after_bye: return "after-bye";
  }
  return "unknown";
}

}  // namespace referee::net
