#pragma once
// <follow-referral client="C1" as="C1R"/>: follows the REFERRAL of a client's last tagged
// response (or greeting) the way a careful client would (docs/SCENARIO-LANGUAGE.md):
//   - every URL is validated (RFC 5092 grammar; no user and no ;AUTH= is a warn);
//   - a URL whose host is not a profile server is never contacted (RFC 2221 §6, a fail);
//   - the first usable URL is opened and logged into as the URL says (;AUTH=* or a mechanism:
//     the profile's credentials for the URL's user; a URL without a user: the referring
//     client's user, declared or sent in its LOGIN); login="none" only connects and checks the
//     greeting;
//   - a referred server that refers again (BYE greeting, login referral, or, for a mailbox
//     referral, a referral of the mailbox probe) continues the chain: more than max-hops is a
//     fail (RFC 2221 §3), the same URL twice is a loop (RFC 2193 §3);
//   - for a mailbox referral, the referred server must serve the mailbox: the referred SELECT
//     or EXAMINE is re-issued there, any other command is probed with STATUS (never repeated:
//     the scenario's next step does that); not for CREATE, whose mailbox does not exist yet.
//     ${C1R.mailbox} names the mailbox of the last URL followed.
//   - when the chain does not end at a usable server, `as` is unavailable: later steps on it
//     are skipped (recorded as not applicable), the failure stays the scenario's outcome.

#include <boost/asio/awaitable.hpp>

#include "harness/engine/run/scenario_context.hpp"
#include "harness/scenario/model.hpp"

namespace referee::engine {

boost::asio::awaitable<void> follow_referral(ScenarioContext& context,
                                             const scenario::FollowReferralStep& step);

}  // namespace referee::engine
