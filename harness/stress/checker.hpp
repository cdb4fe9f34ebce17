#pragma once
// The live checker: feeds every command a stress client sends, and everything it receives,
// into the model (model.hpp) and reports the invariants broken (invariants.hpp). One checker
// sees every client; it runs on the run's single thread, between awaits.
//
//   checker.sent(2, command);                         // just before C3 writes it
//   auto findings = checker.done(2, command, exchange);  // after C3's tagged response

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/imap/response.hpp"
#include "harness/stress/generator.hpp"
#include "harness/stress/invariants.hpp"
#include "harness/stress/model.hpp"
#include "harness/stress/rfc2180_tracker.hpp"
#include "harness/stress/stress_command.hpp"

namespace referee::stress {

// What one command observed, in arrival order.
struct Exchange {
  std::vector<const imap::Response*> untagged;
  const imap::Response* tagged = nullptr;  // null: timed out or the connection ended
  bool timed_out = false;
};

class Checker {
 public:
  // The transcript lines of one client's recent events (for RFC 2180 information findings).
  using Excerpt = std::function<std::vector<std::string>(unsigned client)>;

  Checker(std::vector<std::string> mailboxes, std::vector<std::string> clients, Excerpt excerpt = {});

  void sent(unsigned client, const StressCommand& command);
  std::vector<Finding> done(unsigned client, const StressCommand& command, const Exchange& exchange);

  GeneratorView view(unsigned client) const;
  // The test mailbox the first quoted string of a command names ("SELECT \"x/m1\"").
  std::optional<unsigned> mailbox_named(std::string_view text) const;

 private:
  struct Step;  // one answered command being judged
  void start_selected_command(SessionModel& session, InFlight& command, std::string_view text);
  void start_adding(InFlight& command);
  void finish_adding(Step& step);
  void check_growth(const SessionModel& observer, Step& step);
  void untagged(Step& step, const imap::Response& response);
  void exists(Step& step, std::uint32_t count);
  void expunge(Step& step, const imap::Response& response);
  void fetch(Step& step, const imap::Response& response);
  void check_uid(Step& step, std::uint32_t number, std::uint32_t uid, const imap::Response& response);
  void check_flags(Step& step, std::uint32_t number, const imap::Value& flags,
                   const imap::Response& response);
  void tagged(Step& step);
  void selected(Step& step, imap::Status status);
  void observe_expunged_fetch(Step& step);
  void check_announced(Step& step);
  void check_copy(Step& step);
  void check_only_expunged_fetch(Step& step);
  void finish_mailbox_counters(const InFlight& command, Tick done);
  MailboxModel* mailbox_of(const InFlight& command);

  std::vector<MailboxModel> mailboxes_;
  std::vector<SessionModel> sessions_;
  Rfc2180Tracker rfc2180_;
  Excerpt excerpt_;
  Tick clock_ = 0;
  bool only_expunged_warned_ = false;
};

}  // namespace referee::stress
