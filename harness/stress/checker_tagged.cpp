// The end of a command: its tagged status, additions other sessions must now be told of,
// pending expunges a COPY must return, and the RFC 2180 strategy a FETCH showed.
#include <algorithm>

#include <fmt/format.h>

#include "harness/imap/untagged.hpp"
#include "harness/stress/checker.hpp"
#include "harness/stress/checker_step.hpp"

namespace referee::stress {
namespace {

std::string one_line(const imap::Response& response) {
  return response.raw.substr(0, response.raw.find('\r'));
}

bool contains_uid(const std::vector<Slot>& slots, std::uint32_t uid) {
  return std::any_of(slots.begin(), slots.end(), [uid](const Slot& slot) { return slot.uid == uid; });
}

// What a FETCH answered for the messages of `numbers` (all expunged elsewhere).
std::string fetch_behaviour(const Exchange& exchange, const std::vector<std::uint32_t>& numbers) {
  if (exchange.tagged->status != imap::Status::ok) return "tagged " + std::string(imap::to_string(exchange.tagged->status));
  bool nil = false, ghost = false;
  for (const imap::Response* response : exchange.untagged) {
    auto data = imap::as_fetch(*response);
    if (!data || std::find(numbers.begin(), numbers.end(), data->sequence) == numbers.end()) continue;
    auto size = data->items.find("RFC822.SIZE");
    if (size == data->items.end()) continue;
    (size->second.as_number().value_or(0) == 0 ? nil : ghost) = true;
  }
  if (nil && !ghost) return "OK with NIL data (RFC 2180 §4.1.3)";
  if (ghost && !nil) return "OK with the old data (RFC 2180 §4.1.1)";
  if (!nil && !ghost) return "OK without data for them";
  return "OK with NIL data for some, old data for others";
}

}  // namespace

void Checker::tagged(Step& step) {
  finish_mailbox_counters(step.command, step.now);
  if (step.command.adds > 0) finish_adding(step);
  const imap::Response* tagged = step.exchange.tagged;
  const std::string& name = step.command.name;
  if (tagged == nullptr) {
    if (!step.exchange.timed_out) return;
    Finding& finding = step.add(invariant::answered_in_time, "no tagged response to " + name,
                                "a tagged OK, NO or BAD before the deadline", "nothing before the deadline");
    finding.expect_tagged = "OK NO";
    return;
  }
  if (name == "SELECT" || name == "EXAMINE") selected(step, tagged->status);
  if (tagged->status == imap::Status::bad) {
    if (!step.command.well_formed) return;
    Finding& finding = step.add(invariant::no_bad_to_well_formed, "BAD to a well-formed " + name,
                                "OK or NO (the command is valid in this state and names messages 1 to " +
                                    std::to_string(step.command.count_at_send) + ")",
                                one_line(*tagged));
    finding.expect_tagged = "OK NO";
    return;
  }
  if (tagged->status == imap::Status::ok && step.command.adds > 0) {
    mailboxes_[*step.command.target].additions.push_back(
        Addition{step.command.sent, step.now, step.command.adds});
  }
  if (name == "COPY") check_copy(step);
  check_announced(step);
  if (name == "FETCH") observe_expunged_fetch(step);
}

void Checker::selected(Step& step, imap::Status status) {
  step.session.selected_done = step.now;
  if (status == imap::Status::ok) {
    step.session.just_selected = true;
  } else {
    step.session.mailbox.reset();  // RFC 3501 §6.3.1: a failed SELECT leaves none selected
    step.session.slots.clear();
  }
}

// RFC 2180 §4.1: how a FETCH of only messages expunged by another session was answered. Only
// this situation is certain: the model may not know every message another session expunged,
// so a FETCH it thinks mixed may be all expunged for the server.
void Checker::observe_expunged_fetch(Step& step) {
  const auto& expunged = step.command.expunged_requested;
  if (expunged.empty() || expunged.size() != step.command.requested.size()) return;
  auto transcript = excerpt_ ? excerpt_(step.client) : std::vector<std::string>{};
  auto finding = rfc2180_.observe("FETCH of only messages expunged by another session",
                                  fetch_behaviour(step.exchange, expunged), step.session.client,
                                  std::move(transcript));
  if (finding) step.findings.push_back(std::move(*finding));
  check_only_expunged_fetch(step);
}

// RFC 2180 §4.4.1: "if a COPY command is unsuccessful, the server MUST restore the
// destination mailbox to its state before the COPY attempt": a refused APPEND or COPY adds
// nothing, so the sessions on the destination may grow by that much less.
void Checker::finish_adding(Step& step) {
  const unsigned target = *step.command.target;
  mailboxes_[target].adds_running -= step.command.adds;
  const imap::Response* tagged = step.exchange.tagged;
  if (tagged != nullptr && tagged->status == imap::Status::ok) return;
  for (SessionModel& session : sessions_) {
    if (session.mailbox != target) continue;
    session.may_grow -= std::min<std::uint64_t>(session.may_grow, step.command.adds);
    check_growth(session, step);
  }
}

// More messages announced to `observer` since its SELECT than APPEND and COPY can have added.
void Checker::check_growth(const SessionModel& observer, Step& step) {
  if (observer.grown <= observer.may_grow) return;
  Finding& finding = step.add(invariant::refused_copy_adds_nothing,
                              fmt::format("{} was told of {} new messages in {}; APPEND and COPY added at most {}",
                                          observer.client, observer.grown,
                                          mailboxes_[*observer.mailbox].name, observer.may_grow),
                              "no message from a refused COPY or APPEND",
                              fmt::format("{} messages in {}'s view", observer.slots.size(), observer.client));
  finding.client = observer.client;
  finding.expect_response = "EXISTS";
  finding.expect_present = false;
  finding.expect_number = std::to_string(observer.slots.size());
}

// RFC 2180 §4.1.3: "If all of the messages in the subsequent FETCH command have been
// expunged, the server SHOULD return only a tagged NO." It concerns servers answering NIL
// data (a ghosting server, §4.1.1, answers the old data instead): a warning, once a run.
void Checker::check_only_expunged_fetch(Step& step) {
  if (only_expunged_warned_ || step.exchange.tagged->status != imap::Status::ok) return;
  if (fetch_behaviour(step.exchange, step.command.expunged_requested).find("NIL") == std::string::npos) return;
  only_expunged_warned_ = true;
  Finding& finding = step.add(invariant::only_expunged_fetch_no,
                              "FETCH of only messages expunged by another session answered OK with NIL data",
                              "only a tagged NO (RFC 2180 §4.1.3)", "tagged OK and NIL data");
  finding.violation = false;
  finding.warning = true;
}

void Checker::finish_mailbox_counters(const InFlight& command, Tick done) {
  MailboxModel* mailbox = mailbox_of(command);
  if (mailbox == nullptr) return;
  if (command.name == "STORE" || command.name == "UID STORE") --mailbox->stores_running;
  if (command.name == "EXPUNGE" || command.name == "CLOSE") {
    --mailbox->expunges_running;
    mailbox->last_expunge_done = done;
    // Messages added before may be gone without ever being announced: they prove nothing.
    mailbox->additions.clear();
    ++mailbox->additions_epoch;
  }
}

// RFC 3501 §5.2: "A server MUST send mailbox size updates automatically if a mailbox size
// change is observed during the processing of a command." A session must have been told, by
// the end of this command, of every message added by an APPEND or COPY answered before the
// command was sent and after the session's SELECT was answered (so not counted by it), when
// no EXPUNGE has run since it was sent (nothing can have removed them). It has been told of
// at least that many new messages since its SELECT, whichever they are.
void Checker::check_announced(Step& step) {
  SessionModel& session = step.session;
  if (!session.mailbox || session.mailbox != step.command.mailbox) return;
  const MailboxModel& mailbox = mailboxes_[*session.mailbox];
  if (mailbox.expunges_running > 0) return;
  if (session.additions_epoch != mailbox.additions_epoch) {
    session.additions_epoch = mailbox.additions_epoch;
    session.additions_index = 0;
  }
  // Each addition is looked at once: the conditions that exclude one never change back.
  for (; session.additions_index < mailbox.additions.size(); ++session.additions_index) {
    const Addition& addition = mailbox.additions[session.additions_index];
    if (addition.done >= step.command.sent) break;  // answered in order: the rest came later
    if (addition.sent > session.selected_done && addition.sent > mailbox.last_expunge_done) {
      session.certain += addition.count;
    }
  }
  if (session.grown >= session.certain) return;
  const std::uint64_t missing = session.certain - session.grown;
  const std::size_t expected = session.slots.size() + missing;
  Finding& finding = step.add(invariant::appended_announced,
                              fmt::format("{} message(s) added to {} before {} was sent not announced by it",
                                          missing, mailbox.name, step.command.name),
                              fmt::format("an EXISTS response counting them: {} EXISTS", expected),
                              fmt::format("{} messages in the session's view", session.slots.size()));
  finding.expect_response = "EXISTS";
  finding.expect_number = std::to_string(expected);
  session.certain = session.grown;  // reported once
}

// RFC 2180 §4.4.1 / §4.4.2: "Pending EXPUNGE response(s) MUST be returned to the COPY command."
void Checker::check_copy(Step& step) {
  for (std::uint32_t uid : step.command.pending_expunged) {
    if (!contains_uid(step.session.slots, uid)) continue;
    Finding& finding = step.add(invariant::pending_expunge_to_copy,
                                fmt::format("COPY left the pending EXPUNGE of UID {} untold", uid),
                                "the pending EXPUNGE responses with the COPY response",
                                "no EXPUNGE for it before the tagged " +
                                    std::string(imap::to_string(step.exchange.tagged->status)));
    finding.expect_response = "EXPUNGE";
    return;
  }
}

}  // namespace referee::stress
