#pragma once
// The live model a stress run checks against: each test mailbox as far as the clients have
// seen it, and each session's view of its selected mailbox. Time is a logical clock: one tick
// per command sent and per command answered, so "A's APPEND was answered before B sent its
// NOOP" is `append.done < noop.sent`, a fact the server must have seen in that order too.

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "harness/stress/mix.hpp"

namespace referee::stress {

using Tick = std::uint64_t;

// One message in a session's view: its UID once the session has seen it (0 until then).
struct Slot {
  std::uint32_t uid = 0;
  Tick announced = 0;  // when the command that told the session it exists was sent
};

// An APPEND or COPY answered OK: messages every session with the mailbox selected must be
// told of by its next command.
struct Addition {
  Tick sent = 0;             // when the command adding them was sent
  Tick done = 0;             // ...and answered
  std::uint32_t count = 0;   // messages added (COPY: every message it named)
};

// What the command a session has in flight needs remembered until it is answered.
struct InFlight {
  CommandKind kind = CommandKind::noop;
  std::string name;                      // "FETCH", "UID STORE", ...
  Tick sent = 0;
  std::optional<unsigned> mailbox;       // the session's selected mailbox when it was sent
  bool well_formed = true;               // valid in this state, numbers within the view
  std::optional<unsigned> target;        // APPEND/COPY destination, SELECT's mailbox
  std::uint64_t store_generation = 0;    // STORE: the mailbox's generation it started
  bool store_alone = false;              // STORE: no other STORE on the mailbox was running
  std::vector<std::uint32_t> pending_expunged;  // COPY: UIDs expunged before it was sent
  std::vector<std::uint32_t> requested;  // FETCH/STORE: message numbers asked for
  std::vector<std::uint32_t> expunged_requested;  // ...of those, expunged before it was sent
  std::uint32_t count_at_send = 0;
  std::uint32_t adds = 0;                // APPEND/COPY: messages it may add to `target`
};

struct SessionModel {
  std::string client;                    // "C1"
  std::optional<unsigned> mailbox;       // selected mailbox index
  Tick selected_sent = 0;                // when the SELECT of it was sent
  Tick selected_done = 0;                // ...and answered (max: still running)
  std::vector<Slot> slots;               // index = sequence number - 1
  std::uint32_t highest_uid = 0;         // highest UID seen in the selected mailbox
  bool just_selected = false;
  std::optional<InFlight> in_flight;
  // Since the SELECT: messages APPEND and COPY commands may have added (those running when it
  // was sent, those sent since, less those refused), and messages announced by EXISTS.
  std::uint64_t may_grow = 0;
  std::uint64_t grown = 0;
  // Messages it has certainly had to be told of since the SELECT (check_announced), and how
  // far into its mailbox's `additions` (of `additions_epoch`) that count has got.
  std::uint64_t certain = 0;
  std::uint64_t additions_epoch = 0;
  std::size_t additions_index = 0;
};

// What the run knows of one test mailbox.
struct MailboxModel {
  std::string name;
  std::uint32_t uid_validity = 0;
  std::unordered_map<std::uint32_t, Tick> expunged;            // UID -> first EXPUNGE seen for it
  std::unordered_map<std::uint32_t, unsigned> recent_holder;   // UID -> client shown \Recent
  struct Flags {
    std::vector<std::string> flags;  // sorted, without \Recent
    Tick known = 0;                  // when a STORE reported them
    std::uint64_t generation = 0;    // the mailbox's store generation they belong to
  };
  std::unordered_map<std::uint32_t, Flags> flags;
  std::uint64_t store_generation = 0;  // +1 for every STORE sent on it
  unsigned stores_running = 0;
  unsigned expunges_running = 0;       // EXPUNGE commands in flight
  std::uint64_t adds_running = 0;      // messages APPEND/COPY commands in flight may add
  // Additions answered OK since the last EXPUNGE ended (older ones may have been expunged
  // before a session could be told, so they prove nothing), in the order they were answered.
  std::vector<Addition> additions;
  std::uint64_t additions_epoch = 0;   // +1 each time `additions` is cleared
  Tick last_expunge_done = 0;

  void forget_uids();  // a new UIDVALIDITY
};

}  // namespace referee::stress
