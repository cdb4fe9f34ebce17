#include "harness/engine/run/implicit_rules.hpp"

#include "harness/engine/match/response_match.hpp"
#include "harness/engine/run/checks.hpp"

namespace referee::engine {

void ImplicitRules::command_started(std::string_view name) {
  running_ = std::string(name);
  // A new mailbox: its first EXISTS sets the count afresh.
  if (name == "SELECT" || name == "EXAMINE" || name == "CLOSE" || name == "UNSELECT") {
    known_count_.reset();
  }
}

std::optional<Violation> ImplicitRules::untagged(const imap::Response& response) {
  if (response.is_untagged("EXPUNGE")) return expunge(response);
  if (response.is_untagged("EXISTS")) return exists(response);
  return std::nullopt;
}

std::optional<Violation> ImplicitRules::expunge(const imap::Response& response) {
  if (known_count_ && *known_count_ > 0) --*known_count_;
  if (running_ != "FETCH" && running_ != "STORE" && running_ != "SEARCH") return std::nullopt;
  return Violation{rule::no_expunge_during_fetch,
                   "untagged EXPUNGE while responding to " + running_,
                   "no EXPUNGE during " + running_ + " (RFC 3501 §7.4.1)", one_line(response)};
}

std::optional<Violation> ImplicitRules::exists(const imap::Response& response) {
  if (!response.number) return std::nullopt;
  std::optional<std::uint32_t> before = known_count_;
  known_count_ = *response.number;
  if (!before || *response.number >= *before) return std::nullopt;
  return Violation{rule::exists_never_decreases, "EXISTS reduced the number of messages",
                   "EXISTS >= " + std::to_string(*before) + " (only EXPUNGE reduces it)",
                   one_line(response)};
}

}  // namespace referee::engine
