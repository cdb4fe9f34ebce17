#pragma once
// One client's random command stream. Each draw depends on the client's seed and on what the
// client knows of its selected mailbox (the message count, the UIDs it has seen), so streams
// stay meaningful; the commands drawn are logged, so a replay needs only the log, never the
// generator.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/stress/mix.hpp"
#include "harness/stress/stress_command.hpp"

namespace referee::stress {

// What the generator may base a command on: the client's own view, nothing else.
struct GeneratorView {
  std::optional<unsigned> mailbox;  // index of the selected mailbox
  std::uint32_t count = 0;          // messages in the session's view
  std::uint32_t highest_uid = 0;    // highest UID the session has seen there
  bool just_selected = false;       // the last command was a successful SELECT
};

class CommandGenerator {
 public:
  // `mailboxes`: the names of the run's test mailboxes, as on the wire.
  CommandGenerator(std::uint64_t seed, Mix mix, std::vector<std::string> mailboxes,
                   std::string client);

  StressCommand next(const GeneratorView& view);

 private:
  StressCommand draw(CommandKind kind, const GeneratorView& view);
  StressCommand select();
  StressCommand fetch(const GeneratorView& view);
  StressCommand store(const GeneratorView& view);
  StressCommand append(std::optional<unsigned> mailbox);
  StressCommand copy(const GeneratorView& view);
  StressCommand search();
  std::string sequence_set(std::uint32_t count);
  std::string uid_set(std::uint32_t highest_uid);
  std::string flag();
  const std::string& quoted_mailbox(unsigned index) const { return quoted_[index]; }

  Random random_;
  Mix mix_;
  std::vector<std::string> quoted_;  // "\"name\"" for each mailbox
  std::string client_;
  std::uint64_t appended_ = 0;
};

}  // namespace referee::stress
