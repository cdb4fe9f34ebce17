#pragma once
// An IMAP client connection: a Connection plus the ResponseReader that frames its input, and
// the STARTTLS upgrade that needs both (the reader must hold no plaintext when TLS starts).
//
//   ImapConnection c1(io.get_executor(), {.id = "C1", .transcript = &transcript});
//   auto greeting = co_await c1.open(endpoint, deadline_after(5s));   // + STARTTLS if asked
//   co_await c1.write("a1 CAPABILITY\r\n", deadline_after(5s));
//   auto response = co_await c1.read_response(deadline_after(5s));

#include <span>
#include <string>
#include <string_view>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include "harness/imap/parser_limits.hpp"
#include "harness/imap/response.hpp"
#include "harness/net/connection.hpp"
#include "harness/net/response_reader.hpp"

namespace referee::net {

class ImapConnection {
 public:
  ImapConnection(boost::asio::any_io_executor executor, ConnectionOptions options,
                 imap::ParserLimits limits = {});

  // Connects, reads the greeting and, for TlsMode::starttls, negotiates TLS with the command
  // "<starttls_tag> STARTTLS". Returns the greeting. Untagged responses sent before the
  // tagged answer to STARTTLS are in the transcript only.
  boost::asio::awaitable<read_result<imap::Response>> open(const Endpoint& endpoint,
                                                           Deadline deadline,
                                                           std::string_view starttls_tag = "S0");

  // The steps open() combines, for scenarios that look at each one.
  boost::asio::awaitable<read_result<void>> connect(const Endpoint& endpoint, Deadline deadline);
  // After the server's tagged OK to STARTTLS.
  boost::asio::awaitable<read_result<void>> start_tls(Deadline deadline);

  boost::asio::awaitable<read_result<imap::Response>> read_response(Deadline deadline) {
    return reader_.read_response(deadline);
  }
  boost::asio::awaitable<result<void>> write(std::string_view bytes, Deadline deadline,
                                             std::span<const RedactSpan> secrets = {}) {
    return connection_.write(bytes, deadline, secrets);
  }
  void close() { connection_.close(); }

  Connection& connection() { return connection_; }
  ResponseReader& reader() { return reader_; }

 private:
  boost::asio::awaitable<read_result<void>> negotiate_starttls(std::string_view tag,
                                                               Deadline deadline);

  Connection connection_;
  ResponseReader reader_;
};

}  // namespace referee::net
