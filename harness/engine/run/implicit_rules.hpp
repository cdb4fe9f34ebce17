#pragma once
// RFC 3501 rules the engine checks on every response of every client, whatever the scenario
// says (DECISIONS.md: these have force, so breaking one is a *fail*):
//   - "An EXPUNGE response MUST NOT be sent ... while responding to a FETCH, STORE, or SEARCH
//     command." (§7.4.1; UID FETCH, UID STORE and UID SEARCH may see one)
//   - "it is NOT permitted to send an EXISTS response that would reduce the number of messages
//     in the mailbox; only the EXPUNGE response can do this." (§5.2)
// The other two implicit rules (a response that does not parse, a close without BYE) are seen
// by ClientSession where reads fail.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "harness/imap/response.hpp"

namespace referee::engine {

struct Violation {
  std::string_view requirement;
  std::string summary;
  std::string expected;
  std::string observed;
};

class ImplicitRules {
 public:
  // `name` as command_name() gives it: "FETCH", "UID FETCH", "SELECT"...
  void command_started(std::string_view name);
  void command_finished() { running_.clear(); }
  // Judges one untagged response; updates the message count the client knows.
  std::optional<Violation> untagged(const imap::Response& response);

  std::optional<std::uint32_t> known_count() const { return known_count_; }

 private:
  std::optional<Violation> expunge(const imap::Response& response);
  std::optional<Violation> exists(const imap::Response& response);

  std::string running_;                     // the command in progress, "" when none
  std::optional<std::uint32_t> known_count_;  // messages in the selected mailbox, if known
};

}  // namespace referee::engine
