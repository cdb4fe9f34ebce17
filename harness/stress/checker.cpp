#include "harness/stress/checker.hpp"
#include "harness/stress/checker_step.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "harness/engine/run/command_bytes.hpp"
#include "harness/imap/sequence_set.hpp"

namespace referee::stress {
namespace {


bool is_sequence_command(std::string_view name) {
  return name == "FETCH" || name == "STORE" || name == "COPY";
}

bool is_store(std::string_view name) { return name == "STORE" || name == "UID STORE"; }

bool needs_selection(std::string_view name) {
  return is_sequence_command(name) || name == "SEARCH" || name == "EXPUNGE" ||
         name == "CHECK" || name == "CLOSE" || name.starts_with("UID ");
}

// The word after the command name: the sequence set of FETCH, STORE and COPY.
std::string_view second_word(std::string_view text) {
  auto space = text.find(' ');
  if (space == std::string_view::npos) return {};
  text.remove_prefix(space + 1);
  return text.substr(0, text.find(' '));
}

}  // namespace


Checker::Checker(std::vector<std::string> mailboxes, std::vector<std::string> clients, Excerpt excerpt)
    : excerpt_(std::move(excerpt)) {
  for (auto& name : mailboxes) mailboxes_.push_back(MailboxModel{.name = std::move(name)});
  for (auto& client : clients) sessions_.push_back(SessionModel{.client = std::move(client)});
}

std::optional<unsigned> Checker::mailbox_named(std::string_view text) const {
  auto open = text.find('"');
  auto close = open == std::string_view::npos ? open : text.find('"', open + 1);
  if (close == std::string_view::npos) return std::nullopt;
  std::string_view name = text.substr(open + 1, close - open - 1);
  for (unsigned i = 0; i < mailboxes_.size(); ++i) {
    if (mailboxes_[i].name == name) return i;
  }
  return std::nullopt;
}

GeneratorView Checker::view(unsigned client) const {
  const SessionModel& session = sessions_[client];
  return {session.mailbox, static_cast<std::uint32_t>(session.slots.size()), session.highest_uid,
          session.just_selected};
}

MailboxModel* Checker::mailbox_of(const InFlight& command) {
  return command.mailbox ? &mailboxes_[*command.mailbox] : nullptr;
}

void Checker::sent(unsigned client, const StressCommand& command) {
  SessionModel& session = sessions_[client];
  InFlight flight{.kind = command.kind, .name = engine::command_name(command.text), .sent = ++clock_};
  session.just_selected = false;
  if (flight.name == "SELECT" || flight.name == "EXAMINE") {
    // The responses to come describe the newly selected mailbox.
    session.mailbox = mailbox_named(command.text);
    session.slots.clear();
    session.highest_uid = 0;
    session.selected_sent = flight.sent;
    session.selected_done = ~Tick{0};
    flight.target = session.mailbox;
  } else if (flight.name == "APPEND") {
    flight.target = mailbox_named(command.text);
  }
  flight.mailbox = session.mailbox;
  flight.count_at_send = static_cast<std::uint32_t>(session.slots.size());
  if (needs_selection(flight.name)) start_selected_command(session, flight, command.text);
  if (flight.kind == CommandKind::select && session.mailbox) {
    const MailboxModel& selected = mailboxes_[*session.mailbox];
    session.may_grow = selected.adds_running;
    session.grown = session.certain = 0;
    session.additions_epoch = selected.additions_epoch;
    session.additions_index = 0;
  }
  if ((flight.name == "APPEND" || flight.name == "COPY") && flight.target) start_adding(flight);
  session.in_flight = std::move(flight);
}

// An APPEND or COPY may add messages to its destination from now on: every session with it
// selected may be told of them.
void Checker::start_adding(InFlight& command) {
  command.adds = command.name == "COPY" ? std::max<std::uint32_t>(1, static_cast<std::uint32_t>(command.requested.size())) : 1;
  mailboxes_[*command.target].adds_running += command.adds;
  for (SessionModel& session : sessions_) {
    if (session.mailbox == command.target) session.may_grow += command.adds;
  }
}

void Checker::start_selected_command(SessionModel& session, InFlight& command, std::string_view text) {
  MailboxModel* mailbox = mailbox_of(command);
  if (mailbox == nullptr) {
    command.well_formed = false;  // not selected: BAD or NO are both right
    return;
  }
  if (is_sequence_command(command.name)) {
    auto set = imap::SequenceSet::parse(second_word(text));
    std::uint32_t count = command.count_at_send;
    if (set && count > 0) command.requested = set->members(count);
    command.well_formed = set && count > 0 &&
                          std::all_of(command.requested.begin(), command.requested.end(),
                                      [&](std::uint32_t n) { return n <= count; });
    for (std::uint32_t n : command.requested) {
      std::uint32_t uid = n <= count ? session.slots[n - 1].uid : 0;
      if (uid != 0 && mailbox->expunged.contains(uid)) command.expunged_requested.push_back(n);
    }
  }
  if (command.name == "COPY") {
    auto after_set = text.find(' ', 5);
    if (after_set != std::string_view::npos) command.target = mailbox_named(text.substr(after_set));
    for (const Slot& slot : session.slots) {
      if (slot.uid != 0 && mailbox->expunged.contains(slot.uid)) command.pending_expunged.push_back(slot.uid);
    }
  }
  if (is_store(command.name)) {
    command.store_alone = mailbox->stores_running == 0;
    command.store_generation = ++mailbox->store_generation;
    ++mailbox->stores_running;
  }
  if (command.name == "EXPUNGE" || command.name == "CLOSE") ++mailbox->expunges_running;
}

std::vector<Finding> Checker::done(unsigned client, const StressCommand& command,
                                   const Exchange& exchange) {
  SessionModel& session = sessions_[client];
  Step step{client, session, std::move(*session.in_flight), exchange, ++clock_, command.shown(), {}};
  session.in_flight.reset();
  for (const imap::Response* response : exchange.untagged) untagged(step, *response);
  tagged(step);
  return std::move(step.findings);
}

void Checker::untagged(Step& step, const imap::Response& response) {
  if (!step.session.mailbox) return;
  if (response.is_untagged("EXISTS") && response.number) return exists(step, *response.number);
  if (response.is_untagged("EXPUNGE")) return expunge(step, response);
  if (response.is_untagged("FETCH")) return fetch(step, response);
  if (response.status == imap::Status::ok && response.code && response.code->is("UIDVALIDITY")) {
    MailboxModel& mailbox = mailboxes_[*step.session.mailbox];
    auto validity = response.code->number().value_or(0);
    if (mailbox.uid_validity != 0 && mailbox.uid_validity != validity) mailbox.forget_uids();
    mailbox.uid_validity = validity;
  }
}

void Checker::exists(Step& step, std::uint32_t count) {
  auto& slots = step.session.slots;
  // A smaller count is the engine's exists-never-decreases rule; follow the server.
  if (count < slots.size()) slots.resize(count);
  // The count a SELECT reports is no announcement of an addition.
  const bool growth = step.command.kind != CommandKind::select;
  while (slots.size() < count) {
    slots.push_back(Slot{0, step.command.sent});
    if (growth) ++step.session.grown;
  }
  if (growth) check_growth(step.session, step);
}

void Checker::expunge(Step& step, const imap::Response& response) {
  auto& slots = step.session.slots;
  std::uint32_t number = response.number.value_or(0);
  if (number == 0 || number > slots.size()) {
    Finding& finding = step.add(invariant::sequence_numbers,
                                fmt::format("EXPUNGE {} outside the session's {} messages", number, slots.size()),
                                fmt::format("an EXPUNGE between 1 and {}", slots.size()),
                                response.raw.substr(0, response.raw.find('\r')));
    finding.expect_response = "EXPUNGE";
    finding.expect_present = false;
    finding.expect_number = std::to_string(number);
    return;
  }
  std::uint32_t uid = slots[number - 1].uid;
  slots.erase(slots.begin() + (number - 1));
  if (uid != 0) mailboxes_[*step.session.mailbox].expunged.try_emplace(uid, step.now);
}

}  // namespace referee::stress
