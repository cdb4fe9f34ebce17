// FETCH responses: message numbers within the view, UIDs ascending, stable and never reused,
// \Recent shown to one session only, flags as the last STORE left them.
#include <algorithm>

#include <fmt/format.h>

#include "harness/imap/untagged.hpp"
#include "harness/stress/checker.hpp"
#include "harness/stress/checker_step.hpp"

namespace referee::stress {
namespace {

std::string first_line(const imap::Response& response) {
  return response.raw.substr(0, response.raw.find('\r'));
}

// Flags as a sorted list without \Recent (a session flag), and whether \Recent was there.
std::vector<std::string> stored_flags(const imap::Value& list, bool& recent) {
  std::vector<std::string> flags;
  for (const auto& item : list.items) {
    auto text = item.as_string();
    if (!text) continue;
    if (imap::iequals(*text, "\\Recent")) {
      recent = true;
    } else {
      flags.push_back(imap::to_upper(*text));
    }
  }
  std::sort(flags.begin(), flags.end());
  return flags;
}

std::string flag_list(const std::vector<std::string>& flags) {
  return "(" + fmt::format("{}", fmt::join(flags, " ")) + ")";
}

}  // namespace

void Checker::fetch(Step& step, const imap::Response& response) {
  auto data = imap::as_fetch(response);
  if (!data) return;
  const auto count = static_cast<std::uint32_t>(step.session.slots.size());
  if (data->sequence == 0 || data->sequence > count) {
    Finding& finding = step.add(invariant::sequence_numbers,
                                fmt::format("FETCH for message {} of the session's {}", data->sequence, count),
                                fmt::format("FETCH responses for messages 1 to {}", count),
                                first_line(response));
    finding.expect_response = "FETCH";
    finding.expect_present = false;
    finding.expect_number = std::to_string(data->sequence);
    return;
  }
  if (auto uid = data->items.find("UID"); uid != data->items.end() && uid->second.as_number()) {
    check_uid(step, data->sequence, static_cast<std::uint32_t>(*uid->second.as_number()), response);
  }
  if (auto flags = data->items.find("FLAGS"); flags != data->items.end() && flags->second.is_list()) {
    check_flags(step, data->sequence, flags->second, response);
  }
}

void Checker::check_uid(Step& step, std::uint32_t number, std::uint32_t uid,
                        const imap::Response& response) {
  auto& slots = step.session.slots;
  Slot& slot = slots[number - 1];
  auto report = [&](const Invariant& broken, std::string summary, std::string expected) {
    Finding& finding = step.add(broken, std::move(summary), std::move(expected), first_line(response));
    finding.expect_response = "FETCH";
    finding.expect_present = false;
    finding.expect_line = first_line(response);
  };
  if (slot.uid != 0) {
    if (slot.uid != uid) {
      report(invariant::uid_stable, fmt::format("message {} changed its UID", number),
             fmt::format("UID {} as before", slot.uid));
    }
    return;
  }
  std::uint32_t below = 0, above = 0;
  for (auto i = number - 1; i > 0 && below == 0; --i) below = slots[i - 1].uid;
  for (auto i = number; i < slots.size() && above == 0; ++i) above = slots[i].uid;
  if (uid <= below || (above != 0 && uid >= above)) {
    report(invariant::uid_ascending, fmt::format("UID {} of message {} out of order", uid, number),
           fmt::format("a UID above {}{}", below, above ? fmt::format(" and below {}", above) : ""));
    return;
  }
  MailboxModel& mailbox = mailboxes_[*step.session.mailbox];
  if (auto gone = mailbox.expunged.find(uid); gone != mailbox.expunged.end() && gone->second < slot.announced) {
    report(invariant::uid_never_reused,
           fmt::format("UID {} was expunged, then given to message {} announced later", uid, number),
           "a UID never used before in this UIDVALIDITY");
    return;
  }
  slot.uid = uid;
  step.session.highest_uid = std::max(step.session.highest_uid, uid);
}

void Checker::check_flags(Step& step, std::uint32_t number, const imap::Value& list,
                          const imap::Response& response) {
  std::uint32_t uid = step.session.slots[number - 1].uid;
  if (uid == 0) return;
  MailboxModel& mailbox = mailboxes_[*step.session.mailbox];
  bool recent = false;
  std::vector<std::string> flags = stored_flags(list, recent);
  if (recent) {
    auto [holder, first] = mailbox.recent_holder.try_emplace(uid, step.client);
    if (!first && holder->second != step.client) {
      Finding& finding = step.add(invariant::recent_one_session,
                                  fmt::format("\\Recent on UID {}, already shown to {}", uid,
                                              sessions_[holder->second].client),
                                  "\\Recent in one session only", first_line(response));
      finding.expect_response = "FETCH";
      finding.expect_present = false;
      finding.expect_line = first_line(response);
    }
  }
  const InFlight& command = step.command;
  if (command.name == "STORE" || command.name == "UID STORE") {
    // Only a STORE no other STORE overlapped knows the flags for certain.
    if (command.store_alone && command.store_generation == mailbox.store_generation &&
        mailbox.stores_running == 1) {
      mailbox.flags[uid] = MailboxModel::Flags{flags, step.now, command.store_generation};
    }
    return;
  }
  auto known = mailbox.flags.find(uid);
  if (known == mailbox.flags.end() || known->second.generation != mailbox.store_generation ||
      mailbox.stores_running != 0 || known->second.known >= command.sent) {
    return;
  }
  // A message marked \Deleted may be gone: RFC 2180 §4.1.3 lets the server answer NIL data.
  const auto& expected = known->second.flags;
  if (std::find(expected.begin(), expected.end(), "\\DELETED") != expected.end()) return;
  if (flags == expected) return;
  Finding& finding = step.add(invariant::flags_converge,
                              fmt::format("FLAGS of UID {} differ from what the last STORE left", uid),
                              "FLAGS " + flag_list(expected), first_line(response));
  finding.expect_response = "FETCH";
  finding.expect_present = false;
  finding.expect_line = first_line(response);
}

}  // namespace referee::stress
