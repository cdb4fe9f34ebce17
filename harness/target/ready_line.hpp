#pragma once
// The launch hook's ready line: "READY alpha=127.0.0.1:40123 beta=[::1]:40124". Servers whose
// port the profile leaves open take the port their launch announces, so fixtures can bind
// port 0 and never collide.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "harness/profile/model.hpp"
#include "harness/target/target_error.hpp"

namespace referee::target {

struct AnnouncedServer {
  std::string id;       // profile server id
  std::string host;     // without IPv6 brackets; empty for "id=port" (the profile's host)
  std::uint16_t port = 0;
};

// True when `line` starts with `ready_text`.
bool is_ready_line(std::string_view line, std::string_view ready_text);

// The id=host:port tokens after `ready_text`. Tokens without '=' are free text and ignored;
// a token with '=' that is not id=host:port or id=port (port 1..65535) is an error.
TargetResult<std::vector<AnnouncedServer>> parse_ready_line(std::string_view line,
                                                            std::string_view ready_text);

// Gives each server without a port the announced one; ids the profile does not have are
// ignored (Referee never contacts them). When the announced host differs from the profile's,
// "host:port" joins the server's referral names: referral URLs are likely to use it.
void apply_announced(std::vector<profile::Server>& servers,
                     const std::vector<AnnouncedServer>& announced);

// Every server has a port by now, or the error names the first that does not.
TargetResult<void> check_ports_known(const std::vector<profile::Server>& servers);

}  // namespace referee::target
