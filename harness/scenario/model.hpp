#pragma once
// The scenario model: what a scenario file says, after loading and validation.
// The language is specified in docs/SCENARIO-LANGUAGE.md; the loader (scenario_loader.hpp)
// builds these structures and the engine executes them. Plain data, no behaviour.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace referee::scenario {

// Where something was written, for messages that name file:line:column.
struct SourceLocation {
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
};

// RFC 2119 level of the requirement a check verifies.
enum class Level { must, must_not, should, should_not, may };

enum class Presence { must, may, must_not };
enum class LoginMethod { login, authenticate_plain, none };
enum class TlsChoice { profile, none, starttls, implicit };
enum class RoleKind { server, user, mailbox };

struct RequirementRef {
  std::string id;  // key into scenarios/requirements.xml; empty when the check has none (may-presence)
};

// <url server not-server user auth mailbox/> inside <referral>: every given part must match.
struct UrlPattern {
  std::optional<std::string> server;   // profile server role or id the URL host:port must map to
  // A profile server role or id the URL host:port must NOT map to: the new-name URL of a
  // cross-server RENAME pair (RFC 2193 §4.3) names a server other than the existing name's.
  std::optional<std::string> not_server;
  std::optional<std::string> user;
  std::optional<std::string> auth;     // "*", a mechanism, "any" or "absent"
  std::optional<std::string> mailbox;
  std::optional<std::string> role;     // a label for messages ("rename-target"); never matched
  SourceLocation where;
};

struct ReferralPattern {
  std::string count = "any";           // "0", "1", "2", "2+", "pairs", "any"
  std::vector<UrlPattern> urls;
  RequirementRef requirement;
  SourceLocation where;
};

struct FieldPattern {                  // <field name="FLAGS" contains="\Deleted"/> on FETCH data
  std::string name;
  std::optional<std::string> equals;
  std::optional<std::string> contains;
};

struct UntaggedPattern {
  Presence presence = Presence::must;
  std::string name;                    // "EXISTS", "EXPUNGE", "LIST", "BYE", "FETCH"... empty = any
  std::optional<std::string> number;   // may hold ${var}
  std::optional<std::string> match;    // RE2 on the raw line
  std::optional<std::string> list_mailbox;
  std::vector<FieldPattern> fields;
  std::optional<std::string> code;     // response code name, e.g. NEWNAME
  std::optional<std::string> capture;
  int capture_group = 0;
  RequirementRef requirement;
  SourceLocation where;
};

// <expunges messages="2,4"/>: the EXPUNGE responses report exactly these messages (their
// sequence numbers before the first EXPUNGE), each number lowered by the EXPUNGEs before it
// (RFC 3501 §7.4.1), in whichever order the server removed them.
struct ExpungeSetPattern {
  std::string messages;                // a sequence set without "*"; may hold ${var}
  RequirementRef requirement;
  SourceLocation where;
};

// <message-count equals="5"/>: the messages the client knows of after the command: the last
// EXISTS, less one for every EXPUNGE since (RFC 3501 §7.3.1, §7.4.1).
struct MessageCountPattern {
  std::string equals;                  // a number; may hold ${var}
  RequirementRef requirement;
  SourceLocation where;
};

struct TaggedPattern {
  std::vector<std::string> statuses;   // "OK", "NO", "BAD", "NONE"; empty = any
  std::optional<std::string> code;     // response code name
  std::optional<ReferralPattern> referral;
  std::optional<std::string> text_match;
  std::optional<std::string> capture;
  int capture_group = 0;
  RequirementRef requirement;
  SourceLocation where;
};

// The text of <send>: plain text parts and literals, in order.
struct LiteralPart {
  std::string bytes;
  bool synchronizing = true;
  bool hold = false;                   // stop after '+' until <resume>
};
using SendPart = std::variant<std::string, LiteralPart>;

struct Expectations {
  std::optional<TaggedPattern> tagged;
  std::vector<UntaggedPattern> untagged;
  bool ordered = false;
  std::optional<Presence> bye;
  std::optional<Presence> close;
  std::optional<ExpungeSetPattern> expunges;
  std::optional<MessageCountPattern> message_count;
};

struct CommandStep {
  std::string client;
  std::vector<SendPart> send;
  Expectations expect;
  std::optional<std::chrono::milliseconds> timeout;
  SourceLocation where;
};

struct ResumeStep {
  std::string client;
  Expectations expect;
  std::optional<std::chrono::milliseconds> timeout;
  SourceLocation where;
};

struct AwaitStep {
  std::string client;
  std::vector<UntaggedPattern> untagged;
  std::optional<std::chrono::milliseconds> timeout;
  SourceLocation where;
};

struct FenceStep { std::string client; SourceLocation where; };
struct BarrierStep { std::vector<std::string> clients; SourceLocation where; };

struct ExpectCloseStep {
  std::string client;
  Presence bye = Presence::may;
  RequirementRef requirement;       // the close itself (still open at the deadline: fails it)
  RequirementRef bye_requirement;   // bye="must": the BYE before it; empty = `requirement`
  std::optional<std::chrono::milliseconds> timeout;
  SourceLocation where;
};

struct FollowReferralStep {
  std::string client;                  // whose last referral to follow
  std::string as;                      // the new client's id
  LoginMethod login = LoginMethod::login;  // "as-url" maps to login; none = connect only
  bool as_url = true;
  unsigned max_hops = 10;              // RFC 2221 §3
  RequirementRef requirement;
  SourceLocation where;
};

struct ConcurrentStep;
struct AlternativesStep;
using Step = std::variant<CommandStep, ResumeStep, AwaitStep, FenceStep, BarrierStep, ExpectCloseStep,
                          FollowReferralStep, std::shared_ptr<ConcurrentStep>,
                          std::shared_ptr<AlternativesStep>>;

// Commands sent before any response is awaited; several of one client are pipelined.
struct ConcurrentStep {
  std::vector<CommandStep> commands;
  bool completion_as_sent = false;     // completion-order="as-sent": each client's tagged
  RequirementRef requirement;          // responses in the order sent, else `requirement` fails
  SourceLocation where;
};

struct Alternative {
  std::string id;                      // "ghost"
  std::string section;                 // "3.2"
  Level level = Level::may;            // MAY → info; SHOULD-NOT → warn when observed
  std::string description;
  std::vector<Step> steps;
  SourceLocation where;
};

struct AlternativesStep {
  std::string name;                    // "delete-selected"
  std::string none_verdict = "warn";   // "warn" | "fail" when no alternative matches
  RequirementRef requirement;
  std::vector<Alternative> alternatives;
  SourceLocation where;
};

struct GreetingPattern {
  std::vector<std::string> statuses;   // OK, PREAUTH, BYE
  std::optional<ReferralPattern> referral;
  RequirementRef requirement;
  SourceLocation where;
};

struct ClientSpec {
  std::string id;                      // "C1"; a group "L" expands to L1..Ln
  std::string server_role;
  std::optional<std::string> user_role;
  LoginMethod login = LoginMethod::login;
  TlsChoice tls = TlsChoice::profile;
  unsigned group_count = 0;            // 0 = a single client
  std::optional<GreetingPattern> greeting;
  SourceLocation where;
};

struct CapabilityRequirement {
  std::string name;
  std::string client;                  // checked on this client's server
  bool after_login = false;
  SourceLocation where;
};

struct RoleRequirement { RoleKind kind; std::string name; SourceLocation where; };

struct SetupMailbox {
  std::string name;                    // may hold ${test.mailbox}
  unsigned messages = 0;               // generated seed messages (APPEND)
  SourceLocation where;
};

// A subscription the steps rely on, made before them and undone after if it was made.
struct SetupSubscription {
  std::string mailbox;                 // may hold variables
  SourceLocation where;
};

struct Setup {
  std::string client;
  std::vector<SetupMailbox> mailboxes;
  SourceLocation where;
  std::vector<SetupSubscription> subscriptions;
};

struct Quote { std::string rfc; std::string section; std::string text; };

struct Scenario {
  std::string id;                      // "rfc2193/4.1/select-remote-mailbox"
  std::string title;
  std::string rfc;                     // "2193"
  std::string section;                 // "4.1"
  std::vector<Quote> quotes;
  std::string description;
  bool destructive = false;
  std::vector<CapabilityRequirement> capabilities;
  std::vector<RoleRequirement> roles;
  std::vector<ClientSpec> clients;
  std::optional<Setup> setup;
  std::vector<Step> steps;
  SourceLocation where;                // the file
};

}  // namespace referee::scenario
