#pragma once
// The invariants `referee stress` checks live, each with its requirement in
// scenarios/requirements.xml, and what a check found (docs/STRESS.md lists them all).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace referee::stress {

struct Invariant {
  std::string_view name;         // stable: reports, replay files and the fault table use it
  std::string_view requirement;  // catalogue id
};

namespace invariant {
// Seen by the engine's ClientSession on every response (harness/engine/run/implicit_rules.hpp).
inline constexpr Invariant no_expunge_during_fetch{
    "no-expunge-during-fetch-store-search", "rfc3501-7.4.1-no-expunge-during-fetch-store-search"};
inline constexpr Invariant exists_never_decreases{"exists-never-decreases",
                                                  "rfc3501-5.2-exists-never-decreases"};
inline constexpr Invariant response_syntax{"response-syntax", "rfc3501-9-response-syntax"};
inline constexpr Invariant bye_before_close{"bye-before-close", "rfc3501-3.4-bye-before-close"};
// Judged by the stress model (checker.cpp).
inline constexpr Invariant sequence_numbers{"sequence-numbers",
                                            "rfc3501-2.3.1.2-sequence-number-range"};
inline constexpr Invariant appended_announced{"appended-announced", "rfc3501-5.2-size-updates"};
inline constexpr Invariant flags_converge{"flags-converge", "rfc3501-7.4.2-fetch-flags"};
inline constexpr Invariant uid_ascending{"uid-ascending", "rfc3501-2.3.1.2-ordered-by-uid"};
inline constexpr Invariant uid_stable{"uid-stable", "rfc3501-2.3.1.1-uid-stable"};
inline constexpr Invariant uid_never_reused{"uid-never-reused", "rfc3501-2.3.1.1-uid-never-reused"};
inline constexpr Invariant recent_one_session{"recent-one-session",
                                              "rfc3501-2.3.2-recent-one-session"};
inline constexpr Invariant pending_expunge_to_copy{"pending-expunge-to-copy",
                                                   "rfc2180-4.4.1-pending-expunge-to-copy"};
inline constexpr Invariant refused_copy_adds_nothing{"refused-copy-adds-nothing",
                                                     "rfc2180-4.4.1-restore-destination"};
inline constexpr Invariant answered_in_time{"answered-within-deadline",
                                            "rfc3501-2.2.1-command-completion"};
inline constexpr Invariant no_bad_to_well_formed{"no-bad-to-well-formed",
                                                 "rfc3501-7.1.3-bad-protocol-error"};
// Information or warnings, never failures (SHOULDs, and RFC 2180 is Informational).
inline constexpr Invariant rfc2180_consistent{"rfc2180-strategy-consistent",
                                              "rfc2180-4.1.3-nil-fetch"};
inline constexpr Invariant only_expunged_fetch_no{"only-expunged-fetch-no",
                                                  "rfc2180-4.1.3-only-expunged-no"};
}  // namespace invariant

// Every invariant, for documentation, the CLI and lookups by name.
const std::vector<Invariant>& all_invariants();
std::optional<Invariant> find_invariant(std::string_view name);
// The invariant an engine implicit rule's requirement id stands for.
std::optional<Invariant> invariant_for_requirement(std::string_view requirement);

// What one check found on one client's command.
struct Finding {
  Invariant invariant;
  bool violation = true;       // false: information (RFC 2180 strategy inconsistency)...
  bool warning = false;        // ...or, when set, a warning (an RFC 2180 SHOULD broken)
  std::string client;
  std::string summary;
  std::string expected;
  std::string observed;
  // Information only: the earlier observation it contradicts, as transcript lines.
  std::vector<std::string> earlier_transcript;
  // For the scenario writer: an untagged response the command should (must) or should not
  // (must-not) have carried, e.g. {"EXPUNGE", must} for a COPY that hid a pending expunge.
  std::string expect_response;       // response name; empty: only the tagged status matters
  bool expect_present = true;
  std::string expect_number;         // the response's message number, or empty
  std::string expect_line;           // the exact line (without CRLF) it must not be, or empty
  std::string expect_tagged;         // tagged statuses the command must get ("OK NO"), or empty
};

}  // namespace referee::stress
