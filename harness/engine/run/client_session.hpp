#pragma once
// One scenario client (C1, C2, C1R...): an IMAP connection, its tags, the command in flight,
// the pool of untagged responses not yet consumed by an expectation, and the implicit RFC 3501
// checks on everything it receives. Steps drive it; it never decides what a scenario expects.
//
//   step executor ── start(parts) ──▶ ClientSession ── write ──▶ server
//                 ◀─ command() ─────              ◀── read_one() (pool, tagged, "+")
//
// Reading is pulled by the steps (no background reader): responses a client has not asked for
// stay in the socket until the next wait on that client, and order comes from the awaits.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>

#include "harness/engine/run/command_bytes.hpp"
#include "harness/engine/run/implicit_rules.hpp"
#include "harness/imap/response.hpp"
#include "harness/imap/tag_generator.hpp"
#include "harness/net/imap_connection.hpp"
#include "harness/net/transcript.hpp"
#include "harness/scenario/model.hpp"

namespace referee::engine {

using boost::asio::awaitable;

enum class ReadStatus { response, garbage, timeout, closed };

struct PooledResponse {
  imap::Response response;
  std::optional<std::size_t> event;  // index in the scenario transcript
  bool consumed = false;             // an expectation took it
};

// What one command observed.
struct CommandRun {
  std::string tag;
  std::string text;                  // after the tag, literals as {n}, secrets as ***
  std::string name;                  // "SELECT", "UID FETCH"
  std::size_t pool_begin = 0;        // responses [pool_begin, pool_end) arrived while it ran
  std::size_t pool_end = 0;
  std::optional<imap::Response> tagged;
  std::optional<std::size_t> tagged_event;
  std::optional<std::size_t> sent_event;
  bool held = false;                 // stopped after "+" (hold="true") until resume()
  bool finished = false;
  bool timed_out = false;
  bool closed = false;               // the connection ended before the tagged response
  std::string failure;               // why it ended without a tagged response
  std::vector<CommandChunk> pending; // chunks not sent yet
};

// Hops and URLs seen along one chain of followed referrals (RFC 2221 §3, RFC 2193 §3).
struct ReferralChain {
  unsigned hops = 0;
  std::vector<std::string> visited;
};

struct SessionOptions {
  std::string client;                // "C1"
  std::string server_id;             // the profile server it talks to
  net::Transcript* transcript = nullptr;
  // Where events go when `transcript` is null (a bounded window for stress runs); events
  // recorded there have no index, so checks name no transcript event.
  net::TranscriptSink* sink = nullptr;
  std::shared_ptr<boost::asio::ssl::context> tls_context;
  std::vector<std::string> secrets;  // redacted in the transcript when `redact`
  bool redact = true;
  // Flood cap: of the untagged responses one command (or wait) receives, the first and the
  // last `flood_cap` are kept in the pool and the transcript, the rest only counted. 0: all.
  std::size_t flood_cap = 500;
  // An implicit RFC 3501 rule broken, with the transcript event that showed it.
  std::function<void(const Violation&, std::optional<std::size_t>)> on_violation;
  // A wait ended at its deadline; `what` was in flight: a command as sent ("A7 APPEND … {212}",
  // secrets redacted), "waiting for the greeting", "waiting for the connection to close".
  std::function<void(const std::string& what)> on_timeout;
};

class ClientSession {
 public:
  ClientSession(boost::asio::any_io_executor executor, SessionOptions options);
  ClientSession(const ClientSession&) = delete;
  ClientSession& operator=(const ClientSession&) = delete;

  // Connects (TLS or STARTTLS as the endpoint says) and reads the greeting. False when no
  // greeting came: open_failure() says why.
  awaitable<bool> open(const net::Endpoint& endpoint, net::Deadline deadline);

  // Sends a command, stopping after a "+" when a literal says hold. Once the server has said
  // BYE (greeting or untagged) nothing is sent (RFC 3501 §7.1.5: "the server is about to
  // close the connection"): the command ends without a tagged response when the connection
  // closes, or at the deadline if the server keeps it open; the transcript says which.
  awaitable<void> start(const std::vector<scenario::SendPart>& parts, net::Deadline deadline);
  // Sends a command whose bytes are built from its tag, e.g. IDLE, whose "DONE" follows the
  // "+" (RFC 2177): chunks {"tag IDLE\r\n", await_continuation, hold} then {"DONE\r\n"}.
  awaitable<void> start_bytes(const std::function<CommandBytes(const std::string& tag)>& build,
                              net::Deadline deadline);
  awaitable<void> resume(net::Deadline deadline);
  // RFC 3501 §5.5: "The client MAY send another command without waiting for the completion
  // result response of a command". Writes the commands back to back in one write (none may
  // wait for a "+": a synchronizing literal is a caller error) and marks them in flight;
  // finish_pipeline() reads until each has its tagged response, the deadline, or the close.
  // Untagged responses belong to the earliest command still in flight: the ones between two
  // tagged responses go to the command the second one completes.
  awaitable<void> start_pipeline(const std::vector<std::vector<scenario::SendPart>>& commands,
                                 net::Deadline deadline);
  awaitable<void> finish_pipeline(net::Deadline deadline);
  // The pipelined commands in the order sent, and the order their tagged responses came in
  // (indexes into pipelined()).
  const std::vector<CommandRun>& pipelined() const { return pipeline_.runs; }
  const std::vector<std::size_t>& completion_order() const { return pipeline_.completed; }
  // Reads until the tagged response, the deadline, or the end of the connection.
  awaitable<void> finish(net::Deadline deadline);
  awaitable<CommandRun> run(const std::vector<scenario::SendPart>& parts, net::Deadline deadline);
  // LOGIN, or AUTHENTICATE PLAIN (the client response redacted).
  awaitable<CommandRun> login(const std::string& user, const std::string& password,
                              scenario::LoginMethod method, net::Deadline deadline);
  // LOGOUT and wait for the close; used when a scenario ends. After the server's BYE nothing
  // is sent: it waits for the close the BYE announced, and notes in the transcript whether
  // the server closed before the deadline or kept the connection open.
  awaitable<void> logout(net::Deadline deadline);

  // Reads one response into the pool (or as the tagged answer / continuation).
  awaitable<ReadStatus> read_one(net::Deadline deadline);
  // Reads until the server closes the connection; false when the deadline passed first.
  awaitable<bool> wait_closed(net::Deadline deadline);
  void close();

  const std::string& id() const { return options_.client; }
  const std::string& server_id() const { return options_.server_id; }
  const std::string& open_failure() const { return open_failure_; }
  const std::optional<imap::Response>& greeting() const { return greeting_; }
  std::optional<std::size_t> greeting_event() const { return greeting_event_; }
  const CommandRun& command() const { return command_; }
  bool in_flight() const { return in_flight_; }
  bool is_closed() const { return closed_; }
  // A BYE came from the server, or the client closed on purpose (never "closed without BYE").
  bool bye_seen() const { return bye_seen_; }
  // The server itself sent BYE (greeting or untagged): the engine sends nothing more here.
  bool server_said_bye() const { return server_said_bye_; }
  const std::string& close_reason() const { return close_reason_; }
  // Messages in the selected mailbox as this client has been told: the last EXISTS less the
  // EXPUNGEs since; nullopt before the first EXISTS of a selection.
  std::optional<std::uint32_t> known_count() const { return rules_.known_count(); }
  // The response a follow-referral step looks at: the last tagged response, or the greeting.
  const imap::Response* last_status() const;
  const std::optional<std::vector<std::string>>& capabilities() const { return capabilities_; }
  std::vector<PooledResponse>& pool() { return pool_; }
  const std::vector<PooledResponse>& pool() const { return pool_; }
  ReferralChain& chain() { return chain_; }
  // Who logged in on this client, and how (a referral without a user name reuses them).
  void set_login(std::string user_login, scenario::LoginMethod method) {
    user_login_ = std::move(user_login);
    login_method_ = method;
  }
  const std::string& user_login() const { return user_login_; }
  scenario::LoginMethod login_method() const { return login_method_; }
  std::optional<std::size_t> last_event() const;
  // Moves responses held back by the flood cap into the pool (and the transcript): a step
  // calls it before judging what it waited for.
  void flush_flood();
  // Untagged responses left out of the pool by the flood cap, in this session so far.
  std::uint64_t left_out() const { return pool_left_out_; }

 private:
  struct Pipeline {
    std::vector<CommandRun> runs;
    std::vector<std::size_t> completed;  // indexes of runs, in the order their tagged came
    std::size_t cut = 0;                 // pool size at the last tagged response
    bool active = false;
  };

  awaitable<void> send_pending(net::Deadline deadline);
  bool complete_pipelined(imap::Response& response, std::optional<std::size_t> event);
  void end_pipelined(std::size_t index, std::string failure);
  void end_unfinished(bool timed_out, const std::string& failure);
  awaitable<void> withhold_after_bye(net::Deadline deadline);
  void note_after_bye(std::string note);
  awaitable<bool> await_continuation(net::Deadline deadline);
  awaitable<bool> write(const std::string& bytes, net::Deadline deadline, bool all_secret = false);
  ReadStatus accept(imap::Response response);
  ReadStatus fail(const net::ReadFailure& failure);
  void end_command(std::string failure);
  void violation(const Violation& broken);
  void timed_out(const std::string& what);
  std::string in_flight_text() const;
  void pool_untagged(imap::Response response, std::optional<std::size_t> event);

  SessionOptions options_;
  net::ImapConnection connection_;
  imap::TagGenerator tags_;
  ImplicitRules rules_;
  std::optional<imap::Response> greeting_;
  std::optional<std::size_t> greeting_event_;
  std::string open_failure_;
  CommandRun command_;
  Pipeline pipeline_;
  bool in_flight_ = false;
  bool continuation_ = false;
  std::optional<imap::Response> last_tagged_;  // before command_'s (see last_status())
  std::optional<std::vector<std::string>> capabilities_;
  std::vector<PooledResponse> pool_;
  std::size_t window_untagged_ = 0;          // untagged responses since the command started
  std::deque<PooledResponse> held_;          // the last flood_cap of them, beyond the first
  std::uint64_t pool_left_out_ = 0;
  bool closed_ = false;
  bool bye_seen_ = false;
  bool server_said_bye_ = false;
  bool open_after_bye_deadline_ = false;     // a wait for the close after BYE timed out
  std::string close_reason_;
  ReferralChain chain_;
  std::string user_login_;
  scenario::LoginMethod login_method_ = scenario::LoginMethod::login;
};

}  // namespace referee::engine
