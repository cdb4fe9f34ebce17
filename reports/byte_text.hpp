#pragma once
// JSON strings must be UTF-8, but servers send any bytes (literals, broken 8-bit headers,
// hostile garbage). Transcripts therefore carry readable text plus, when that text is not the
// exact bytes, the bytes themselves in base64.

#include <string>
#include <string_view>

namespace referee::reports {

// RFC 3629 well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// The bytes with every ill-formed sequence replaced by U+FFFD, one per maximal invalid
// subpart (the Unicode "substitution of maximal subparts" practice).
std::string to_valid_utf8(std::string_view bytes);

// RFC 4648 §4 base64 with padding.
std::string base64_encode(std::string_view bytes);

}  // namespace referee::reports
