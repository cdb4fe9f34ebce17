#pragma once
// One stress client: the engine's ClientSession (its connection, tags, implicit RFC 3501
// rules and transcript) driven by StressCommands instead of scenario steps.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include "harness/engine/run/client_session.hpp"
#include "harness/net/endpoint.hpp"
#include "harness/stress/checker.hpp"
#include "harness/stress/invariants.hpp"
#include "harness/stress/stress_command.hpp"

namespace referee::stress {

// What the engine's implicit rules saw on this client since the last command was judged.
struct ImplicitFinding {
  Invariant invariant;
  std::string summary, expected, observed;
};

class StressClient {
 public:
  StressClient(boost::asio::any_io_executor executor, std::string id, std::string server_id,
               net::TranscriptSink* sink, std::vector<std::string> secrets);

  // Connects, reads the greeting and logs in; the reason when that failed.
  boost::asio::awaitable<std::optional<std::string>> open(const net::Endpoint& endpoint,
                                                          const std::string& user,
                                                          const std::string& password,
                                                          net::Deadline deadline);
  // Sends one command and reads until its tagged response (IDLE: "DONE" right after "+").
  boost::asio::awaitable<engine::CommandRun> execute(const StressCommand& command,
                                                     net::Deadline deadline);
  // The responses of the last execute(), for the checker (valid until the next execute()).
  Exchange exchange(const engine::CommandRun& run) const;
  std::vector<ImplicitFinding> take_implicit_findings() { return std::exchange(implicit_, {}); }
  boost::asio::awaitable<void> logout(net::Deadline deadline);

  const std::string& id() const { return session_.id(); }
  bool usable() const { return usable_; }
  void retire() { usable_ = false; }

 private:
  engine::ClientSession session_;
  std::vector<ImplicitFinding> implicit_;
  bool usable_ = true;
};

}  // namespace referee::stress
