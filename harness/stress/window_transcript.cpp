#include "harness/stress/window_transcript.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace referee::stress {
namespace {

constexpr std::size_t kMaxShown = 400;

std::string printable(std::string_view bytes) {
  while (bytes.ends_with("\r\n")) bytes.remove_suffix(2);
  std::string text;
  for (std::size_t i = 0; i < bytes.size() && i < kMaxShown; ++i) {
    auto byte = static_cast<unsigned char>(bytes[i]);
    if (byte == '\r') {
      text += "\\r";
    } else if (byte == '\n') {
      text += "\\n";
    } else if (byte < 0x20 || byte == 0x7f) {
      text += fmt::format("\\x{:02x}", byte);
    } else {
      text += static_cast<char>(byte);
    }
  }
  if (bytes.size() > kMaxShown) text += fmt::format("… ({} bytes)", bytes.size());
  return text;
}

}  // namespace

std::string transcript_line(const net::TranscriptEvent& event) {
  return fmt::format("+{}us {} {} {}", event.at.count(), event.connection,
                     net::to_string(event.direction), printable(event.shown()));
}

void WindowTranscript::record(net::TranscriptEvent event) {
  auto& ring = rings_[event.connection];
  if (ring.size() == per_client_) ring.pop_front();
  ring.push_back(std::move(event));
}

std::vector<std::string> WindowTranscript::lines(const std::string& client) const {
  std::vector<std::string> lines;
  auto ring = rings_.find(client);
  if (ring == rings_.end()) return lines;
  for (const auto& event : ring->second) lines.push_back(transcript_line(event));
  return lines;
}

std::vector<std::string> WindowTranscript::window() const {
  std::vector<const net::TranscriptEvent*> all;
  for (const auto& [client, ring] : rings_) {
    for (const auto& event : ring) all.push_back(&event);
  }
  std::stable_sort(all.begin(), all.end(), [](const net::TranscriptEvent* a, const net::TranscriptEvent* b) {
    return a->at < b->at;
  });
  std::vector<std::string> lines;
  for (const auto* event : all) lines.push_back(transcript_line(*event));
  return lines;
}

}  // namespace referee::stress
