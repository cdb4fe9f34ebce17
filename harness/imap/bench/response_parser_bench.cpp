// Throughput of ResponseParser on the two shapes that matter: a stream of small untagged
// responses (a SELECT, a flag storm) and FETCH responses carrying 64 KiB literals.
// Bytes are fed in socket-sized chunks and every response is taken, as the connection
// layer does. Run: build/parser-rel/harness/imap/referee_imap_bench (see docs/PERFORMANCE.md).
#include <benchmark/benchmark.h>

#include <string>
#include <string_view>

#include "harness/imap/response_parser.hpp"

namespace {

using referee::imap::ParseFailure;
using referee::imap::Response;
using referee::imap::ResponseParser;

std::string small_untagged_stream(std::size_t target_bytes) {
  static constexpr std::string_view kinds[] = {
      "* 172 EXISTS\r\n",
      "* 1 RECENT\r\n",
      "* OK [UNSEEN 12] Message 12 is first unseen\r\n",
      "* OK [UIDVALIDITY 3857529045] UIDs valid\r\n",
      "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n",
      "* 12 FETCH (FLAGS (\\Seen \\Answered) UID 4827)\r\n",
      "* LIST (\\HasNoChildren) \"/\" \"Shared/Projects\"\r\n",
      "* 3 EXPUNGE\r\n",
      "* SEARCH 2 84 882 1023 4096\r\n",
      "* STATUS INBOX (MESSAGES 231 UIDNEXT 44292)\r\n",
  };
  std::string stream;
  for (std::size_t i = 0; stream.size() < target_bytes; ++i) stream += kinds[i % std::size(kinds)];
  return stream;
}

std::string fetch_literal_stream(std::size_t responses, std::size_t literal_size) {
  std::string body(literal_size, 'x');
  for (std::size_t i = 76; i < body.size(); i += 78) body.replace(i, 2, "\r\n");
  std::string stream;
  for (std::size_t i = 1; i <= responses; ++i) {
    stream += "* " + std::to_string(i) + " FETCH (UID " + std::to_string(1000 + i) + " RFC822.SIZE " +
              std::to_string(literal_size) + " BODY[] {" + std::to_string(literal_size) + "}\r\n";
    stream += body;
    stream += " FLAGS (\\Seen))\r\n";
  }
  return stream;
}

// Feeds `stream` in chunks of `chunk` bytes, draining after each; returns the responses seen.
std::size_t parse_stream(ResponseParser& parser, std::string_view stream, std::size_t chunk, Response& response) {
  ParseFailure failure;
  std::size_t responses = 0;
  for (std::size_t offset = 0; offset < stream.size(); offset += chunk) {
    parser.feed(stream.substr(offset, chunk));
    while (parser.next(response, failure) == ResponseParser::State::response) ++responses;
  }
  return responses;
}

// The last response must be what the stream ends with, so the figures are for real work.
bool ends_as_expected(const Response& response, std::string_view stream) {
  return stream.ends_with(response.raw) && !response.name.empty();
}

void run(benchmark::State& state, const std::string& stream, std::size_t expected_responses) {
  const auto chunk = static_cast<std::size_t>(state.range(0));
  ResponseParser parser;
  Response response;
  std::size_t responses = 0;
  for (auto _ : state) {
    responses += parse_stream(parser, stream, chunk, response);
    benchmark::DoNotOptimize(response);
  }
  if (parser.buffered() != 0 || responses != expected_responses * state.iterations() ||
      !ends_as_expected(response, stream)) {
    state.SkipWithError("the stream did not parse as expected");
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * stream.size()));
  state.counters["responses/s"] = benchmark::Counter(static_cast<double>(responses), benchmark::Counter::kIsRate);
}

std::size_t parse_stream_once(std::string_view stream) {
  ResponseParser parser;
  Response response;
  return parse_stream(parser, stream, stream.size(), response);
}

void small_untagged_responses(benchmark::State& state) {
  static const std::string stream = small_untagged_stream(1 << 20);
  static const std::size_t responses = parse_stream_once(stream);
  run(state, stream, responses);
}

void fetch_with_64k_literals(benchmark::State& state) {
  static const std::string stream = fetch_literal_stream(32, 64 * 1024);
  run(state, stream, 32);
}

// The same responses, 64 MiB of them: larger than the caches, so memory bandwidth counts.
void fetch_with_64k_literals_64mib_stream(benchmark::State& state) {
  static const std::string stream = fetch_literal_stream(1024, 64 * 1024);
  run(state, stream, 1024);
}

}  // namespace

// Argument: bytes per feed() call (a socket read).
BENCHMARK(small_untagged_responses)->Arg(4096)->Arg(65536);
BENCHMARK(fetch_with_64k_literals)->Arg(16384)->Arg(65536)->Arg(1 << 20);
BENCHMARK(fetch_with_64k_literals_64mib_stream)->Arg(65536);

BENCHMARK_MAIN();
