#pragma once
// Resumable IMAP response parser: feed the bytes received, then take complete responses.
//
//   ResponseParser parser;
//   parser.feed(bytes);
//   Response response; ParseFailure failure;
//   while (true) {
//     auto state = parser.next(response, failure);
//     if (state == ResponseParser::State::need_more) break;      // read more, feed again
//     if (state == ResponseParser::State::error) report(failure); // then keep going
//     else handle(response);
//   }
//
// How it works: bytes are appended once to one buffer. A framer finds where the next
// response ends (memchr for LF; a line of untagged data ending in "{n}" CRLF announces n
// literal bytes, skipped without scanning) and remembers how far it got, so feeding more
// never rescans. Only a complete response is then parsed, in one pass, into `out`.
//
// Errors and resync (so the harness can report a broken server and go on):
// - A response that does not parse: the whole framed response (up to and including the CRLF
//   that ends it) is dropped and returned as a ParseFailure; the next call starts after it.
// - bare_lf, empty_line: that line is dropped up to and including its LF.
// - line_too_long: reported as soon as max_line bytes are held without LF; ParseFailure::raw
//   is the response up to the limit, and every byte up to the next LF is dropped as it
//   arrives (bounded memory). The lines that follow are parsed as new responses.
// - bad_literal when "{n}" has a size too big for 64 bits: the line is dropped; the bytes
//   that follow are parsed as new responses (the literal's length is unknown).
// - literal_too_large / response_too_large: reported as soon as "{n}" CRLF is seen; the n
//   literal bytes and the rest of that response are then dropped as they arrive, without
//   further reports, and parsing resumes at the next response.
// Offsets in a ParseFailure are byte offsets within ParseFailure::raw.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "harness/imap/parse_error.hpp"
#include "harness/imap/parser_limits.hpp"
#include "harness/imap/response.hpp"

namespace referee::imap {

class ResponseParser {
 public:
  explicit ResponseParser(ParserLimits limits = {});

  // Appends received bytes (copied once into the parser's buffer).
  void feed(std::string_view bytes);

  enum class State { need_more, response, error };
  // Parses the next complete response, if any: `out` on State::response, `failure` on
  // State::error. need_more leaves both untouched.
  State next(Response& out, ParseFailure& failure);

  // Bytes held, not yet returned as a response or failure.
  std::size_t buffered() const;
  // The first response is a greeting (OK/PREAUTH/BYE); anything else is bad_greeting.
  void expect_greeting(bool expected);

 private:
  enum class Framing { complete, need_more, failed };
  // What kinds of bytes the response being framed may contain.
  enum class Shape { unknown, single_line, may_have_literals };
  // How to find the start of the next response after a framing failure.
  enum class Resync { drop_line, drop_to_line_end, drop_literal_and_response };
  struct FramingFailure {
    parse_error code{};
    std::string message;
    std::size_t offset = 0;         // within the response being framed
    std::size_t drop_bytes = 0;     // held bytes that belong to the failed response
    Resync resync = Resync::drop_line;
    std::uint64_t literal_bytes = 0;  // for drop_literal_and_response
  };

  Framing frame(std::size_t& response_end, FramingFailure& failure);
  Framing frame_literal_header(std::size_t line_end, FramingFailure& failure);
  Framing fail_line(parse_error code, std::string message, std::size_t offset, std::size_t drop_bytes,
                    FramingFailure& failure);
  Framing fail_long_line(std::size_t limit_end, FramingFailure& failure);
  // Applies the failure's resync; false when the failure is not to be reported (it happened
  // inside a response already reported).
  bool resync_after(const FramingFailure& framing_failure, ParseFailure& failure);
  State parse_framed(std::size_t response_end, Response& out, ParseFailure& failure);
  bool discard_pending_bytes();
  void consume(std::size_t bytes);
  void reset_framing();
  std::string_view held() const;

  ParserLimits limits_;
  std::string buffer_;
  std::size_t start_ = 0;  // first byte not yet returned; offsets below are relative to it
  // Framing state of the response starting at start_.
  std::size_t scanned_ = 0;        // bytes already searched for LF
  std::size_t line_start_ = 0;     // start of the current line (after the last literal)
  std::size_t line_bytes_ = 0;     // bytes of earlier lines of this response, literals excluded
  std::size_t literal_end_ = 0;    // end of the literal being skipped, when in_literal_
  bool in_literal_ = false;
  Shape shape_ = Shape::unknown;
  // Resync after a failure.
  std::uint64_t drop_literal_bytes_ = 0;  // announced literal bytes still to drop
  bool drop_to_line_end_ = false;       // drop bytes through the next LF
  bool drop_response_ = false;          // drop the response being framed when it completes
  bool expect_greeting_ = false;
};

}  // namespace referee::imap
