#include "harness/stress/generator.hpp"

#include <array>

#include <fmt/format.h>

namespace referee::stress {
namespace {

bool needs_selection(CommandKind kind) {
  return kind == CommandKind::fetch || kind == CommandKind::store ||
         kind == CommandKind::expunge || kind == CommandKind::copy || kind == CommandKind::search;
}

// Beyond this many messages in its view a client adds none: a server that refuses EXPUNGE
// while others have the mailbox selected (RFC 2180 §4.1.4) would otherwise grow it for ever.
constexpr std::uint32_t kMessagesEnough = 400;

bool adds_messages(CommandKind kind) { return kind == CommandKind::append || kind == CommandKind::copy; }

bool needs_messages(CommandKind kind) {
  return kind == CommandKind::fetch || kind == CommandKind::store || kind == CommandKind::copy;
}

// A small RFC 5322 message; the client and a counter make each one distinct.
std::string message(const std::string& client, std::uint64_t number) {
  return fmt::format(
      "From: stress@referee.invalid\r\nTo: {0}@referee.invalid\r\n"
      "Subject: stress {0} #{1}\r\nMessage-ID: <{0}.{1}@referee.invalid>\r\n\r\n"
      "Message {1} of client {0}.\r\n",
      client, number);
}

}  // namespace

CommandGenerator::CommandGenerator(std::uint64_t seed, Mix mix, std::vector<std::string> mailboxes,
                                   std::string client)
    : random_(seed), mix_(mix), client_(std::move(client)) {
  for (const auto& name : mailboxes) quoted_.push_back("\"" + name + "\"");
}

StressCommand CommandGenerator::next(const GeneratorView& view) {
  // Learn the UIDs of a freshly selected mailbox first: the UID invariants and the COPY rule
  // (pending expunges, RFC 2180 §4.4) need them.
  if (view.just_selected && view.count > 0) {
    return {CommandKind::fetch, "FETCH 1:* (FLAGS UID)", {}};
  }
  CommandKind kind = mix_.pick(random_.below(mix_.total()));
  if (needs_selection(kind) && !view.mailbox) return select();
  if (needs_messages(kind) && view.count == 0) return append(view.mailbox);
  if (adds_messages(kind) && view.count >= kMessagesEnough) return {CommandKind::noop, "NOOP", {}};
  return draw(kind, view);
}

StressCommand CommandGenerator::draw(CommandKind kind, const GeneratorView& view) {
  switch (kind) {
    case CommandKind::select: return select();
    case CommandKind::fetch: return fetch(view);
    case CommandKind::store: return store(view);
    case CommandKind::expunge: return {kind, "EXPUNGE", {}};
    case CommandKind::append: return append(view.mailbox);
    case CommandKind::copy: return copy(view);
    case CommandKind::search: return search();
    case CommandKind::noop: return {kind, "NOOP", {}};
    case CommandKind::idle: return {kind, "IDLE", {}};
  }
  return {CommandKind::noop, "NOOP", {}};
}

StressCommand CommandGenerator::select() {
  auto index = static_cast<unsigned>(random_.below(quoted_.size()));
  return {CommandKind::select, "SELECT " + quoted_mailbox(index), {}};
}

StressCommand CommandGenerator::fetch(const GeneratorView& view) {
  if (random_.chance(25)) {
    return {CommandKind::fetch, "UID FETCH " + uid_set(view.highest_uid) + " (FLAGS)", {}};
  }
  return {CommandKind::fetch, "FETCH " + sequence_set(view.count) + " (FLAGS UID RFC822.SIZE)", {}};
}

StressCommand CommandGenerator::store(const GeneratorView& view) {
  static constexpr std::array<std::string_view, 3> kOperations{"+FLAGS", "-FLAGS", "FLAGS"};
  std::string_view operation = kOperations[random_.chance(70) ? 0 : 1 + random_.below(2)];
  std::string silent = random_.chance(20) ? ".SILENT" : "";
  std::string flags = "(" + flag() + ")";
  if (random_.chance(25)) {
    return {CommandKind::store,
            fmt::format("UID STORE {} {}{} {}", uid_set(view.highest_uid), operation, silent, flags),
            {}};
  }
  return {CommandKind::store,
          fmt::format("STORE {} {}{} {}", sequence_set(view.count), operation, silent, flags), {}};
}

StressCommand CommandGenerator::append(std::optional<unsigned> mailbox) {
  unsigned index = mailbox && random_.chance(70) ? *mailbox
                                                  : static_cast<unsigned>(random_.below(quoted_.size()));
  std::string flags = random_.chance(50) ? "" : " (" + flag() + ")";
  return {CommandKind::append, "APPEND " + quoted_mailbox(index) + flags,
          message(client_, ++appended_)};
}

StressCommand CommandGenerator::copy(const GeneratorView& view) {
  auto index = static_cast<unsigned>(random_.below(quoted_.size()));
  return {CommandKind::copy, "COPY " + sequence_set(view.count) + " " + quoted_mailbox(index), {}};
}

StressCommand CommandGenerator::search() {
  static constexpr std::array<std::string_view, 5> kCriteria{"ALL", "UNSEEN", "FLAGGED",
                                                             "DELETED", "NOT DELETED"};
  std::string_view criterion = kCriteria[random_.below(kCriteria.size())];
  std::string prefix = random_.chance(40) ? "UID SEARCH " : "SEARCH ";
  return {CommandKind::search, prefix + std::string(criterion), {}};
}

// One number, a short range, or "n:*", all within the session's count.
std::string CommandGenerator::sequence_set(std::uint32_t count) {
  auto first = static_cast<std::uint32_t>(1 + random_.below(count));
  std::uint64_t shape = random_.below(10);
  if (shape < 6 || first == count) return std::to_string(first);
  if (shape < 9) {
    auto last = static_cast<std::uint32_t>(first + 1 + random_.below(count - first));
    return fmt::format("{}:{}", first, last);
  }
  return fmt::format("{}:*", first);
}

std::string CommandGenerator::uid_set(std::uint32_t highest_uid) {
  if (highest_uid == 0 || random_.chance(20)) return "1:*";
  auto uid = 1 + random_.below(highest_uid);
  return random_.chance(50) ? std::to_string(uid) : fmt::format("{}:*", uid);
}

std::string CommandGenerator::flag() {
  // \Deleted twice as often as the others: EXPUNGE must find something to remove.
  static constexpr std::array<std::string_view, 6> kFlags{"\\Deleted", "\\Deleted", "\\Seen",
                                                          "\\Flagged", "\\Answered", "$Stress"};
  return std::string(kFlags[random_.below(kFlags.size())]);
}

}  // namespace referee::stress
