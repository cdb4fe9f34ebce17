#include "harness/engine/run/judge.hpp"

#include <algorithm>

#include "harness/engine/match/outcome.hpp"
#include "harness/engine/match/response_match.hpp"
#include "harness/engine/run/judge_message_numbers.hpp"

namespace referee::engine {
namespace {

using scenario::Presence;

Finding finding(const JudgeContext& context, std::string requirement, bool passed,
                std::string summary, std::string expected, std::string observed,
                std::optional<std::size_t> event) {
  return Finding{std::move(requirement), passed,          std::move(summary),
                 std::move(expected),    std::move(observed), context.client,
                 context.step,           event};
}

// The responses a failed must was compared with, for "observed".
std::string seen_in(const std::vector<PooledResponse>& pool, PoolWindow window) {
  std::string seen;
  for (std::size_t i = 0; i < window.end; ++i) {
    if (pool[i].consumed) continue;
    seen += (seen.empty() ? "" : " | ") + one_line(pool[i].response);
  }
  return seen.empty() ? "no untagged response" : "received: " + seen;
}

void judge_one_untagged(const scenario::UntaggedPattern& pattern, std::optional<std::size_t> match,
                        const std::vector<PooledResponse>& pool, PoolWindow window,
                        const std::string& waited, const JudgeContext& context,
                        CheckRecorder& out) {
  std::string expected = describe(pattern);
  std::optional<std::size_t> event = match ? pool[*match].event : std::nullopt;
  std::string observed = match ? one_line(pool[*match].response) : seen_in(pool, window);
  switch (pattern.presence) {
    case Presence::must:
      if (!match) observed = "not received (" + waited + "); " + observed;
      out.record(finding(context, pattern.requirement.id, match.has_value(), expected, expected,
                         observed, event));
      break;
    case Presence::must_not:
      out.record(finding(context, pattern.requirement.id, !match, "no " + expected,
                         "no " + expected, match ? observed : "none", event));
      break;
    case Presence::may:
      // "the server MAY": seeing it is information, not seeing it is nothing to report.
      if (match && !pattern.requirement.id.empty()) {
        out.record_as(finding(context, pattern.requirement.id, true, expected + " (optional)",
                              expected, observed, event),
                      Outcome::info);
      }
      break;
  }
}

bool in_window(std::size_t index, const scenario::UntaggedPattern& pattern, PoolWindow window) {
  return index < window.end &&
         (pattern.presence != Presence::must_not || index >= window.must_not_from);
}

bool is_login(const CommandRun& run) { return run.name == "LOGIN" || run.name == "AUTHENTICATE"; }

// "tagged OK|NO [CODE] text~/re/"
std::string describe_tagged(const scenario::TaggedPattern& pattern) {
  std::string text = "tagged " + describe_statuses(pattern.statuses);
  if (pattern.code) text += " [" + *pattern.code + "]";
  if (pattern.text_match) text += " text matching /" + *pattern.text_match + "/";
  return text;
}

checked<bool> tagged_matches(const scenario::TaggedPattern& pattern, const imap::Response* tagged,
                             const Variables& variables) {
  if (!status_matches(pattern.statuses, tagged)) return false;
  if (tagged == nullptr) return !pattern.code && !pattern.text_match;
  if (pattern.code && !(tagged->code && tagged->code->is(*pattern.code))) return false;
  if (pattern.text_match) return regex_matches(*pattern.text_match, tagged->text, variables);
  return true;
}

void judge_referral(const scenario::ReferralPattern& pattern, const std::string& fallback_id,
                    const imap::Response* response, std::optional<std::size_t> event,
                    bool mailbox_referral, const JudgeContext& context, CheckRecorder& out) {
  std::vector<std::string> texts;
  if (response != nullptr && response->code && response->code->is("REFERRAL")) {
    texts = response->code->referral_urls();
  }
  auto urls = check_referral_urls(texts, mailbox_referral, context.profile);
  auto match = match_referral(pattern, urls, context.profile, context.variables);
  if (!match) return out.scenario_error(match.error().message);
  std::string id = pattern.requirement.id.empty() ? fallback_id : pattern.requirement.id;
  // The scenario's own check first: when both fail, the reason an alternative was dropped is
  // the rule the scenario is about (e.g. "user name ... not percent-encoded"), then the syntax.
  out.record(finding(context, id, match->matched, "referral URLs", match->expected,
                     match->observed, event));
  judge_url_syntax(urls, context, event, out);
}

void judge_tagged(const scenario::TaggedPattern& pattern, const CommandRun& run,
                  const JudgeContext& context, CheckRecorder& out, Judgement& judgement) {
  const imap::Response* tagged = run.tagged ? &*run.tagged : nullptr;
  auto matched = tagged_matches(pattern, tagged, context.variables);
  if (!matched) return out.scenario_error(matched.error().message);
  std::string observed = tagged ? one_line(*tagged) : "no tagged response: " + run.failure;
  std::optional<std::size_t> event = tagged ? run.tagged_event : run.sent_event;
  std::string expected = describe_tagged(pattern);
  out.record(finding(context, pattern.requirement.id, *matched, expected + " to " + run.name,
                     expected, observed, event));
  if (pattern.referral) {
    judge_referral(*pattern.referral, pattern.requirement.id, tagged, event, !is_login(run),
                   context, out);
  }
  if (pattern.capture && tagged) {
    auto value = capture_value(pattern.text_match, pattern.capture_group, *tagged, context.variables);
    if (!value) return out.scenario_error(value.error().message);
    judgement.captures.emplace_back(*pattern.capture, std::move(*value));
  }
}

void judge_presence(std::optional<Presence> presence, bool happened, const std::string& what,
                    const std::string& requirement, const CommandRun& run,
                    const JudgeContext& context, CheckRecorder& out) {
  if (!presence || *presence == Presence::may) return;
  bool wanted = *presence == Presence::must;
  std::string expected = (wanted ? "" : "no ") + what;
  std::string observed = happened ? what : "no " + what;
  out.record(finding(context, requirement, happened == wanted, expected + " after " + run.name,
                     expected, observed, run.tagged_event ? run.tagged_event : run.sent_event));
}

}  // namespace

checked<std::vector<std::optional<std::size_t>>> assign_patterns(
    const std::vector<scenario::UntaggedPattern>& patterns,
    const std::vector<PooledResponse>& pool, PoolWindow window, bool ordered,
    const Variables& variables) {
  std::vector<std::optional<std::size_t>> assigned;
  std::vector<bool> taken(pool.size(), false);
  std::size_t after = 0;  // for ordered: matches must come at or after this entry
  for (const auto& pattern : patterns) {
    std::optional<std::size_t> match;
    for (std::size_t i = ordered ? after : 0; i < pool.size() && !match; ++i) {
      // A must-not sees every response of its window, also one a must pattern took: "no
      // SEARCH naming 4" is broken by the SEARCH another pattern required.
      bool unavailable = taken[i] && pattern.presence != Presence::must_not;
      if (pool[i].consumed || unavailable || !in_window(i, pattern, window)) continue;
      auto matched = matches_untagged(pattern, pool[i].response, variables);
      if (!matched) return matched.error();
      if (*matched) match = i;
    }
    if (match && pattern.presence != Presence::must_not) {
      taken[*match] = true;
      after = *match + 1;
    }
    assigned.push_back(match);
  }
  return assigned;
}

checked<bool> musts_satisfied(const std::vector<scenario::UntaggedPattern>& patterns,
                              const std::vector<PooledResponse>& pool, PoolWindow window,
                              bool ordered, const Variables& variables) {
  auto assigned = assign_patterns(patterns, pool, window, ordered, variables);
  if (!assigned) return assigned.error();
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (patterns[i].presence == Presence::must && !(*assigned)[i]) return false;
  }
  return true;
}

Judgement judge_untagged(const std::vector<scenario::UntaggedPattern>& patterns,
                         const std::vector<PooledResponse>& pool, PoolWindow window, bool ordered,
                         const std::string& waited, const JudgeContext& context,
                         CheckRecorder& out) {
  Judgement judgement;
  auto assigned = assign_patterns(patterns, pool, window, ordered, context.variables);
  if (!assigned) {
    out.scenario_error(assigned.error().message);
    return judgement;
  }
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    const auto& pattern = patterns[i];
    if (pattern.presence == Presence::must && pattern.requirement.id.empty()) {
      out.scenario_error("presence=\"must\" without a requirement at " + pattern.where.file + ":" +
                         std::to_string(pattern.where.line));
      continue;
    }
    std::optional<std::size_t> match = (*assigned)[i];
    judge_one_untagged(pattern, match, pool, window, waited, context, out);
    if (!match || pattern.presence == Presence::must_not) continue;
    judgement.matched.push_back(*match);
    if (!pattern.capture) continue;
    auto value = capture_value(pattern.match, pattern.capture_group, pool[*match].response,
                               context.variables);
    if (!value) {
      out.scenario_error(value.error().message);
      continue;
    }
    judgement.captures.emplace_back(*pattern.capture, std::move(*value));
  }
  return judgement;
}

Judgement judge_command(const scenario::Expectations& expect, const CommandRun& run,
                        const ClientSession& session, const JudgeContext& context,
                        CheckRecorder& out) {
  PoolWindow window{.end = run.pool_end, .must_not_from = run.pool_begin};
  std::string waited = run.timed_out ? "the deadline passed" : "by the tagged response";
  Judgement judgement =
      judge_untagged(expect.untagged, session.pool(), window, expect.ordered, waited, context, out);
  if (expect.expunges) judge_expunges(*expect.expunges, run, session, context, out, judgement);
  if (expect.message_count) judge_message_count(*expect.message_count, run, session, context, out);
  std::string requirement = expect.tagged ? expect.tagged->requirement.id : std::string();
  if (expect.tagged) {
    judge_tagged(*expect.tagged, run, context, out, judgement);
  } else if (!run.tagged && !expect.close) {
    out.record(finding(context, "", false, run.name + " answered", "a tagged response",
                       run.failure, run.sent_event));
  }
  bool bye = std::any_of(session.pool().begin() + static_cast<std::ptrdiff_t>(run.pool_begin),
                         session.pool().begin() + static_cast<std::ptrdiff_t>(run.pool_end),
                         [](const PooledResponse& entry) { return entry.response.is_untagged("BYE"); });
  judge_presence(expect.bye, bye, "untagged BYE", requirement, run, context, out);
  judge_presence(expect.close, run.closed || session.is_closed(), "connection closed", requirement,
                 run, context, out);
  return judgement;
}

void judge_greeting(const scenario::GreetingPattern& pattern, const ClientSession& session,
                    const JudgeContext& context, CheckRecorder& out) {
  const imap::Response* greeting = session.greeting() ? &*session.greeting() : nullptr;
  bool status_ok = greeting && status_matches(pattern.statuses, greeting);
  std::string expected = "greeting " + describe_statuses(pattern.statuses);
  std::string observed = greeting ? one_line(*greeting) : session.open_failure();
  out.record(finding(context, pattern.requirement.id, status_ok, expected, expected, observed,
                     session.greeting_event()));
  if (pattern.referral) {
    judge_referral(*pattern.referral, pattern.requirement.id, greeting, session.greeting_event(),
                   /*mailbox_referral=*/false, context, out);
  }
}

void judge_url_syntax(const std::vector<CheckedUrl>& urls, const JudgeContext& context,
                      std::optional<std::size_t> event, CheckRecorder& out) {
  for (const auto& url : urls) {
    if (url.problem) {
      const auto& problem = *url.problem;
      out.record(finding(context, std::string(rule::url_syntax), false, "referral URL syntax",
                         "an IMAP URL (RFC 5092)",
                         "\"" + url.text + "\" breaks rule " + problem.rule + " (" + problem.rfc +
                             " §" + problem.section + "): " + problem.message,
                         event));
      continue;
    }
    for (const auto& lint : url.findings) {
      std::string rfc = lint.rfc.starts_with("RFC ") ? lint.rfc.substr(4) : lint.rfc;
      // A finding about a URL, not a broken expectation: `passed` keeps it from dropping an
      // alternative; the outcome carries the lint level.
      out.record_as(finding(context, "", true, "referral URL " + url.text, "", lint.message, event),
                    lint.level == "warn" ? Outcome::warn : Outcome::info, rfc, lint.section);
    }
  }
}

}  // namespace referee::engine
