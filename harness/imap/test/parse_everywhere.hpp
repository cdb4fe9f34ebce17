#pragma once
// Test support: feeds protocol input to a ResponseParser whole, split at every byte offset
// and byte at a time, and checks every way gives the same responses and failures.

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "harness/imap/response_parser.hpp"

namespace referee::imap::test {

// One result of ResponseParser::next: a response or a failure.
struct Outcome {
  std::optional<Response> response;
  std::optional<ParseFailure> failure;
  friend bool operator==(const Outcome&, const Outcome&) = default;
};

inline void PrintTo(const Outcome& outcome, std::ostream* out);

struct ParseOptions {
  ParserLimits limits{};
  bool greeting = false;
};

inline void drain(ResponseParser& parser, std::vector<Outcome>& outcomes) {
  while (true) {
    Response response;
    ParseFailure failure;
    const auto state = parser.next(response, failure);
    if (state == ResponseParser::State::need_more) return;
    if (state == ResponseParser::State::response) outcomes.push_back({std::move(response), std::nullopt});
    else outcomes.push_back({std::nullopt, std::move(failure)});
  }
}

// Feeds `input` in pieces ending at each of `cuts` (ascending), then the rest.
inline std::vector<Outcome> parse_in_pieces(std::string_view input, const std::vector<std::size_t>& cuts,
                                            const ParseOptions& options = {}) {
  ResponseParser parser(options.limits);
  parser.expect_greeting(options.greeting);
  std::vector<Outcome> outcomes;
  std::size_t from = 0;
  for (std::size_t cut : cuts) {
    parser.feed(input.substr(from, cut - from));
    drain(parser, outcomes);
    from = cut;
  }
  parser.feed(input.substr(from));
  drain(parser, outcomes);
  return outcomes;
}

inline std::vector<Outcome> parse_whole(std::string_view input, const ParseOptions& options = {}) {
  return parse_in_pieces(input, {}, options);
}

// Parses `input` whole, then split in two at every byte offset, then byte at a time;
// expects identical outcomes each way and returns them.
inline std::vector<Outcome> parse_everywhere(std::string_view input, const ParseOptions& options = {}) {
  const std::vector<Outcome> whole = parse_whole(input, options);
  for (std::size_t cut = 1; cut < input.size(); ++cut) {
    EXPECT_EQ(parse_in_pieces(input, {cut}, options), whole) << "split at byte " << cut << " of:\n" << input;
  }
  std::vector<std::size_t> every_byte;
  for (std::size_t cut = 1; cut < input.size(); ++cut) every_byte.push_back(cut);
  EXPECT_EQ(parse_in_pieces(input, every_byte, options), whole) << "byte at a time:\n" << input;
  return whole;
}

// The single response `input` parses to, checked split everywhere; fails the test otherwise.
inline Response parse_one(std::string_view input, const ParseOptions& options = {}) {
  const auto outcomes = parse_everywhere(input, options);
  if (outcomes.size() != 1 || !outcomes[0].response) {
    ADD_FAILURE() << "expected exactly one response from:\n" << input
                  << (outcomes.size() == 1 && outcomes[0].failure ? "\nfailure: " + outcomes[0].failure->message : "");
    return Response{};
  }
  return *outcomes[0].response;
}

// The single failure `input` gives, checked split everywhere.
inline ParseFailure fail_one(std::string_view input, const ParseOptions& options = {}) {
  const auto outcomes = parse_everywhere(input, options);
  if (outcomes.size() != 1 || !outcomes[0].failure) {
    ADD_FAILURE() << "expected exactly one failure from:\n" << input;
    return ParseFailure{};
  }
  return *outcomes[0].failure;
}

}  // namespace referee::imap::test

namespace referee::imap {
// Readable failure output in EXPECT_EQ on outcomes.
inline void PrintTo(const Response& response, std::ostream* out) { *out << "Response{" << response.raw << "}"; }
inline void PrintTo(const ParseFailure& failure, std::ostream* out) {
  *out << "ParseFailure{" << failure.code.message() << " at " << failure.offset << ": " << failure.message << "}";
}
}  // namespace referee::imap

inline void referee::imap::test::PrintTo(const Outcome& outcome, std::ostream* out) {
  if (outcome.response) PrintTo(*outcome.response, out);
  if (outcome.failure) PrintTo(*outcome.failure, out);
}
