#pragma once
// Judging what a client was told about its message numbers: <expunges> (the EXPUNGE responses
// of a command report a given set of messages, numbered by RFC 3501 §7.4.1's immediate
// decrement, in any order of removal) and <message-count> (the number of messages the client
// knows of once the command is done).

#include "harness/engine/run/judge.hpp"

namespace referee::engine {

// Looks at the EXPUNGE responses not consumed yet among the pool entries the command may see;
// a consistent batch is consumed (added to `judgement.matched`).
void judge_expunges(const scenario::ExpungeSetPattern& pattern, const CommandRun& run,
                    const ClientSession& session, const JudgeContext& context, CheckRecorder& out,
                    Judgement& judgement);

void judge_message_count(const scenario::MessageCountPattern& pattern, const CommandRun& run,
                         const ClientSession& session, const JudgeContext& context,
                         CheckRecorder& out);

}  // namespace referee::engine
