#include "harness/net/endpoint.hpp"

namespace referee::net {

std::string Endpoint::describe() const {
  const bool ipv6_literal = host.find(':') != std::string::npos;
  std::string text = ipv6_literal ? "[" + host + "]" : host;
  return text + ":" + std::to_string(port);
}

const std::string& Endpoint::tls_name() const {
  return server_name.empty() ? host : server_name;
}

std::string_view to_string(TlsMode mode) {
  switch (mode) {
    case TlsMode::none: return "none";
    case TlsMode::starttls: return "starttls";
    case TlsMode::implicit: return "implicit";
  }
  return "unknown";
}

}  // namespace referee::net
