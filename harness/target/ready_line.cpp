#include "harness/target/ready_line.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

namespace referee::target {
namespace {

TargetProblem malformed(std::string_view token, std::string_view why) {
  return {make_error_code(target_error::malformed_ready_line),
          fmt::format("ready line token \"{}\": {}", token, why)};
}

// "host:port", "[v6]:port", or a port alone (the host is the profile's).
TargetResult<AnnouncedServer> parse_address(std::string_view token, std::string_view address) {
  AnnouncedServer server;
  std::string_view port_text;
  const bool port_only = !address.empty() && address.find_first_not_of("0123456789") == std::string_view::npos;
  if (port_only) {
    port_text = address;
  } else if (address.starts_with('[')) {
    auto close = address.find("]:");
    if (close == std::string_view::npos) return malformed(token, "expected [v6]:port");
    server.host = std::string(address.substr(1, close - 1));
    port_text = address.substr(close + 2);
  } else {
    auto colon = address.rfind(':');
    if (colon == std::string_view::npos) return malformed(token, "expected host:port or a port");
    server.host = std::string(address.substr(0, colon));
    port_text = address.substr(colon + 1);
  }
  unsigned port = 0;
  auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if ((server.host.empty() && !port_only) || error != std::errc{} || end != port_text.data() + port_text.size() ||
      port == 0 || port > 65535) {
    return malformed(token, "expected a host and a port 1..65535");
  }
  server.port = static_cast<std::uint16_t>(port);
  return server;
}

std::vector<std::string_view> split_on_spaces(std::string_view text) {
  std::vector<std::string_view> tokens;
  while (!text.empty()) {
    auto start = text.find_first_not_of(" \t\r");
    if (start == std::string_view::npos) break;
    text.remove_prefix(start);
    auto end = std::min(text.find_first_of(" \t\r"), text.size());
    tokens.push_back(text.substr(0, end));
    text.remove_prefix(end);
  }
  return tokens;
}

}  // namespace

bool is_ready_line(std::string_view line, std::string_view ready_text) {
  return line.starts_with(ready_text);
}

TargetResult<std::vector<AnnouncedServer>> parse_ready_line(std::string_view line,
                                                            std::string_view ready_text) {
  std::vector<AnnouncedServer> announced;
  if (!is_ready_line(line, ready_text)) return announced;
  for (auto token : split_on_spaces(line.substr(ready_text.size()))) {
    auto equals = token.find('=');
    if (equals == std::string_view::npos) continue;
    if (equals == 0) return malformed(token, "expected id=host:port");
    auto server = parse_address(token, token.substr(equals + 1));
    if (!server) return server.error();
    server->id = std::string(token.substr(0, equals));
    announced.push_back(std::move(*server));
  }
  return announced;
}

void apply_announced(std::vector<profile::Server>& servers,
                     const std::vector<AnnouncedServer>& announced) {
  for (auto& server : servers) {
    if (server.port) continue;
    auto found = std::find_if(announced.begin(), announced.end(),
                              [&](const AnnouncedServer& entry) { return entry.id == server.id; });
    if (found == announced.end()) continue;
    server.port = found->port;
    if (found->host.empty()) continue;  // "id=port": the profile's host
    if (server.host.empty()) {
      server.host = found->host;
    } else if (server.host != found->host) {
      bool v6 = found->host.find(':') != std::string::npos;
      server.referral_names.push_back(v6 ? fmt::format("[{}]:{}", found->host, found->port)
                                         : fmt::format("{}:{}", found->host, found->port));
    }
  }
}

TargetResult<void> check_ports_known(const std::vector<profile::Server>& servers) {
  for (const auto& server : servers) {
    if (server.port) continue;
    return TargetProblem{make_error_code(target_error::port_unknown),
                         fmt::format("server \"{}\" ({}:{}:{}) has no port, and the launch hook did "
                                     "not announce one",
                                     server.id, server.where.file, server.where.line,
                                     server.where.column)};
  }
  return {};
}

}  // namespace referee::target
