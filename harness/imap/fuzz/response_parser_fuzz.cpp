// libFuzzer target: the response parser (tools/fuzz). Whatever the bytes and however they are
// split into reads, the parser must never crash, hang or grow past its limits, and every call
// must make progress: each response or failure consumes bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "harness/imap/response_parser.hpp"

namespace {

using referee::imap::ParseFailure;
using referee::imap::ParserLimits;
using referee::imap::Response;
using referee::imap::ResponseParser;

// Small limits, so the fuzzer reaches them with small inputs.
constexpr ParserLimits fuzz_limits{.max_line = 512, .max_literal = 2048, .max_depth = 8,
                                   .max_items = 200, .max_response = 4096};

void drain(ResponseParser& parser) {
  Response response;
  ParseFailure failure;
  for (;;) {
    std::size_t before = parser.buffered();
    auto state = parser.next(response, failure);
    if (state == ResponseParser::State::need_more) return;
    if (parser.buffered() >= before) std::abort();  // no progress: would loop for ever
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte chooses the read size and whether a greeting is expected.
  std::size_t chunk = 1 + data[0] % 64;
  bool greeting = data[0] & 0x80;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  ResponseParser parser(fuzz_limits);
  parser.expect_greeting(greeting);
  for (std::size_t offset = 0; offset < bytes.size(); offset += chunk) {
    parser.feed(bytes.substr(offset, chunk));
    drain(parser);
  }
  if (parser.buffered() > fuzz_limits.max_response + fuzz_limits.max_line) std::abort();
  return 0;
}
