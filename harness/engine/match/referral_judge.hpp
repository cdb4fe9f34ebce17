#pragma once
// Judging the URLs of a REFERRAL response code (RFC 2193 §4, RFC 2221 §3): each is parsed
// (RFC 5092 grammar), linted (no user and no ;AUTH= is a warn, DECISIONS.md), mapped to a
// profile server, then compared structurally with the scenario's <referral> pattern.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/engine/match/scenario_error.hpp"
#include "harness/engine/match/variables.hpp"
#include "harness/imap/imap_url.hpp"
#include "harness/profile/model.hpp"
#include "harness/scenario/model.hpp"

namespace referee::engine {

struct CheckedUrl {
  std::string text;                        // as the server sent it
  std::optional<imap::ImapUrl> url;        // set when it parses
  std::optional<imap::UrlProblem> problem; // set when it does not
  std::vector<imap::UrlFinding> findings;  // lint results for a parsed URL
  const profile::Server* server = nullptr; // the profile server its host:port names, if any

  // "imap://bob;AUTH=*@127.0.0.1:1430/remote (server beta)".
  std::string describe() const;
};

// mailbox_referral: the referral answers a mailbox command (RFC 2193) rather than a login
// (RFC 2221); it decides which lint rules apply.
std::vector<CheckedUrl> check_referral_urls(const std::vector<std::string>& urls,
                                            bool mailbox_referral,
                                            const profile::Profile& profile);

// count="0" (no REFERRAL code at all), "1", "2", "2+", "pairs" (an even number, at least 2:
// RENAME, RFC 2193 §4.3) or "any" (a REFERRAL code with any number of URLs).
bool count_matches(std::string_view count, std::size_t urls);

struct ReferralMatch {
  bool matched = false;
  std::string expected;  // the pattern, readable
  std::string observed;  // the URLs, readable, and the first difference
};

// URLs are compared with the patterns in order; every attribute a pattern gives must equal
// the decoded URL part (auth="any": "*" or any mechanism; "absent": no ;AUTH=). A user a
// pattern names that the referral writes without the percent-encoding RFC 5092 §3.2 requires
// never matches, and `observed` starts with what is wrong ("user name ... not percent-encoded").
checked<ReferralMatch> match_referral(const scenario::ReferralPattern& pattern,
                                      const std::vector<CheckedUrl>& urls,
                                      const profile::Profile& profile,
                                      const Variables& variables);

}  // namespace referee::engine
