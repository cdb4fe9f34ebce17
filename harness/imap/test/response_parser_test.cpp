// Framing, resync after garbage, limits and memory bounds of the resumable parser.
#include "harness/imap/response_parser.hpp"

#include <gtest/gtest.h>

#include "harness/imap/test/parse_everywhere.hpp"
#include "harness/imap/untagged.hpp"

namespace referee::imap {
namespace {

using test::Outcome;
using test::parse_everywhere;
using test::ParseOptions;

std::string literal(std::string_view bytes) { return "{" + std::to_string(bytes.size()) + "}\r\n" + std::string(bytes); }

void expect_response(const Outcome& outcome, std::string_view raw) {
  ASSERT_TRUE(outcome.response) << (outcome.failure ? outcome.failure->message : "");
  EXPECT_EQ(outcome.response->raw, raw);
}

void expect_failure(const Outcome& outcome, parse_error code, std::size_t offset, std::string_view raw) {
  ASSERT_TRUE(outcome.failure) << "got a response: " << (outcome.response ? outcome.response->raw : "");
  EXPECT_EQ(outcome.failure->code, make_error_code(code)) << outcome.failure->message;
  EXPECT_EQ(outcome.failure->offset, offset);
  EXPECT_EQ(outcome.failure->raw, raw);
}

TEST(ResponseParser, NeedMoreUntilTheCrlfArrivesAndLeavesOutputsUntouched) {
  ResponseParser parser;
  Response response;
  response.tag = "untouched";
  ParseFailure failure;
  parser.feed("* 1 EXI");
  EXPECT_EQ(parser.next(response, failure), ResponseParser::State::need_more);
  EXPECT_EQ(response.tag, "untouched");
  EXPECT_EQ(parser.buffered(), 7u);
  parser.feed("STS\r");
  EXPECT_EQ(parser.next(response, failure), ResponseParser::State::need_more);
  parser.feed("\n* 2 EX");
  EXPECT_EQ(parser.next(response, failure), ResponseParser::State::response);
  EXPECT_EQ(response.number, 1u);
  EXPECT_TRUE(response.tag.empty());
  EXPECT_EQ(parser.buffered(), 6u);
  EXPECT_EQ(parser.next(response, failure), ResponseParser::State::need_more);
}

TEST(ResponseParser, StreamOfMixedResponsesKeepsExactRawBytes) {
  const std::string body = "Subject: hi\r\n\r\n* 99 EXISTS\r\nA1 OK not a response\r\n";
  const std::vector<std::string> lines = {
      "* OK [CAPABILITY IMAP4rev1 LOGIN-REFERRALS] ready\r\n",
      "+ go ahead\r\n",
      "* 3 FETCH (UID 9 BODY[] " + literal(body) + " FLAGS (\\Seen))\r\n",
      "* LIST () \"/\" " + literal("odd\r\nname") + "\r\n",
      "A1 OK done\r\n",
  };
  std::string stream;
  for (const auto& line : lines) stream += line;
  const auto outcomes = parse_everywhere(stream, ParseOptions{.greeting = true});
  ASSERT_EQ(outcomes.size(), lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) expect_response(outcomes[i], lines[i]);
  EXPECT_EQ(as_fetch(*outcomes[2].response)->items.at("BODY[]").as_string(), body);
  EXPECT_EQ(as_list(*outcomes[3].response)->mailbox, "odd\r\nname");
}

TEST(ResponseParser, GarbageGivesAFailureThenParsingResumesAtTheNextLine) {
  using namespace std::string_literals;
  const auto outcomes = parse_everywhere(
      "\x16\x03\x01\x02\x00\x01\r\n"s   // a TLS ClientHello where IMAP was expected
      "* 1 FETCH (UID 1\r\n"           // unbalanced list
      "* 2 EXISTS\r\n"
      "\r\n"                           // empty line
      "* 3 EXISTS\n"                   // bare LF
      "A1 OK done\r\n");
  ASSERT_EQ(outcomes.size(), 6u);
  expect_failure(outcomes[0], parse_error::bad_tag, 0, "\x16\x03\x01\x02\x00\x01\r\n"s);
  expect_failure(outcomes[1], parse_error::unbalanced_parentheses, 16, "* 1 FETCH (UID 1\r\n");
  expect_response(outcomes[2], "* 2 EXISTS\r\n");
  expect_failure(outcomes[3], parse_error::empty_line, 0, "\r\n");
  expect_failure(outcomes[4], parse_error::bare_lf, 10, "* 3 EXISTS\n");
  expect_response(outcomes[5], "A1 OK done\r\n");
}

TEST(ResponseParser, AFailureInsideAMultiLineResponseDropsTheWholeResponse) {
  const std::string broken = "* 1 FETCH (BODY[] " + literal("* 5 EXISTS\r\n") + " UID)x\r\n";
  const auto outcomes = parse_everywhere(broken + "* 2 EXISTS\r\n");
  ASSERT_EQ(outcomes.size(), 2u);
  expect_failure(outcomes[0], parse_error::missing_space, broken.size() - 3, broken);
  expect_response(outcomes[1], "* 2 EXISTS\r\n");
}

TEST(ResponseParser, LineAtTheLimitIsAcceptedOneMoreByteIsNot) {
  const ParseOptions limits{.limits = {.max_line = 16}};
  const std::string at_limit = "* OK 0123456789\r\n";  // 17 bytes
  ASSERT_EQ(at_limit.size(), 17u);
  auto outcomes = parse_everywhere(at_limit.substr(0, 5) + at_limit.substr(6), limits);
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_TRUE(outcomes[0].response);
  outcomes = parse_everywhere(at_limit + "* 1 EXISTS\r\n", limits);
  ASSERT_EQ(outcomes.size(), 2u);
  expect_failure(outcomes[0], parse_error::line_too_long, 0, at_limit.substr(0, 16));
  expect_response(outcomes[1], "* 1 EXISTS\r\n");
}

TEST(ResponseParser, LineLimitCountsAllLinesOfAResponseButNotItsLiterals) {
  const ParseOptions limits{.limits = {.max_line = 40}};
  const std::string big(100, 'x');
  auto outcomes = parse_everywhere("* 1 FETCH (BODY[] " + literal(big) + ")\r\n", limits);
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_TRUE(outcomes[0].response);
  const std::string first = "* 1 FETCH (A " + literal("x") + " B ";  // 21 bytes outside the literal
  const std::string input = first + "0123456789012345678901234)\r\n* 2 EXISTS\r\n";
  outcomes = parse_everywhere(input, limits);
  ASSERT_EQ(outcomes.size(), 2u);
  expect_failure(outcomes[0], parse_error::line_too_long, first.size() - 3, input.substr(0, 40 + 1));
  expect_response(outcomes[1], "* 2 EXISTS\r\n");
}

TEST(ResponseParser, EndlessLineIsReportedOnceAndNeverBufferedBeyondTheLimit) {
  ResponseParser parser(ParserLimits{.max_line = 1024});
  const std::string chunk(4096, 'a');
  std::vector<Outcome> outcomes;
  parser.feed("* OK ");
  for (int i = 0; i < 256; ++i) {  // 1 MiB without LF
    parser.feed(chunk);
    test::drain(parser, outcomes);
    EXPECT_LE(parser.buffered(), chunk.size());
  }
  parser.feed("tail\r\n* 1 EXISTS\r\n");
  test::drain(parser, outcomes);
  ASSERT_EQ(outcomes.size(), 2u);
  ASSERT_TRUE(outcomes[0].failure);
  EXPECT_EQ(outcomes[0].failure->code, make_error_code(parse_error::line_too_long));
  EXPECT_EQ(outcomes[0].failure->raw.size(), 1024u);
  expect_response(outcomes[1], "* 1 EXISTS\r\n");
  EXPECT_EQ(parser.buffered(), 0u);
}

TEST(ResponseParser, LiteralAtTheLimitIsAcceptedOneMoreByteIsSkippedUnread) {
  const ParseOptions limits{.limits = {.max_literal = 12}};
  auto outcomes = parse_everywhere("* 1 FETCH (BODY[] " + literal("123456789012") + ")\r\n", limits);
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_TRUE(outcomes[0].response);
  // The oversized literal looks like responses; they must not be parsed as such.
  const std::string header = "* 1 FETCH (BODY[] {13}\r\n";
  const std::string input = header + "* 7 EXISTS\r\n" + " UID 4 X " + literal("ab") + ")\r\n* 2 EXISTS\r\n";
  outcomes = parse_everywhere(input, limits);
  ASSERT_EQ(outcomes.size(), 2u);
  expect_failure(outcomes[0], parse_error::literal_too_large, 18, header);
  expect_response(outcomes[1], "* 2 EXISTS\r\n");
  // Literal last in the response: the CRLF after it ends the dropped response.
  outcomes = parse_everywhere("* 1 X {13}\r\n1234567890123\r\n* 3 EXISTS\r\n", limits);
  ASSERT_EQ(outcomes.size(), 2u);
  expect_response(outcomes[1], "* 3 EXISTS\r\n");
}

TEST(ResponseParser, OversizedLiteralIsDroppedAsItArrives) {
  ResponseParser parser(ParserLimits{.max_literal = 1000});
  std::vector<Outcome> outcomes;
  parser.feed("* 1 FETCH (BODY[] {10485760}\r\n");
  test::drain(parser, outcomes);
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].failure->code, make_error_code(parse_error::literal_too_large));
  const std::string chunk(64 * 1024, '\n');
  for (int i = 0; i < 160; ++i) {
    parser.feed(chunk);
    test::drain(parser, outcomes);
    EXPECT_EQ(parser.buffered(), 0u);
  }
  parser.feed(")\r\n* 2 EXISTS\r\n");
  test::drain(parser, outcomes);
  ASSERT_EQ(outcomes.size(), 2u);
  expect_response(outcomes[1], "* 2 EXISTS\r\n");
}

TEST(ResponseParser, ResponseLimitCountsLiteralsTogether) {
  const ParseOptions limits{.limits = {.max_response = 60}};
  const std::string first = "* 1 FETCH (A " + literal(std::string(20, 'a')) + " B ";
  const std::string header = first + "{20}\r\n";
  const std::string input = header + std::string(20, 'b') + ")\r\n* 2 EXISTS\r\n";
  const auto outcomes = parse_everywhere(input, limits);
  ASSERT_EQ(outcomes.size(), 2u);
  expect_failure(outcomes[0], parse_error::response_too_large, first.size(), header);
  expect_response(outcomes[1], "* 2 EXISTS\r\n");
}

TEST(ResponseParser, ResponseLimitBelowTheLineLimitStillBoundsLiterals) {
  const ParseOptions limits{.limits = {.max_response = 10}};
  const auto outcomes = parse_everywhere("* 1 X {0}\r\n\r\n* 2 EXISTS\r\n", limits);
  ASSERT_EQ(outcomes.size(), 2u);
  expect_failure(outcomes[0], parse_error::response_too_large, 6, "* 1 X {0}\r\n");
  expect_response(outcomes[1], "* 2 EXISTS\r\n");
}

TEST(ResponseParser, DepthLimit) {
  const ParseOptions limits{.limits = {.max_depth = 3}};
  auto outcomes = parse_everywhere("* X (((a)))\r\n", limits);
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_TRUE(outcomes[0].response);
  outcomes = parse_everywhere("* X ((((a))))\r\n* 1 EXISTS\r\n", limits);
  ASSERT_EQ(outcomes.size(), 2u);
  expect_failure(outcomes[0], parse_error::list_too_deep, 7, "* X ((((a))))\r\n");
  expect_response(outcomes[1], "* 1 EXISTS\r\n");
}

TEST(ResponseParser, ItemLimitCountsValuesAtEveryDepth) {
  const ParseOptions limits{.limits = {.max_items = 5}};
  auto outcomes = parse_everywhere("* X (a (b)) c\r\n", limits);
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_TRUE(outcomes[0].response);
  outcomes = parse_everywhere("* SEARCH 1 2 3 4 5 6\r\n", limits);
  ASSERT_EQ(outcomes.size(), 1u);
  expect_failure(outcomes[0], parse_error::too_many_items, 19, "* SEARCH 1 2 3 4 5 6\r\n");
}

TEST(ResponseParser, LargeLiteralFedInSocketSizedChunks) {
  const std::string body(1 << 20, 'm');
  const std::string input = "* 1 FETCH (BODY[] " + literal(body) + ")\r\n* 2 EXISTS\r\n";
  std::vector<std::size_t> cuts;
  for (std::size_t cut = 4096; cut < input.size(); cut += 4096) cuts.push_back(cut);
  const auto outcomes = test::parse_in_pieces(input, cuts);
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_EQ(as_fetch(*outcomes[0].response)->items.at("BODY[]").text.size(), body.size());
  EXPECT_EQ(outcomes, test::parse_whole(input));
}

}  // namespace
}  // namespace referee::imap
