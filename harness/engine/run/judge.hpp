#pragma once
// Judging what a step observed against what the scenario expects: untagged responses (must,
// may, must-not, in order or not), the tagged status, response codes, referrals, BYE and close.
// Judging never reads from the network; the executor performs, then asks for a judgement, so
// alternatives can judge one observation against several candidates.

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "harness/engine/match/referral_judge.hpp"
#include "harness/engine/match/variables.hpp"
#include "harness/engine/run/checks.hpp"
#include "harness/engine/run/client_session.hpp"
#include "harness/profile/model.hpp"
#include "harness/scenario/model.hpp"

namespace referee::engine {

struct JudgeContext {
  const Variables& variables;
  const profile::Profile& profile;
  std::string client;
  scenario::SourceLocation step;
};

// Which pool entries the patterns of one step may look at.
struct PoolWindow {
  std::size_t end = 0;           // entries [0, end) are candidates for must / may patterns
  std::size_t must_not_from = 0; // must-not patterns only look at [must_not_from, end)
};

// What a judgement wants done after it: pool entries to consume, variables to set.
struct Judgement {
  std::vector<std::size_t> matched;
  std::vector<std::pair<std::string, std::string>> captures;
};

// The pool entry each pattern matches (greedy, in pattern order, each entry used once;
// `ordered`: each match after the previous one), nullopt where none does.
checked<std::vector<std::optional<std::size_t>>> assign_patterns(
    const std::vector<scenario::UntaggedPattern>& patterns,
    const std::vector<PooledResponse>& pool, PoolWindow window, bool ordered,
    const Variables& variables);

// True when every must pattern has a match (a wait can stop).
checked<bool> musts_satisfied(const std::vector<scenario::UntaggedPattern>& patterns,
                              const std::vector<PooledResponse>& pool, PoolWindow window,
                              bool ordered, const Variables& variables);

// Untagged expectations; `waited` says how the wait ended, for the message of a missing must.
Judgement judge_untagged(const std::vector<scenario::UntaggedPattern>& patterns,
                         const std::vector<PooledResponse>& pool, PoolWindow window, bool ordered,
                         const std::string& waited, const JudgeContext& context,
                         CheckRecorder& out);

// A whole command (or resumed command): tagged status and code, referral, untagged, BYE, close.
Judgement judge_command(const scenario::Expectations& expect, const CommandRun& run,
                        const ClientSession& session, const JudgeContext& context,
                        CheckRecorder& out);

// The greeting of a client whose <client> carries a <greeting> pattern.
void judge_greeting(const scenario::GreetingPattern& pattern, const ClientSession& session,
                    const JudgeContext& context, CheckRecorder& out);

// Each URL that does not parse is a fail (RFC 5092 §11, naming the rule); lint findings
// (no user and no ;AUTH=, ...) are warn or info.
void judge_url_syntax(const std::vector<CheckedUrl>& urls, const JudgeContext& context,
                      std::optional<std::size_t> event, CheckRecorder& out);

}  // namespace referee::engine
