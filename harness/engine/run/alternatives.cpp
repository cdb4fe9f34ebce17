#include "harness/engine/run/alternatives.hpp"

#include <algorithm>
#include <optional>

#include "harness/engine/match/outcome.hpp"

namespace referee::engine {
namespace {

using scenario::Alternative;
using scenario::Step;

struct Candidate {
  const Alternative* alternative;
  CheckRecorder checks;
  bool dropped = false;
  std::string why_dropped;
  std::size_t reached = 0;        // the step index where it was dropped (how far it went)

  std::size_t warnings() const {
    return static_cast<std::size_t>(std::count_if(
        checks.checks().begin(), checks.checks().end(),
        [](const CheckResult& check) { return check.outcome == Outcome::warn; }));
  }
};

bool is_should(scenario::Level level) {
  return level == scenario::Level::should || level == scenario::Level::should_not;
}

// A candidate's expectations describe its strategy: one that fails drops it, whatever the
// level (RFC 2180's strategies are all MAY), except SHOULD / SHOULD NOT, kept as warnings.
bool breaks(const CheckRecorder& checks, std::size_t index) {
  return checks.broken(index) && !is_should(checks.checks()[index].level);
}

bool breaks_candidate(const CheckRecorder& checks, std::size_t from) {
  if (checks.error()) return true;
  for (std::size_t i = from; i < checks.checks().size(); ++i) {
    if (breaks(checks, i)) return true;
  }
  return false;
}

// The first check that broke the candidate, as "expected X, observed Y".
std::string first_failure(const CheckRecorder& checks, std::size_t from) {
  if (checks.error()) return *checks.error();
  for (std::size_t i = from; i < checks.checks().size(); ++i) {
    const CheckResult& check = checks.checks()[i];
    if (breaks(checks, i)) return "expected " + check.expected + ", observed " + check.observed;
  }
  return "failed";
}

class LockStep {
 public:
  LockStep(ScenarioContext& context, StepExecutor& executor,
           const scenario::AlternativesStep& block)
      : context_(context), executor_(executor), block_(block) {
    for (const auto& alternative : block.alternatives) {
      candidates_.push_back(Candidate{&alternative, CheckRecorder(context.catalogue,
                                                                  context.scenario.rfc,
                                                                  context.scenario.section)});
    }
  }

  boost::asio::awaitable<void> run();

 private:
  std::vector<Candidate*> active_at(std::size_t index);
  boost::asio::awaitable<void> step(std::size_t index, const std::vector<Candidate*>& active);
  boost::asio::awaitable<void> compound_step(std::size_t index, const Step& step,
                                             Candidate& leader);
  void judge_all(std::size_t index, const std::vector<Candidate*>& same,
                 const std::vector<const Step*>& steps, const Observation& observed);
  void drop(Candidate& candidate, std::size_t index, std::string why);
  void conclude();
  void conclude_none(const std::string& rfc, Finding finding);

  ScenarioContext& context_;
  StepExecutor& executor_;
  const scenario::AlternativesStep& block_;
  std::vector<Candidate> candidates_;
};

std::vector<Candidate*> LockStep::active_at(std::size_t index) {
  std::vector<Candidate*> active;
  for (auto& candidate : candidates_) {
    if (!candidate.dropped && index < candidate.alternative->steps.size()) {
      active.push_back(&candidate);
    }
  }
  return active;
}

boost::asio::awaitable<void> LockStep::run() {
  for (std::size_t index = 0; !context_.stopped(); ++index) {
    std::vector<Candidate*> active = active_at(index);
    if (active.empty()) break;
    co_await step(index, active);
  }
  if (!context_.stopped()) conclude();
}

void LockStep::drop(Candidate& candidate, std::size_t index, std::string why) {
  candidate.dropped = true;
  candidate.why_dropped = std::move(why);
  candidate.reached = index;
}

boost::asio::awaitable<void> LockStep::step(std::size_t index,
                                            const std::vector<Candidate*>& active) {
  const Step& leading = active.front()->alternative->steps[index];
  if (!StepExecutor::is_simple(leading)) {
    for (Candidate* other : active) {
      if (other != active.front()) drop(*other, index, "its path diverges from the one followed");
    }
    co_await compound_step(index, leading, *active.front());
    co_return;
  }
  std::string key = executor_.action_key(leading);
  std::vector<Candidate*> same;
  std::vector<const Step*> steps;
  for (Candidate* candidate : active) {
    const Step& own = candidate->alternative->steps[index];
    if (StepExecutor::is_simple(own) && executor_.action_key(own) == key) {
      same.push_back(candidate);
      steps.push_back(&own);
    } else {
      drop(*candidate, index, "its step " + std::to_string(index + 1) + " differs from " + key);
    }
  }
  Observation observed = co_await executor_.perform(steps);
  if (observed.session == nullptr) {
    // A scenario error stopped the run, or the step was skipped (its client's referral
    // failed): the candidates cannot be confirmed.
    for (Candidate* candidate : same) drop(*candidate, index, "its step " + key + " was skipped");
    co_return;
  }
  judge_all(index, same, steps, observed);
}

void LockStep::judge_all(std::size_t index, const std::vector<Candidate*>& same,
                         const std::vector<const Step*>& steps, const Observation& observed) {
  // Every candidate is judged on the same pool before any of them consumes from it: settling
  // the first would hide the responses from the others.
  std::vector<std::optional<Judgement>> kept(same.size());
  for (std::size_t i = 0; i < same.size(); ++i) {
    std::size_t before = same[i]->checks.checks().size();
    Judgement judgement = executor_.judge(*steps[i], observed, same[i]->checks);
    if (breaks_candidate(same[i]->checks, before)) {
      drop(*same[i], index, first_failure(same[i]->checks, before));
    } else {
      kept[i] = std::move(judgement);
    }
  }
  for (std::size_t i = 0; i < same.size(); ++i) {
    if (kept[i]) executor_.settle(*steps[i], observed, *kept[i]);
  }
}

boost::asio::awaitable<void> LockStep::compound_step(std::size_t index, const Step& step,
                                                     Candidate& leader) {
  // Concurrent steps, referrals and nested blocks run as usual, recording into the scenario's
  // checks (they stay there even if the candidate is dropped later); a failure drops it.
  std::size_t before = context_.checks.checks().size();
  co_await executor_.run(step);
  const auto* follow = std::get_if<scenario::FollowReferralStep>(&step);
  if (breaks_candidate(context_.checks, before)) {
    drop(leader, index, first_failure(context_.checks, before));
  } else if (follow != nullptr && context_.unavailable(follow->as) != nullptr) {
    drop(leader, index, *context_.unavailable(follow->as));  // failed at SHOULD level only
  }
}

void LockStep::conclude() {
  Candidate* observed = nullptr;
  for (auto& candidate : candidates_) {
    if (candidate.dropped) continue;
    if (observed == nullptr || candidate.warnings() < observed->warnings()) observed = &candidate;
  }
  std::string rfc = context_.scenario.rfc;
  if (auto requirement = find_requirement(context_.catalogue, block_.requirement.id)) {
    rfc = requirement->rfc;
  }
  std::string expected = "one of:";
  for (const auto& alternative : block_.alternatives) expected += " " + alternative.id;
  Finding finding{block_.requirement.id, true, block_.name, expected, "", "", block_.where,
                  std::nullopt};
  if (observed == nullptr) return conclude_none(rfc, std::move(finding));
  const Alternative& alternative = *observed->alternative;
  context_.checks.append(observed->checks);
  finding.observed = block_.name + " = " + alternative.id + " (RFC " + rfc + " §" +
                     alternative.section + "): " + alternative.description;
  context_.strategies.push_back(ObservedStrategy{block_.name, alternative.id,
                                                 alternative.section, alternative.description});
  context_.checks.record_as(std::move(finding), outcome_when_observed(alternative.level));
}

void LockStep::conclude_none(const std::string& rfc, Finding finding) {
  // The candidate that went furthest (document order breaks ties) shows what actually broke:
  // its checks join the scenario's, so the failure names the requirement broken rather than
  // only the block's. A none="warn" block judges practice outside RFC 2180's strategies, never
  // a rule with force: its candidate's failures count as warnings at most (DECISIONS.md).
  const Candidate* furthest = nullptr;
  std::string what;
  for (const auto& candidate : candidates_) {
    what += (what.empty() ? "" : "; ") + candidate.alternative->id + ": " + candidate.why_dropped;
    if (furthest == nullptr || candidate.reached > furthest->reached) furthest = &candidate;
  }
  bool fail = block_.none_verdict == "fail";
  if (furthest != nullptr) {
    context_.checks.append(furthest->checks, fail ? Outcome::error : Outcome::warn);
  }
  finding.observed = "none matched (outside RFC " + rfc + "'s documented practice): " + what;
  context_.strategies.push_back(ObservedStrategy{block_.name, "", "", what});
  context_.checks.record_as(std::move(finding), fail ? Outcome::fail : Outcome::warn);
}

}  // namespace

boost::asio::awaitable<void> run_alternatives(ScenarioContext& context, StepExecutor& executor,
                                              const scenario::AlternativesStep& block) {
  LockStep lock_step(context, executor, block);
  co_await lock_step.run();
}

}  // namespace referee::engine
