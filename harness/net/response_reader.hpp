#pragma once
// Reads whole IMAP responses from a Connection: owns a resumable imap::ResponseParser and reads
// more bytes only when the parser needs them. Each response is recorded in the transcript as
// one event, literals included; bytes that do not parse are recorded as they came and returned
// as a typed failure carrying them, so the engine can report "server sent garbage" verbatim.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/awaitable.hpp>
#include <boost/assert/source_location.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>

#include "harness/imap/parse_error.hpp"
#include "harness/imap/parser_limits.hpp"
#include "harness/imap/response.hpp"
#include "harness/imap/response_parser.hpp"
#include "harness/net/connection.hpp"
#include "harness/net/deadline.hpp"

namespace referee::net {

// Why no response came.
struct ReadFailure {
  boost::system::error_code code{};         // a net_error: timeout, eof, garbage, reset, ...
  std::optional<imap::ParseFailure> parse{};  // for net_error::garbage: what did not parse, where
  std::string raw{};  // received bytes that formed no response: the garbage, or what came
                      // before the peer closed (net_error::eof_mid_response) or reset
  // The operating-system or OpenSSL error behind `code`, when it says more than the code does:
  // which TLS alert or certificate check, which network was unreachable.
  boost::system::error_code detail{};

  // A failure of `connection`'s last operation, with its detail when there is one.
  static ReadFailure of(const Connection& connection, boost::system::error_code code,
                        std::string raw = {});

  // One line for reports: "server sent bytes that do not parse ...: <parser message>".
  std::string describe() const;
};

// Lets result<T, ReadFailure>::value() throw (boost::system::result finds this by ADL).
[[noreturn]] void throw_exception_from_error(const ReadFailure& failure,
                                             const boost::source_location& location);

template <typename T>
using read_result = boost::system::result<T, ReadFailure>;

class ResponseReader {
 public:
  // `connection` must outlive the reader, and the reader must not move (the connection calls
  // back into it when input ends).
  explicit ResponseReader(Connection& connection, imap::ParserLimits limits = {});
  ResponseReader(const ResponseReader&) = delete;
  ResponseReader& operator=(const ResponseReader&) = delete;
  ~ResponseReader();

  // The next complete response, reading only while the parser needs more bytes.
  boost::asio::awaitable<read_result<imap::Response>> read_response(Deadline deadline);

  // The next response is the greeting (RFC 3501 §7.1: OK, PREAUTH or BYE).
  void expect_greeting(bool expected) { parser_.expect_greeting(expected); }
  // Bytes received and not yet returned in a response or failure.
  std::size_t buffered() const { return parser_.buffered(); }
  // Those bytes themselves (e.g. plaintext that followed the OK to STARTTLS).
  std::string_view unparsed() const;

 private:
  std::optional<read_result<imap::Response>> take_parsed();
  boost::asio::awaitable<read_result<void>> read_more(Deadline deadline);
  void record_unframed_input();

  Connection& connection_;
  imap::ResponseParser parser_;
  std::vector<char> read_buffer_;
  // A copy of the bytes the parser holds (trimmed lazily to parser_.buffered()): the parser
  // does not hand back bytes that never became a response, and the transcript needs them.
  std::string unparsed_;
  // Unframed bytes recorded when input ended, returned with the failure that follows.
  std::string unframed_at_end_;
};

}  // namespace referee::net
