#pragma once
// Transcript events as text, for the terminal and for the per-scenario transcript files:
//
//   +0.000250 C1 alpha S: * OK [REFERRAL imap://bob;AUTH=*@beta/] try there
//   +0.000310 C1 alpha C: a2 LOGIN bob ***
//
// One text line per CRLF-terminated line of the event (a response with literals spans
// several); control bytes, and bytes of text that is not UTF-8, are shown as \xHH.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "harness/engine/result.hpp"

namespace referee::reports {

// The event's bytes made printable, split at CRLF (a final CRLF adds no empty line).
std::vector<std::string> printable_lines(std::string_view bytes);

// "+0.000250 C1 alpha S: ..." with continuation lines indented under the first.
std::string format_event(const engine::TranscriptLine& line);

// The last `count` events of `client` (all clients when empty), formatted.
std::vector<std::string> last_events(const engine::ScenarioResult& scenario,
                                     std::string_view client, std::size_t count);

// The whole transcript file of one scenario: a header naming it, then every event.
std::string transcript_file_text(const engine::ScenarioResult& scenario);

// "rfc2193-4.1-select-remote-mailbox.log" (".r2.log" for the third repetition): ids hold '/'.
std::string transcript_file_name(const engine::ScenarioResult& scenario);

}  // namespace referee::reports
