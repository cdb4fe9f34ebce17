#include "harness/net/imap_connection.hpp"

#include <utility>

namespace referee::net {
ImapConnection::ImapConnection(boost::asio::any_io_executor executor, ConnectionOptions options,
                               imap::ParserLimits limits)
    : connection_(std::move(executor), std::move(options)), reader_(connection_, limits) {}

boost::asio::awaitable<read_result<imap::Response>> ImapConnection::open(
    const Endpoint& endpoint, Deadline deadline, std::string_view starttls_tag) {
  if (auto connected = co_await connect(endpoint, deadline); !connected) {
    co_return connected.error();
  }
  auto greeting = co_await reader_.read_response(deadline);
  // A BYE greeting (RFC 3501 §7.1.5) means the server is closing: no STARTTLS to try.
  if (!greeting || endpoint.tls != TlsMode::starttls || greeting->status == imap::Status::bye) {
    co_return greeting;
  }
  if (auto upgraded = co_await negotiate_starttls(starttls_tag, deadline); !upgraded) {
    co_return upgraded.error();
  }
  co_return greeting;
}

boost::asio::awaitable<read_result<void>> ImapConnection::connect(const Endpoint& endpoint,
                                                                  Deadline deadline) {
  reader_.expect_greeting(true);
  auto connected = co_await connection_.connect(endpoint, deadline);
  if (!connected) co_return ReadFailure::of(connection_, connected.error());
  co_return read_result<void>{};
}

boost::asio::awaitable<read_result<void>> ImapConnection::negotiate_starttls(
    std::string_view tag, Deadline deadline) {
  std::string command = std::string(tag) + " STARTTLS\r\n";
  if (auto sent = co_await connection_.write(command, deadline); !sent) {
    co_return ReadFailure::of(connection_, sent.error());
  }
  for (;;) {
    auto response = co_await reader_.read_response(deadline);
    if (!response) co_return response.error();
    if (!response->is_tagged(tag)) continue;
    if (response->status != imap::Status::ok) {
      co_return ReadFailure::of(connection_, make_error_code(net_error::starttls_refused));
    }
    co_return co_await start_tls(deadline);
  }
}

boost::asio::awaitable<read_result<void>> ImapConnection::start_tls(Deadline deadline) {
  // Bytes that arrived in clear after the OK would be read as if they came through TLS: the
  // STARTTLS command-injection flaw (CVE-2011-0411 class). Refuse rather than trust them.
  if (reader_.buffered() > 0) {
    ReadFailure failure{make_error_code(net_error::plaintext_after_starttls), {},
                        std::string(reader_.unparsed())};
    connection_.close();  // records the plaintext bytes, then the close
    connection_.transcript().meta(MetaEvent::error, "plaintext bytes followed the OK to STARTTLS");
    co_return failure;
  }
  auto upgraded = co_await connection_.start_tls(deadline);
  if (!upgraded) co_return ReadFailure::of(connection_, upgraded.error());
  co_return read_result<void>{};
}

}  // namespace referee::net
