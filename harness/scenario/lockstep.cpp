#include "harness/scenario/lockstep.hpp"

#include <algorithm>

namespace referee::scenario {
namespace {

std::string command_key(const CommandStep& command) {
  std::string key = "command " + command.client + ": ";
  for (const SendPart& part : command.send) {
    if (const auto* text = std::get_if<std::string>(&part)) {
      key += *text;
    } else {
      key += "{" + std::get<LiteralPart>(part).bytes + "}";
    }
  }
  return key;
}

struct ActionKey {
  std::string operator()(const CommandStep& step) const { return command_key(step); }
  std::string operator()(const ResumeStep& step) const { return "resume " + step.client; }
  std::string operator()(const AwaitStep& step) const { return "await " + step.client; }
  std::string operator()(const FenceStep& step) const { return "fence " + step.client; }
  std::string operator()(const BarrierStep& step) const {
    std::string key = "barrier";
    for (const std::string& client : step.clients) key += " " + client;
    return key;
  }
  std::string operator()(const ExpectCloseStep& step) const { return "expect-close " + step.client; }
  std::string operator()(const FollowReferralStep& step) const {
    return "follow-referral " + step.client + " as " + step.as;
  }
  std::string operator()(const std::shared_ptr<ConcurrentStep>& step) const {
    std::string key = "concurrent";
    for (const CommandStep& command : step->commands) key += " [" + command_key(command) + "]";
    return key;
  }
  std::string operator()(const std::shared_ptr<AlternativesStep>& step) const {
    return "alternatives " + step->name;
  }
};

SourceLocation where_of(const Step& step) {
  return std::visit(
      [](const auto& value) -> SourceLocation {
        if constexpr (requires { value->where; }) {
          return value->where;
        } else {
          return value.where;
        }
      },
      step);
}

}  // namespace

std::string action_key(const Step& step) { return std::visit(ActionKey{}, step); }

std::optional<Divergence> find_divergence(const AlternativesStep& block) {
  std::size_t longest = 0;
  for (const Alternative& alternative : block.alternatives) {
    longest = std::max(longest, alternative.steps.size());
  }
  for (std::size_t index = 0; index < longest; ++index) {
    // The engine follows the first alternative, in document order, that still has a step here.
    const Alternative* followed = nullptr;
    for (const Alternative& candidate : block.alternatives) {
      if (index >= candidate.steps.size()) continue;
      if (followed == nullptr) {
        followed = &candidate;
        continue;
      }
      const std::string followed_action = action_key(followed->steps[index]);
      const std::string other_action = action_key(candidate.steps[index]);
      if (other_action != followed_action) {
        return Divergence{index, followed->id, candidate.id, followed_action, other_action,
                          where_of(candidate.steps[index])};
      }
    }
  }
  return std::nullopt;
}

}  // namespace referee::scenario
