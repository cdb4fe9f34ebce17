#pragma once
// The explanation printed for each scenario that failed (or, with --strict, warned): which
// requirement, the RFC sentence, expected vs observed, where it was decided, and the last
// transcript lines of every client involved.
//
//   FAIL  rfc2193/4.1/select-remote-mailbox: SELECT of a remote mailbox
//     fail  rfc2193-4.1-mailbox-referral (RFC 2193 §4.1, MAY) at select.xml:21:5, client C1
//       "An IMAP4 server MAY respond to the SELECT ... command with one or more IMAP mailbox
//        referrals ..."
//       expected: NO [REFERRAL imap://...]
//       observed: a1 OK SELECT completed
//     last lines of C1:
//       +0.000010 C1 alpha C: a1 SELECT remote/projects

#include <cstddef>
#include <string>
#include <vector>

#include "harness/engine/result.hpp"
#include "harness/scenario/requirement.hpp"

namespace referee::cli {

struct FailureReportStyle {
  bool color = false;
  bool strict = false;                 // warn counts as a failure
  std::size_t transcript_lines = 8;    // per client
};

// The clients whose transcripts explain the failure: those of the failing checks, in order;
// every client of the transcript when no check names one (an error before any check).
std::vector<std::string> clients_involved(const engine::ScenarioResult& scenario, bool strict);

// The block for one scenario; empty when it does not count as a failure.
std::string describe_failure(const engine::ScenarioResult& scenario,
                             const scenario::RequirementCatalogue& catalogue,
                             const FailureReportStyle& style);

}  // namespace referee::cli
