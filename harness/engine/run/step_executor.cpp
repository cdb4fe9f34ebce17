#include "harness/engine/run/step_executor.hpp"

#include <algorithm>

#include "harness/engine/match/response_match.hpp"
#include "harness/engine/run/alternatives.hpp"
#include "harness/engine/run/referral_follower.hpp"

namespace referee::engine {

using namespace scenario;

std::string where(const SourceLocation& location) {
  return location.file + ":" + std::to_string(location.line);
}

boost::asio::awaitable<void> StepExecutor::run(const std::vector<Step>& steps) {
  for (const Step& step : steps) {
    if (context_.stopped()) co_return;
    if (context_.settings.was_interrupted()) {
      cut_short_ = true;
      co_return;
    }
    co_await run(step);
  }
}

boost::asio::awaitable<void> StepExecutor::run(const Step& step) {
  if (is_simple(step)) {
    const std::vector<const Step*> single{&step};  // named: g++ 12 and braced temporaries
    Observation observed = co_await perform(single);
    if (observed.session == nullptr) co_return;
    Judgement judgement = judge(step, observed, context_.checks);
    settle(step, observed, judgement);
  } else if (const auto* concurrent = std::get_if<std::shared_ptr<ConcurrentStep>>(&step)) {
    co_await run_concurrent(**concurrent);
  } else if (const auto* follow = std::get_if<FollowReferralStep>(&step)) {
    co_await follow_referral(context_, *follow);
  } else if (const auto* alternatives = std::get_if<std::shared_ptr<AlternativesStep>>(&step)) {
    co_await run_alternatives(context_, *this, **alternatives);
  }
}

bool StepExecutor::is_simple(const Step& step) {
  return std::holds_alternative<CommandStep>(step) || std::holds_alternative<ResumeStep>(step) ||
         std::holds_alternative<AwaitStep>(step) || std::holds_alternative<FenceStep>(step) ||
         std::holds_alternative<BarrierStep>(step) || std::holds_alternative<ExpectCloseStep>(step);
}

std::string StepExecutor::action_key(const Step& step) const {
  if (const auto* command = std::get_if<CommandStep>(&step)) {
    std::string text;
    for (const auto& part : command->send) {
      const auto* plain = std::get_if<std::string>(&part);
      auto substituted = context_.variables.substitute(plain ? *plain : "");
      text += plain ? (substituted ? *substituted : *plain)
                    : "{literal}" + std::get<LiteralPart>(part).bytes;
    }
    return "command " + command->client + " " + text;
  }
  if (const auto* resume = std::get_if<ResumeStep>(&step)) return "resume " + resume->client;
  if (const auto* await = std::get_if<AwaitStep>(&step)) return "await " + await->client;
  if (const auto* fence = std::get_if<FenceStep>(&step)) return "fence " + fence->client;
  if (const auto* close = std::get_if<ExpectCloseStep>(&step)) return "close " + close->client;
  if (const auto* barrier = std::get_if<BarrierStep>(&step)) {
    std::string key = "barrier";
    for (const auto& client : barrier->clients) key += " " + client;
    return key;
  }
  return "compound";  // never the same action as another candidate's: see alternatives.cpp
}

boost::asio::awaitable<Observation> StepExecutor::perform(const std::vector<const Step*>& steps) {
  const Step& step = *steps.front();
  if (const auto* command = std::get_if<CommandStep>(&step)) co_return co_await perform_command(*command);
  if (const auto* resume = std::get_if<ResumeStep>(&step)) co_return co_await perform_resume(*resume);
  if (std::holds_alternative<AwaitStep>(step)) co_return co_await perform_await(steps);
  if (const auto* fence = std::get_if<FenceStep>(&step)) co_return co_await perform_fence(*fence);
  if (const auto* barrier = std::get_if<BarrierStep>(&step)) co_return co_await perform_barrier(*barrier);
  co_return co_await perform_close(std::get<ExpectCloseStep>(step));
}

Judgement StepExecutor::judge(const Step& step, const Observation& observed, CheckRecorder& out) {
  if (const auto* command = std::get_if<CommandStep>(&step)) {
    if (observed.run->held) return {};  // judged by the <resume> that completes it
    auto context = context_.judge_context(command->client, command->where);
    return judge_command(command->expect, *observed.run, *observed.session, context, out);
  }
  if (const auto* resume = std::get_if<ResumeStep>(&step)) {
    auto context = context_.judge_context(resume->client, resume->where);
    return judge_command(resume->expect, *observed.run, *observed.session, context, out);
  }
  if (const auto* await = std::get_if<AwaitStep>(&step)) {
    auto context = context_.judge_context(await->client, await->where);
    PoolWindow window{.end = observed.session->pool().size(), .must_not_from = 0};
    return judge_untagged(await->untagged, observed.session->pool(), window, false,
                          observed.waited, context, out);
  }
  if (const auto* fence = std::get_if<FenceStep>(&step); fence && !observed.run->tagged) {
    out.record(Finding{"", false, "NOOP (fence) answered", "a tagged response to NOOP",
                       observed.run->failure, fence->client, fence->where, observed.run->sent_event});
  }
  if (const auto* close = std::get_if<ExpectCloseStep>(&step)) judge_close(*close, observed, out);
  return {};
}

void StepExecutor::settle(const Step& step, const Observation& observed,
                          const Judgement& judgement) {
  context_.apply(judgement, *observed.session);
  // A command owns the responses it caused: they do not linger for later awaits (a fence's
  // do, that is what a fence is for).
  bool owns_responses = std::holds_alternative<CommandStep>(step) ||
                        std::holds_alternative<ResumeStep>(step);
  if (!owns_responses || !observed.run || observed.run->held) return;
  auto& pool = observed.session->pool();
  for (std::size_t i = observed.run->pool_begin; i < observed.run->pool_end; ++i) {
    pool[i].consumed = true;
  }
}

std::optional<std::vector<SendPart>> StepExecutor::substitute(const std::vector<SendPart>& send) {
  std::vector<SendPart> parts;
  for (const auto& part : send) {
    const auto* text = std::get_if<std::string>(&part);
    if (text == nullptr) {
      parts.push_back(part);  // literal bytes are sent as written
      continue;
    }
    auto substituted = context_.variables.substitute(*text);
    if (!substituted) {
      context_.checks.scenario_error(substituted.error().message);
      return std::nullopt;
    }
    parts.push_back(std::move(*substituted));
  }
  return parts;
}

ClientSession* StepExecutor::known_client(const std::string& id, const SourceLocation& at) {
  ClientSession* session = context_.client(id);
  if (session != nullptr) return session;
  if (context_.unavailable(id) != nullptr) {
    context_.skip_step(id, at);  // its follow-referral failed, and says so
  } else {
    context_.checks.scenario_error("unknown client " + id + " at " + where(at));
  }
  return nullptr;
}

ClientSession* StepExecutor::idle_client(const std::string& id, const SourceLocation& at) {
  ClientSession* session = known_client(id, at);
  if (session != nullptr && session->in_flight()) {
    context_.checks.scenario_error(id + " still has a command in flight at " + where(at) +
                                   " (resume it first)");
    return nullptr;
  }
  return session;
}

boost::asio::awaitable<Observation> StepExecutor::perform_command(const CommandStep& step) {
  ClientSession* session = idle_client(step.client, step.where);
  auto parts = session ? substitute(step.send) : std::nullopt;
  if (!parts) co_return Observation{};
  auto deadline = context_.deadline(step.timeout);
  co_await session->start(*parts, deadline);
  if (!session->command().held) co_await session->finish(deadline);
  co_return Observation{.session = session, .run = &session->command()};
}

boost::asio::awaitable<Observation> StepExecutor::perform_resume(const ResumeStep& step) {
  ClientSession* session = known_client(step.client, step.where);
  if (session == nullptr) co_return Observation{};
  if (!session->command().held) {
    context_.checks.scenario_error("<resume> of " + step.client + " at " + where(step.where) +
                                   " but no command of it is held");
    co_return Observation{};
  }
  auto deadline = context_.deadline(step.timeout);
  co_await session->resume(deadline);
  co_await session->finish(deadline);
  co_return Observation{.session = session, .run = &session->command()};
}

boost::asio::awaitable<Observation> StepExecutor::perform_await(const std::vector<const Step*>& steps) {
  const auto& first = std::get<AwaitStep>(*steps.front());
  ClientSession* session = known_client(first.client, first.where);
  if (session == nullptr) co_return Observation{};
  auto timeout = context_.timeout(first.timeout);
  auto deadline = net::deadline_after(timeout);
  auto any_satisfied = [&]() -> checked<bool> {
    bool any_must = false;
    for (const Step* step : steps) {
      const auto& patterns = std::get<AwaitStep>(*step).untagged;
      bool has_must = std::any_of(patterns.begin(), patterns.end(),
                                  [](const auto& p) { return p.presence == Presence::must; });
      if (!has_must) continue;
      any_must = true;
      auto done = musts_satisfied(patterns, session->pool(), {session->pool().size(), 0}, false,
                                  context_.variables);
      if (!done || *done) return done;
    }
    return !any_must;
  };
  Observation observed{.session = session, .waited = "all arrived"};
  // Patterns are matched again only when the pool grew: a flood beyond the cap costs nothing.
  std::optional<std::size_t> matched_pool_size;
  for (;;) {
    if (matched_pool_size != session->pool().size()) {
      matched_pool_size = session->pool().size();
      auto done = any_satisfied();
      if (!done) {
        context_.checks.scenario_error(done.error().message);
        co_return Observation{};
      }
      if (*done) break;
    }
    ReadStatus status = co_await session->read_one(deadline);
    if (status == ReadStatus::timeout) {
      observed.waited = "the deadline (" + std::to_string(timeout.count()) + " ms) passed";
      break;
    }
    if (status == ReadStatus::closed) {
      observed.waited = "the connection closed: " + session->close_reason();
      break;
    }
  }
  session->flush_flood();
  co_return observed;
}

boost::asio::awaitable<Observation> StepExecutor::perform_fence(const FenceStep& step) {
  ClientSession* session = idle_client(step.client, step.where);
  if (session == nullptr) co_return Observation{};
  const std::vector<SendPart> noop{std::string("NOOP")};
  co_await session->run(noop, context_.deadline(std::nullopt));
  co_return Observation{.session = session, .run = &session->command()};
}

boost::asio::awaitable<Observation> StepExecutor::perform_barrier(const BarrierStep& step) {
  Observation observed;
  for (const auto& id : step.clients) {
    ClientSession* session = known_client(id, step.where);
    if (session == nullptr) co_return Observation{};
    if (session->command().held) {
      context_.checks.scenario_error("barrier at " + where(step.where) + ": " + id +
                                     " has a held command; resume it first");
      co_return Observation{};
    }
    if (session->in_flight()) co_await session->finish(context_.deadline(std::nullopt));
    observed.session = session;
  }
  co_return observed;
}

boost::asio::awaitable<Observation> StepExecutor::perform_close(const ExpectCloseStep& step) {
  ClientSession* session = known_client(step.client, step.where);
  if (session == nullptr) co_return Observation{};
  bool closed = co_await session->wait_closed(context_.deadline(step.timeout));
  co_return Observation{.session = session, .closed = closed};
}

void StepExecutor::judge_close(const ExpectCloseStep& step, const Observation& observed,
                               CheckRecorder& out) {
  auto timeout = std::to_string(context_.timeout(step.timeout).count());
  auto event = observed.session->last_event();
  out.record(Finding{step.requirement.id, observed.closed, "server closes the connection",
                     "the connection closed", observed.closed ? "closed: " + observed.session->close_reason()
                                                              : "still open after " + timeout + " ms",
                     step.client, step.where, event});
  if (step.bye == Presence::must) {
    bool bye = observed.session->bye_seen();
    const auto& requirement = step.bye_requirement.id.empty() ? step.requirement : step.bye_requirement;
    out.record(Finding{requirement.id, bye, "untagged BYE before the close", "untagged BYE",
                       bye ? "BYE received" : "no BYE", step.client, step.where, event});
  }
}

// One client's commands in a <concurrent>, in document order: several are pipelined.
struct StepExecutor::Batch {
  std::vector<const CommandStep*> commands;
  ClientSession* session = nullptr;
  net::Deadline deadline;
};

std::vector<StepExecutor::Batch> StepExecutor::batches_of(const ConcurrentStep& step) {
  std::vector<Batch> batches;
  for (const CommandStep& command : step.commands) {
    auto same = std::find_if(batches.begin(), batches.end(), [&](const Batch& batch) {
      return batch.commands.front()->client == command.client;
    });
    if (same == batches.end()) same = batches.insert(batches.end(), Batch{});
    same->commands.push_back(&command);
  }
  return batches;
}

boost::asio::awaitable<void> StepExecutor::run_concurrent(const ConcurrentStep& step) {
  // "all are sent, in order, before any response is awaited; then each is judged."
  std::vector<Batch> batches = batches_of(step);
  for (Batch& batch : batches) {
    const CommandStep& first = *batch.commands.front();
    batch.session = idle_client(first.client, first.where);
    if (batch.session == nullptr) co_return;
    std::vector<std::vector<SendPart>> sends;
    for (const CommandStep* command : batch.commands) {
      auto parts = substitute(command->send);
      if (!parts) co_return;
      sends.push_back(std::move(*parts));
    }
    batch.deadline = context_.deadline(first.timeout);
    if (sends.size() == 1) {
      co_await batch.session->start(sends.front(), batch.deadline);
    } else {
      co_await batch.session->start_pipeline(sends, batch.deadline);
    }
  }
  for (Batch& batch : batches) {
    ClientSession& session = *batch.session;
    if (batch.commands.size() == 1) {
      if (!session.command().held) co_await session.finish(batch.deadline);
      judge_and_settle(*batch.commands.front(), session, session.command());
      continue;
    }
    co_await session.finish_pipeline(batch.deadline);
    for (std::size_t i = 0; i < batch.commands.size(); ++i) {
      judge_and_settle(*batch.commands[i], session, session.pipelined()[i]);
    }
    if (step.completion_as_sent) judge_completion_order(step, session);
  }
}

void StepExecutor::judge_and_settle(const CommandStep& command, ClientSession& session,
                                    const CommandRun& run) {
  Step as_step = command;
  Observation observed{.session = &session, .run = &run};
  settle(as_step, observed, judge(as_step, observed, context_.checks));
}

// RFC 3501 §5.5: "If the server detects a possible ambiguity, it MUST execute commands to
// completion in the order given by the client."
void StepExecutor::judge_completion_order(const ConcurrentStep& step, const ClientSession& session) {
  const auto& runs = session.pipelined();
  std::string sent, completed;
  std::optional<std::size_t> event;
  for (const CommandRun& run : runs) sent += (sent.empty() ? "" : ", ") + run.tag + " " + run.name;
  for (std::size_t index : session.completion_order()) {
    completed += (completed.empty() ? "" : ", ") + runs[index].tag + " " + runs[index].name;
    event = runs[index].tagged_event;
  }
  const auto& order = session.completion_order();
  bool as_sent = std::is_sorted(order.begin(), order.end());
  if (order.size() < runs.size()) completed += " (the others never completed)";
  context_.checks.record(Finding{step.requirement.id, as_sent,
                                 "pipelined commands completed in the order sent",
                                 "tagged responses in the order " + sent,
                                 "tagged responses came in the order " + completed, session.id(),
                                 step.where, event});
}

}  // namespace referee::engine
