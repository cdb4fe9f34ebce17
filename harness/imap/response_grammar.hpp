#pragma once
// Parses one complete, framed response (RFC 3501 §9 greeting / continue-req /
// response-data / response-tagged) into a Response. Internal to the imap layer:
// ResponseParser frames the bytes and calls this.

#include <string_view>

#include "harness/imap/parser_limits.hpp"
#include "harness/imap/response.hpp"
#include "harness/imap/value_reader.hpp"

namespace referee::imap {

// `raw` is the whole response, literals included, ending in CRLF. On failure `error`
// holds the code, a message and the offset within `raw`.
bool parse_response(std::string_view raw, const ParserLimits& limits, Response& out, SyntaxError& error);

// Fills code (name, untouched text, args when they parse) from the bytes between "[" and "]".
// False when the code has no name.
bool parse_response_code(std::string_view code_bytes, const ParserLimits& limits, ResponseCode& out);

}  // namespace referee::imap
