#pragma once
// One client connection to a server: TCP (IPv4 or IPv6), implicit TLS or STARTTLS, a deadline
// on every operation, distinct typed outcomes for EOF, reset, timeout and TLS failure, and every
// sent byte and connection event recorded in the transcript.
//
// Many connections share one io_context and one thread; nothing here locks. A Connection must
// outlive the operations started on it and must not be moved (operations hold `this`).
// Received bytes are recorded by the reader that frames them (ResponseReader, per response).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>

#include "harness/net/deadline.hpp"
#include "harness/net/endpoint.hpp"
#include "harness/net/net_error.hpp"
#include "harness/net/socket_watchdog.hpp"
#include "harness/net/stream.hpp"
#include "harness/net/transcript.hpp"

namespace referee::net {

template <typename T>
using result = boost::system::result<T>;

struct ConnectionOptions {
  std::string id = "C1";                // the client's name in transcripts: "C1", "C1→beta"
  TranscriptSink* transcript = nullptr;  // null records nothing
  // Shared by a run's connections; made on first TLS use when null.
  std::shared_ptr<boost::asio::ssl::context> tls_context{};
};

// Counters for load scenarios (h2load style): plain numbers, one meaning each.
struct ConnectionStats {
  std::uint64_t bytes_sent = 0;      // bytes handed to the socket successfully
  std::uint64_t bytes_received = 0;  // bytes read from the socket (after TLS decryption)
  std::uint64_t reads = 0;           // completed read_some calls that returned data
  std::uint64_t writes = 0;          // completed write calls
};

class Connection {
 public:
  Connection(boost::asio::any_io_executor executor, ConnectionOptions options);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Resolves, connects and, for TlsMode::implicit, runs the TLS handshake. For
  // TlsMode::starttls the connection stays plain until start_tls().
  boost::asio::awaitable<result<void>> connect(const Endpoint& endpoint, Deadline deadline);
  // Upgrades the plain connection to TLS in place (after the server's OK to STARTTLS).
  // On failure the connection is closed.
  boost::asio::awaitable<result<void>> start_tls(Deadline deadline);

  // Reads what is available (at least one byte). net_error::eof once the peer stopped sending.
  boost::asio::awaitable<result<std::size_t>> read_some(std::span<char> into, Deadline deadline);
  // Sends all of `bytes`, recorded as one transcript event; `secrets` are redacted in the
  // transcript's display copy.
  boost::asio::awaitable<result<void>> write(std::string_view bytes, Deadline deadline,
                                             std::span<const RedactSpan> secrets = {});

  // Half-close from our side: the server sees EOF, we can still read its answer.
  result<void> shutdown_send();
  void close();

  bool is_open() const;
  bool is_tls() const;
  // True once a read saw the peer's FIN (or TLS close): the server may still read our writes.
  bool peer_finished_sending() const { return peer_finished_sending_; }
  const Endpoint& endpoint() const { return endpoint_; }
  const std::string& id() const { return transcript_.connection(); }
  // The operating-system or OpenSSL error behind the last failure, for messages.
  boost::system::error_code last_system_error() const { return last_system_error_; }
  const ConnectionStats& stats() const { return stats_; }
  TranscriptRecorder& transcript() { return transcript_; }

  // Called just before the transcript records that input ended (peer closed, reset, a failure,
  // close()), so the reader can first record bytes it received but never framed: the
  // transcript then shows them before the close, in the order they happened. Not on timeout.
  void set_before_input_ends(std::function<void()> hook) { before_input_ends_ = std::move(hook); }

 private:
  boost::asio::awaitable<result<std::vector<boost::asio::ip::tcp::endpoint>>> resolve(
      Deadline deadline);
  boost::asio::awaitable<result<void>> open_socket(Deadline deadline);
  boost::system::error_code fail(net_error outcome, const boost::system::error_code& cause,
                                 std::string_view during);
  // The deadline passed before the operation started: a timeout, without touching the socket.
  boost::system::error_code expired(std::string_view during);
  boost::system::error_code fail_transfer(const boost::system::error_code& cause,
                                          std::string_view during);

  boost::asio::any_io_executor executor_;
  SocketWatchdog watchdog_;  // bounds reads and writes that have to wait
  std::shared_ptr<boost::asio::ssl::context> tls_context_;
  TranscriptRecorder transcript_;
  Endpoint endpoint_;
  std::optional<Stream> stream_;
  bool peer_finished_sending_ = false;
  bool socket_drained_ = true;  // the last read got less than it asked for (or none yet)
  boost::system::error_code last_system_error_;
  ConnectionStats stats_;
  std::function<void()> before_input_ends_;
};

}  // namespace referee::net
