#include "harness/imap/response_parser.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "harness/imap/response_grammar.hpp"

namespace referee::imap {
namespace {

bool is_status_word(std::string_view word) {
  return iequals(word, "OK") || iequals(word, "NO") || iequals(word, "BAD") || iequals(word, "PREAUTH") ||
         iequals(word, "BYE");
}

// Only untagged data can carry literals: status responses (tagged or untagged) and
// continuation requests end with resp-text, where "{5}" is just text (RFC 3501 §9).
bool may_have_literals(std::string_view first_line) {
  if (first_line.size() < 2 || first_line[0] != '*' || first_line[1] != ' ') return false;
  const std::string_view rest = first_line.substr(2);
  const std::string_view word = rest.substr(0, rest.find_first_of(" [\r"));
  return !is_status_word(word);
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_greeting(const Response& response) {
  // RFC 3501 §9: greeting = "*" SP (resp-cond-auth / resp-cond-bye) CRLF
  return response.kind == ResponseKind::untagged &&
         (response.status == Status::ok || response.status == Status::preauth || response.status == Status::bye);
}

}  // namespace

ResponseParser::ResponseParser(ParserLimits limits) : limits_(limits) {}

void ResponseParser::feed(std::string_view bytes) {
  // Move the unparsed tail to the front only when it is at most half the buffer, so each
  // byte is moved a bounded number of times.
  if (start_ > 0 && start_ >= buffer_.size() / 2) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
  buffer_.append(bytes);
}

std::size_t ResponseParser::buffered() const { return buffer_.size() - start_; }

void ResponseParser::expect_greeting(bool expected) { expect_greeting_ = expected; }

std::string_view ResponseParser::held() const { return std::string_view(buffer_).substr(start_); }

void ResponseParser::consume(std::size_t bytes) {
  start_ += bytes;
  if (start_ == buffer_.size()) {
    buffer_.clear();
    start_ = 0;
  }
}

void ResponseParser::reset_framing() {
  scanned_ = line_start_ = line_bytes_ = literal_end_ = 0;
  in_literal_ = false;
  shape_ = Shape::unknown;
}

ResponseParser::State ResponseParser::next(Response& out, ParseFailure& failure) {
  while (discard_pending_bytes()) {
    std::size_t response_end = 0;
    FramingFailure framing_failure;
    const Framing framing = frame(response_end, framing_failure);
    if (framing == Framing::need_more) return State::need_more;
    if (framing == Framing::failed) {
      if (resync_after(framing_failure, failure)) return State::error;
    } else if (drop_response_) {
      consume(response_end);
      reset_framing();
      drop_response_ = false;
    } else {
      return parse_framed(response_end, out, failure);
    }
  }
  return State::need_more;
}

// Drops bytes a resync decided to skip; false while more of them are still to arrive.
bool ResponseParser::discard_pending_bytes() {
  if (drop_literal_bytes_ > 0) {
    const std::size_t dropped = static_cast<std::size_t>(std::min<std::uint64_t>(drop_literal_bytes_, buffered()));
    consume(dropped);
    drop_literal_bytes_ -= dropped;
    if (drop_literal_bytes_ > 0) return false;
  }
  if (drop_to_line_end_) {
    const std::string_view bytes = held();
    const void* found = std::memchr(bytes.data(), '\n', bytes.size());
    if (found == nullptr) {
      consume(bytes.size());
      return false;
    }
    consume(static_cast<const char*>(found) - bytes.data() + 1);
    drop_to_line_end_ = false;
  }
  return true;
}

// Finds the end of the response starting at start_, resuming where the last call stopped.
ResponseParser::Framing ResponseParser::frame(std::size_t& response_end, FramingFailure& failure) {
  const std::string_view bytes = held();
  while (true) {
    if (in_literal_) {
      if (bytes.size() < literal_end_) return Framing::need_more;
      in_literal_ = false;
      scanned_ = line_start_ = literal_end_;
    }
    const void* found = std::memchr(bytes.data() + scanned_, '\n', bytes.size() - scanned_);
    // First byte past max_line: the same cut whether the LF has arrived or not, so the
    // failure does not depend on how the bytes were split.
    const std::size_t limit_end = line_start_ + (limits_.max_line - line_bytes_);
    if (found == nullptr) {
      scanned_ = bytes.size();
      if (bytes.size() < limit_end) return Framing::need_more;
      return fail_long_line(limit_end, failure);
    }
    const std::size_t line_end = static_cast<std::size_t>(static_cast<const char*>(found) - bytes.data()) + 1;
    if (line_end > limit_end) return fail_long_line(limit_end, failure);
    line_bytes_ += line_end - line_start_;
    if (line_end - line_start_ < 2 || bytes[line_end - 2] != '\r') {
      return fail_line(parse_error::bare_lf, "line ends with LF without CR", line_end - 1, line_end, failure);
    }
    if (shape_ == Shape::unknown) {  // the first line of a response
      if (line_end == 2) return fail_line(parse_error::empty_line, "empty line", 0, line_end, failure);
      shape_ = may_have_literals(bytes.substr(0, line_end)) ? Shape::may_have_literals : Shape::single_line;
    }
    if (shape_ == Shape::may_have_literals && frame_literal_header(line_end, failure) == Framing::failed) {
      return Framing::failed;
    }
    if (in_literal_) continue;
    response_end = line_end;
    return Framing::complete;
  }
}

// RFC 3501 §9: literal = "{" number "}" CRLF *CHAR8 (and RFC 3516 literal8 = "~{" ...):
// a line of untagged data ending in "{n}" CRLF is followed by n bytes of the same response.
// A "{...}" that is not a valid size is left to the grammar, which reports it.
ResponseParser::Framing ResponseParser::frame_literal_header(std::size_t line_end, FramingFailure& failure) {
  const std::string_view line = held().substr(line_start_, line_end - 2 - line_start_);
  if (line.empty() || line.back() != '}') return Framing::complete;
  const std::size_t opening = line.rfind('{');
  if (opening == std::string_view::npos) return Framing::complete;
  const std::string_view digits = line.substr(opening + 1, line.size() - opening - 2);
  if (!all_digits(digits)) return Framing::complete;
  std::uint64_t size = 0;
  const std::size_t offset = line_start_ + opening;
  if (std::from_chars(digits.data(), digits.data() + digits.size(), size).ec != std::errc{}) {
    return fail_line(parse_error::bad_literal, "literal size does not fit in 64 bits", offset, line_end, failure);
  }
  const bool response_limit = line_end > limits_.max_response || size > limits_.max_response - line_end;
  if (size > limits_.max_literal || response_limit) {
    failure.resync = Resync::drop_literal_and_response;
    failure.literal_bytes = size;
    if (size > limits_.max_literal) {
      return fail_line(parse_error::literal_too_large, "literal of " + std::to_string(size) +
                       " bytes exceeds the limit of " + std::to_string(limits_.max_literal) + " bytes",
                       offset, line_end, failure);
    }
    return fail_line(parse_error::response_too_large, "response of " + std::to_string(line_end) + " + " +
                     std::to_string(size) + " bytes exceeds the limit of " + std::to_string(limits_.max_response) +
                     " bytes", offset, line_end, failure);
  }
  in_literal_ = true;
  literal_end_ = line_end + static_cast<std::size_t>(size);
  return Framing::complete;
}

ResponseParser::Framing ResponseParser::fail_line(parse_error code, std::string message, std::size_t offset,
                                                  std::size_t drop_bytes, FramingFailure& failure) {
  failure.code = code;
  failure.message = std::move(message);
  failure.offset = offset;
  failure.drop_bytes = drop_bytes;
  return Framing::failed;
}

ResponseParser::Framing ResponseParser::fail_long_line(std::size_t limit_end, FramingFailure& failure) {
  failure.resync = Resync::drop_to_line_end;
  return fail_line(parse_error::line_too_long, "line longer than " + std::to_string(limits_.max_line) + " bytes",
                   line_start_, limit_end, failure);
}

bool ResponseParser::resync_after(const FramingFailure& framing_failure, ParseFailure& failure) {
  const bool report = !drop_response_;
  if (report) {
    failure.code = make_error_code(framing_failure.code);
    failure.message = framing_failure.message;
    failure.offset = framing_failure.offset;
    failure.raw.assign(held().substr(0, framing_failure.drop_bytes));
  }
  expect_greeting_ = false;
  consume(framing_failure.drop_bytes);
  const std::size_t line_bytes = line_bytes_;
  reset_framing();
  drop_response_ = false;
  if (framing_failure.resync == Resync::drop_to_line_end) drop_to_line_end_ = true;
  if (framing_failure.resync == Resync::drop_literal_and_response) {
    drop_literal_bytes_ = framing_failure.literal_bytes;
    drop_response_ = true;  // the lines after the literal still belong to the failed response
    shape_ = Shape::may_have_literals;
    line_bytes_ = line_bytes;
  }
  return report;
}

ResponseParser::State ResponseParser::parse_framed(std::size_t response_end, Response& out, ParseFailure& failure) {
  out.raw.assign(held().substr(0, response_end));
  consume(response_end);
  reset_framing();
  SyntaxError error;
  bool parsed = parse_response(out.raw, limits_, out, error);
  if (parsed && expect_greeting_ && !is_greeting(out)) {
    error = SyntaxError{parse_error::bad_greeting, 0, "the greeting must be untagged OK, PREAUTH or BYE"};
    parsed = false;
  }
  expect_greeting_ = false;
  if (parsed) return State::response;
  failure.code = make_error_code(error.code);
  failure.message = std::move(error.message);
  failure.offset = error.offset;
  failure.raw = out.raw;
  return State::error;
}

}  // namespace referee::imap
