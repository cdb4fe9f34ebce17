#pragma once
// "Ready when a TCP connect to every server succeeds": the launched process tells nothing when
// it starts listening, so connects are retried, backing off from 10 ms to 200 ms, until each
// server accepts one or the launch deadline passes.

#include <cstdint>
#include <string>

#include <boost/asio/awaitable.hpp>
#include <vector>

#include "harness/net/deadline.hpp"
#include "harness/profile/model.hpp"

namespace referee::target {

// True when a TCP connection to host:port succeeded before `deadline` (and was closed again).
boost::asio::awaitable<bool> try_connect(std::string host, std::uint16_t port,
                                         net::Deadline deadline);

// True when every server (all must have a port) accepted a connection before `deadline`;
// `unreachable` names the one being waited for when it returns false or is cancelled.
boost::asio::awaitable<bool> await_connectable(std::vector<profile::Server> servers,
                                               net::Deadline deadline, std::string& unreachable);

}  // namespace referee::target
