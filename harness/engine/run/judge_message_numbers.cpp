#include "harness/engine/run/judge_message_numbers.hpp"

#include <algorithm>
#include <charconv>

#include "harness/engine/match/expunge_order.hpp"
#include "harness/imap/sequence_set.hpp"

namespace referee::engine {
namespace {

Finding finding(const JudgeContext& context, const scenario::RequirementRef& requirement,
                bool passed, std::string summary, std::string expected, std::string observed,
                std::optional<std::size_t> event) {
  return Finding{requirement.id, passed,         std::move(summary), std::move(expected),
                 std::move(observed), context.client, context.step,  event};
}

// "2,4" -> {2, 4}; "*" has no meaning before the batch, so it is refused.
checked<std::vector<std::uint32_t>> removed_messages(const std::string& text,
                                                     const Variables& variables) {
  auto substituted = variables.substitute(text);
  if (!substituted) return substituted.error();
  auto set = imap::SequenceSet::parse(*substituted);
  bool has_star = set && std::any_of(set->ranges().begin(), set->ranges().end(),
                                     [](const imap::SequenceRange& range) {
                                       return range.first.is_star || range.last.is_star;
                                     });
  if (!set || has_star) {
    return ScenarioError{"<expunges messages=\"" + *substituted +
                         "\">: not a sequence set of message numbers (no \"*\")"};
  }
  return set->members(0);
}

checked<std::uint32_t> expected_count(const std::string& text, const Variables& variables) {
  auto substituted = variables.substitute(text);
  if (!substituted) return substituted.error();
  std::uint32_t count = 0;
  const char* end = substituted->data() + substituted->size();
  auto [stop, problem] = std::from_chars(substituted->data(), end, count);
  if (problem != std::errc() || stop != end) {
    return ScenarioError{"<message-count equals=\"" + *substituted + "\">: not a number"};
  }
  return count;
}

}  // namespace

void judge_expunges(const scenario::ExpungeSetPattern& pattern, const CommandRun& run,
                    const ClientSession& session, const JudgeContext& context, CheckRecorder& out,
                    Judgement& judgement) {
  auto removed = removed_messages(pattern.messages, context.variables);
  if (!removed) return out.scenario_error(removed.error().message);
  std::vector<std::size_t> entries;
  std::vector<std::uint32_t> reported;
  const auto& pool = session.pool();
  for (std::size_t i = 0; i < run.pool_end && i < pool.size(); ++i) {
    if (pool[i].consumed || !pool[i].response.is_untagged("EXPUNGE")) continue;
    // An <untagged name="EXPUNGE"> of the same command already took this one.
    if (std::find(judgement.matched.begin(), judgement.matched.end(), i) != judgement.matched.end()) continue;
    entries.push_back(i);
    reported.push_back(pool[i].response.number.value_or(0));
  }
  auto verdict = check_expunge_order(*removed, reported);
  std::string expected = "EXPUNGE responses removing messages " + join_numbers(*removed) +
                         ", each number lowered by the EXPUNGEs before it, in any order";
  std::string observed = "EXPUNGE " + join_numbers(reported) + ": " + verdict.explanation;
  std::optional<std::size_t> event = entries.empty() ? run.tagged_event : pool[entries.back()].event;
  out.record(finding(context, pattern.requirement, verdict.consistent,
                     "EXPUNGE numbers after " + run.name, expected, observed, event));
  if (verdict.consistent) judgement.matched.insert(judgement.matched.end(), entries.begin(), entries.end());
}

void judge_message_count(const scenario::MessageCountPattern& pattern, const CommandRun& run,
                         const ClientSession& session, const JudgeContext& context,
                         CheckRecorder& out) {
  auto wanted = expected_count(pattern.equals, context.variables);
  if (!wanted) return out.scenario_error(wanted.error().message);
  auto known = session.known_count();
  std::string observed = known ? std::to_string(*known) + " messages (last EXISTS less the EXPUNGEs since)"
                               : "no EXISTS received since the mailbox was selected";
  out.record(finding(context, pattern.requirement, known == *wanted,
                     "messages known after " + run.name, std::to_string(*wanted) + " messages",
                     observed, run.tagged_event ? run.tagged_event : run.sent_event));
}

}  // namespace referee::engine
