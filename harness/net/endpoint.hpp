#pragma once
// Where a client connects and how it protects the connection.

#include <cstdint>
#include <string>
#include <string_view>

namespace referee::net {

enum class TlsMode {
  none,      // plain TCP for the whole session
  starttls,  // plain TCP, upgraded in place after the server's OK to STARTTLS (RFC 3501 §6.2.1)
  implicit,  // TLS from the first byte (the "imaps" port, RFC 8314 §3.3)
};

struct Endpoint {
  std::string host{};      // a name or an IPv4/IPv6 literal ("127.0.0.1", "::1")
  std::uint16_t port = 0;
  TlsMode tls = TlsMode::none;
  // Off by default: the harness tests servers with self-signed certificates.
  bool verify_peer = false;
  // The name sent as SNI and checked against the certificate; `host` when empty.
  std::string server_name{};

  // "host:port", or "[v6]:port" for an IPv6 literal; used in transcripts and messages.
  std::string describe() const;
  // server_name, or host when server_name is empty.
  const std::string& tls_name() const;
};

std::string_view to_string(TlsMode mode);

}  // namespace referee::net
