// Reading <steps>: commands and their expectations, awaits, fences, barriers, concurrent
// blocks, referrals to follow and alternatives (docs/SCENARIO-LANGUAGE.md, "Steps").
#include <cctype>

#include "harness/scenario/duration.hpp"
#include "harness/scenario/level.hpp"
#include "harness/scenario/reader_context.hpp"

namespace referee::scenario::detail {
namespace {

RequirementRef requirement_of(pugi::xml_node node) {
  return {node.attribute("requirement").value()};
}

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// A line break inside <send> text is layout, not protocol: CRLF would end the command line.
// Each run of whitespace holding a line break becomes one space.
std::string fold_line_breaks(std::string_view text) {
  std::string folded;
  for (std::size_t i = 0; i < text.size();) {
    if (!is_space(text[i])) {
      folded += text[i++];
      continue;
    }
    std::size_t end = i;
    bool has_break = false;
    for (; end < text.size() && is_space(text[end]); ++end) {
      has_break = has_break || text[end] == '\n' || text[end] == '\r';
    }
    folded.append(has_break ? std::string_view(" ") : text.substr(i, end - i));
    i = end;
  }
  return folded;
}

// Trims the whitespace before the first and after the last part, and drops empty text parts.
void trim_command_ends(std::vector<SendPart>& parts) {
  if (!parts.empty()) {
    if (auto* first = std::get_if<std::string>(&parts.front())) {
      first->erase(0, first->find_first_not_of(" \t"));
    }
  }
  if (!parts.empty()) {
    if (auto* last = std::get_if<std::string>(&parts.back())) {
      last->erase(last->find_last_not_of(" \t") + 1);
    }
  }
  std::erase_if(parts, [](const SendPart& part) {
    const auto* text = std::get_if<std::string>(&part);
    return text != nullptr && text->empty();
  });
}

std::vector<SendPart> read_send(pugi::xml_node send) {
  std::vector<SendPart> parts;
  for (pugi::xml_node child : send.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      parts.emplace_back(fold_line_breaks(child.value()));
    } else if (child.type() == pugi::node_element) {
      parts.emplace_back(LiteralPart{child.text().get(), child.attribute("sync").as_bool(true),
                                     child.attribute("hold").as_bool(false)});
    }
  }
  trim_command_ends(parts);
  return parts;
}

int capture_group_of(pugi::xml_node node) { return node.attribute("group").as_int(0); }

UntaggedPattern read_untagged(const ReaderContext& context, pugi::xml_node node) {
  UntaggedPattern pattern;
  pattern.presence = parse_presence(node.attribute("presence").as_string("must"));
  pattern.name = node.attribute("name").value();
  pattern.number = context.optional_text(node, "number");
  pattern.match = context.optional_text(node, "match");
  pattern.capture = context.optional_text(node, "capture");
  pattern.capture_group = capture_group_of(node);
  pattern.requirement = requirement_of(node);
  pattern.where = context.where(node);
  for (pugi::xml_node child : child_elements(node)) {
    const std::string_view name = local_name(child);
    const bool repeated = (name == "list" && pattern.list_mailbox) || (name == "code" && pattern.code);
    if (repeated) context.error(child, "<untagged> takes at most one <" + std::string(name) + ">");
    if (name == "list") pattern.list_mailbox = child.attribute("mailbox").value();
    if (name == "code") pattern.code = child.attribute("name").value();
    if (name == "field") {
      pattern.fields.push_back({child.attribute("name").value(),
                                context.optional_text(child, "equals"),
                                context.optional_text(child, "contains")});
    }
  }
  return pattern;
}

TaggedPattern read_tagged(const ReaderContext& context, pugi::xml_node node) {
  TaggedPattern pattern;
  pattern.statuses = split_words(node.attribute("status").value());
  pattern.capture = context.optional_text(node, "capture");
  pattern.capture_group = capture_group_of(node);
  pattern.requirement = requirement_of(node);
  pattern.where = context.where(node);
  for (pugi::xml_node child : child_elements(node)) {
    const std::string_view name = local_name(child);
    if (name == "code") pattern.code = child.attribute("name").value();
    if (name == "referral") pattern.referral = read_referral(context, child);
    if (name == "text") pattern.text_match = child.attribute("match").value();
  }
  return pattern;
}

// The expectation children of <command> and <resume>; each of tagged, bye, close at most once.
Expectations read_expectations(const ReaderContext& context, pugi::xml_node node) {
  Expectations expect;
  expect.ordered = std::string_view(node.attribute("order").as_string("unordered")) == "ordered";
  for (pugi::xml_node child : child_elements(node)) {
    const std::string_view name = local_name(child);
    const bool repeated = (name == "tagged" && expect.tagged) || (name == "bye" && expect.bye) ||
                          (name == "close" && expect.close) ||
                          (name == "expunges" && expect.expunges) ||
                          (name == "message-count" && expect.message_count);
    if (repeated) context.error(child, "a command takes at most one <" + std::string(name) + ">");
    if (name == "tagged") expect.tagged = read_tagged(context, child);
    if (name == "untagged") expect.untagged.push_back(read_untagged(context, child));
    if (name == "bye") expect.bye = parse_presence(child.attribute("presence").value());
    if (name == "close") expect.close = parse_presence(child.attribute("presence").value());
    if (name == "expunges") {
      expect.expunges = ExpungeSetPattern{child.attribute("messages").value(),
                                          requirement_of(child), context.where(child)};
    }
    if (name == "message-count") {
      expect.message_count = MessageCountPattern{child.attribute("equals").value(),
                                                 requirement_of(child), context.where(child)};
    }
  }
  return expect;
}

CommandStep read_command(const ReaderContext& context, pugi::xml_node node) {
  CommandStep step;
  step.client = node.attribute("client").value();
  step.send = read_send(child_element(node, "send"));
  step.expect = read_expectations(context, node);
  step.timeout = context.timeout(node);
  step.where = context.where(node);
  return step;
}

ResumeStep read_resume(const ReaderContext& context, pugi::xml_node node) {
  return {node.attribute("client").value(), read_expectations(context, node),
          context.timeout(node), context.where(node)};
}

AwaitStep read_await(const ReaderContext& context, pugi::xml_node node) {
  AwaitStep step{node.attribute("client").value(), {}, context.timeout(node), context.where(node)};
  for (pugi::xml_node child : child_elements(node)) {
    step.untagged.push_back(read_untagged(context, child));
  }
  return step;
}

ExpectCloseStep read_expect_close(const ReaderContext& context, pugi::xml_node node) {
  return {node.attribute("client").value(), parse_presence(node.attribute("bye").as_string("may")),
          requirement_of(node), {node.attribute("bye-requirement").value()}, context.timeout(node),
          context.where(node)};
}

FollowReferralStep read_follow_referral(const ReaderContext& context, pugi::xml_node node) {
  FollowReferralStep step;
  step.client = node.attribute("client").value();
  step.as = node.attribute("as").value();
  step.as_url = std::string_view(node.attribute("login").as_string("as-url")) == "as-url";
  step.login = step.as_url ? LoginMethod::login : LoginMethod::none;
  step.max_hops = node.attribute("max-hops").as_uint(10);
  step.requirement = requirement_of(node);
  step.where = context.where(node);
  return step;
}

std::shared_ptr<ConcurrentStep> read_concurrent(const ReaderContext& context, pugi::xml_node node) {
  auto step = std::make_shared<ConcurrentStep>();
  step->where = context.where(node);
  step->completion_as_sent = std::string_view(node.attribute("completion-order").value()) == "as-sent";
  step->requirement = requirement_of(node);
  for (pugi::xml_node child : child_elements(node)) {
    step->commands.push_back(read_command(context, child));
  }
  return step;
}

std::shared_ptr<AlternativesStep> read_alternatives(const ReaderContext& context,
                                                    pugi::xml_node node) {
  auto step = std::make_shared<AlternativesStep>();
  step->name = node.attribute("name").value();
  step->none_verdict = node.attribute("none").as_string("warn");
  step->requirement = requirement_of(node);
  step->where = context.where(node);
  for (pugi::xml_node child : child_elements(node)) {
    Alternative alternative;
    alternative.id = child.attribute("id").value();
    alternative.section = child.attribute("section").value();
    alternative.level = parse_level(child.attribute("level").as_string("MAY")).value_or(Level::may);
    alternative.description = child.attribute("description").value();
    alternative.steps = read_steps(context, child);
    alternative.where = context.where(child);
    step->alternatives.push_back(std::move(alternative));
  }
  return step;
}

Step read_step(const ReaderContext& context, pugi::xml_node node) {
  const std::string_view name = local_name(node);
  if (name == "command") return read_command(context, node);
  if (name == "resume") return read_resume(context, node);
  if (name == "await") return read_await(context, node);
  if (name == "fence") return FenceStep{node.attribute("client").value(), context.where(node)};
  if (name == "barrier") {
    return BarrierStep{split_words(node.attribute("clients").value()), context.where(node)};
  }
  if (name == "concurrent") return read_concurrent(context, node);
  if (name == "expect-close") return read_expect_close(context, node);
  if (name == "follow-referral") return read_follow_referral(context, node);
  return read_alternatives(context, node);  // the schema allows nothing else
}

}  // namespace

ReferralPattern read_referral(const ReaderContext& context, pugi::xml_node node) {
  ReferralPattern referral;
  referral.count = node.attribute("count").as_string("any");
  referral.requirement = requirement_of(node);
  referral.where = context.where(node);
  for (pugi::xml_node url : child_elements(node)) {
    referral.urls.push_back(UrlPattern{.server = context.optional_text(url, "server"),
                                       .not_server = context.optional_text(url, "not-server"),
                                       .user = context.optional_text(url, "user"),
                                       .auth = context.optional_text(url, "auth"),
                                       .mailbox = context.optional_text(url, "mailbox"),
                                       .role = context.optional_text(url, "role"),
                                       .where = context.where(url)});
  }
  return referral;
}

std::vector<Step> read_steps(const ReaderContext& context, pugi::xml_node parent) {
  std::vector<Step> steps;
  for (pugi::xml_node child : child_elements(parent)) steps.push_back(read_step(context, child));
  return steps;
}

}  // namespace referee::scenario::detail
