#include "harness/engine/run/client_session.hpp"

#include <utility>

#include "harness/engine/match/response_match.hpp"
#include "harness/engine/run/checks.hpp"
#include "harness/imap/untagged.hpp"
#include "harness/net/net_error.hpp"

namespace referee::engine {

ClientSession::ClientSession(boost::asio::any_io_executor executor, SessionOptions options)
    : options_(std::move(options)),
      connection_(std::move(executor), net::ConnectionOptions{.id = options_.client,
                                                              .transcript = options_.transcript != nullptr
                                                                   ? options_.transcript
                                                                   : options_.sink,
                                                              .tls_context = options_.tls_context}),
      tags_("A", 1) {
  connection_.connection().transcript().set_flood_cap(options_.flood_cap);
}

awaitable<bool> ClientSession::open(const net::Endpoint& endpoint, net::Deadline deadline) {
  std::string starttls_tag = endpoint.tls == net::TlsMode::starttls ? tags_.next() : "";
  auto greeting = co_await connection_.open(endpoint, deadline, starttls_tag);
  if (!greeting) {
    open_failure_ = "no greeting from " + endpoint.describe() + ": " + greeting.error().describe();
    closed_ = true;
    if (greeting.error().code == net::net_error::timeout) timed_out("waiting for the greeting");
    co_return false;
  }
  greeting_event_ = last_event();
  if (greeting->status == imap::Status::bye) bye_seen_ = server_said_bye_ = true;
  if (auto announced = imap::as_capabilities(*greeting)) capabilities_ = std::move(announced);
  greeting_ = std::move(*greeting);
  co_return true;
}

awaitable<void> ClientSession::start(const std::vector<scenario::SendPart>& parts,
                                     net::Deadline deadline) {
  // Named: g++ 12 mishandles temporaries that live across a co_await.
  const std::function<CommandBytes(const std::string&)> build = [&parts](const std::string& tag) {
    return build_command(tag, parts);
  };
  co_await start_bytes(build, deadline);
}

awaitable<void> ClientSession::start_bytes(
    const std::function<CommandBytes(const std::string& tag)>& build, net::Deadline deadline) {
  // The last command's tagged answer stays the last status (last_status()) until another comes.
  if (command_.tagged) last_tagged_ = std::move(command_.tagged);
  command_ = CommandRun{.tag = tags_.next()};
  CommandBytes bytes = build(command_.tag);
  auto secrets = options_.redact ? secret_spans(bytes.text, options_.secrets)
                                 : std::vector<net::RedactSpan>{};
  command_.text = secrets.empty() ? bytes.text : net::redact(bytes.text, secrets);
  command_.name = command_name(bytes.text);
  // A LOGIN a step sends itself says who this client is, as much as an automatic login does:
  // a referral URL without a user falls back to it.
  if (auto user = login_user_of(bytes.text)) set_login(std::move(*user), scenario::LoginMethod::login);
  command_.pending = std::move(bytes.chunks);
  flush_flood();
  window_untagged_ = 0;
  command_.pool_begin = pool_.size();
  in_flight_ = true;
  if (closed_) {
    end_command("the connection is closed (" + close_reason_ + ")");
    co_return;
  }
  if (server_said_bye_) {
    co_await withhold_after_bye(deadline);
    co_return;
  }
  co_await send_pending(deadline);
}

awaitable<void> ClientSession::withhold_after_bye(net::Deadline deadline) {
  command_.pending.clear();
  note_after_bye(command_.tag + " " + command_.name + " not sent: the server said BYE");
  bool closed = co_await wait_closed(deadline);
  command_.closed = closed;
  command_.timed_out = !closed;
  end_command(closed ? "not sent: the server had said BYE, then closed the connection"
                     : "not sent: the server had said BYE, yet kept the connection open until "
                       "the deadline");
}

void ClientSession::note_after_bye(std::string note) {
  connection_.connection().transcript().meta(net::MetaEvent::after_bye, std::move(note));
}

awaitable<void> ClientSession::resume(net::Deadline deadline) {
  command_.held = false;
  co_await send_pending(deadline);
}

awaitable<void> ClientSession::send_pending(net::Deadline deadline) {
  while (!command_.pending.empty() && !command_.finished) {
    CommandChunk chunk = std::move(command_.pending.front());
    command_.pending.erase(command_.pending.begin());
    bool written = co_await write(chunk.bytes, deadline);
    if (!written) co_return;
    if (!command_.sent_event) command_.sent_event = last_event();
    if (command_.pending.empty()) rules_.command_started(command_.name);
    if (!chunk.await_continuation) continue;
    bool continued = co_await await_continuation(deadline);
    if (!continued) co_return;
    if (chunk.hold) {
      command_.held = true;
      co_return;
    }
  }
}

awaitable<bool> ClientSession::await_continuation(net::Deadline deadline) {
  continuation_ = false;
  while (!continuation_ && !command_.finished) {
    ReadStatus status = co_await read_one(deadline);
    if (status == ReadStatus::timeout) {
      command_.timed_out = true;
      end_command("no continuation request (+) before the deadline");
      timed_out(in_flight_text());
    } else if (status == ReadStatus::closed) {
      command_.closed = true;
      end_command("connection closed while waiting for +: " + close_reason_);
    }
  }
  co_return continuation_ && !command_.finished;
}

awaitable<void> ClientSession::finish(net::Deadline deadline) {
  while (in_flight_ && !command_.finished) {
    ReadStatus status = co_await read_one(deadline);
    if (status == ReadStatus::timeout) {
      command_.timed_out = true;
      end_command("no tagged response before the deadline");
      timed_out(in_flight_text());
    } else if (status == ReadStatus::closed) {
      command_.closed = true;
      end_command("connection closed before the tagged response: " + close_reason_);
    }
  }
}

awaitable<CommandRun> ClientSession::run(const std::vector<scenario::SendPart>& parts,
                                         net::Deadline deadline) {
  co_await start(parts, deadline);
  if (command_.held) co_await resume(deadline);
  co_await finish(deadline);
  co_return command_;
}

awaitable<CommandRun> ClientSession::login(const std::string& user, const std::string& password,
                                           scenario::LoginMethod method, net::Deadline deadline) {
  if (method != scenario::LoginMethod::authenticate_plain) {
    co_return co_await run(login_command(user, password), deadline);
  }
  // A named vector: g++ 12 cannot take a braced temporary across co_await.
  const std::vector<scenario::SendPart> authenticate{std::string("AUTHENTICATE PLAIN")};
  co_await start(authenticate, deadline);
  bool continued = false;
  if (!command_.finished) continued = co_await await_continuation(deadline);
  if (continued) {
    // RFC 3501 §6.2.2: the client response is one line of BASE64.
    co_await write(sasl_plain_response(user, password) + "\r\n", deadline, /*all_secret=*/true);
  }
  co_await finish(deadline);
  co_return command_;
}

awaitable<void> ClientSession::logout(net::Deadline deadline) {
  if (closed_) co_return;
  // The server did not answer in time: a LOGOUT would only wait for it once more.
  if (command_.timed_out || open_after_bye_deadline_) {
    close();
    co_return;
  }
  if (server_said_bye_) {
    // RFC 3501 §7.1.5: "the client SHOULD continue to read response data from the server
    // until the connection is closed".
    note_after_bye("LOGOUT not sent: the server said BYE; waiting for it to close");
    co_await wait_closed(deadline);
    close();
    co_return;
  }
  if (!in_flight_ || command_.finished) {
    const std::vector<scenario::SendPart> logout_command{std::string("LOGOUT")};
    co_await run(logout_command, deadline);
    if (!closed_) co_await wait_closed(deadline);
  }
  close();
}

awaitable<bool> ClientSession::wait_closed(net::Deadline deadline) {
  while (!closed_) {
    ReadStatus status = co_await read_one(deadline);
    if (status != ReadStatus::timeout) continue;
    timed_out("waiting for the connection to close");
    if (server_said_bye_ && !open_after_bye_deadline_) {
      open_after_bye_deadline_ = true;  // waited once: teardown does not wait again
      note_after_bye("the server said BYE but kept the connection open until the deadline");
    }
    co_return false;
  }
  co_return true;
}

void ClientSession::close() {
  if (closed_) return;
  closed_ = true;
  // We close on purpose: never a "close without BYE" by the server.
  bye_seen_ = true;
  close_reason_ = "closed by the client";
  connection_.close();
}

awaitable<bool> ClientSession::write(const std::string& bytes, net::Deadline deadline,
                                     bool all_secret) {
  std::vector<net::RedactSpan> spans;
  if (options_.redact) {
    spans = all_secret ? std::vector<net::RedactSpan>{{0, bytes.size() - 2}}
                       : secret_spans(bytes, options_.secrets);
  }
  auto written = co_await connection_.write(bytes, deadline, spans);
  if (written) co_return true;
  if (written.error() == net::net_error::timeout) {
    command_.timed_out = true;
    timed_out(in_flight_text());
  } else {
    closed_ = true;
    close_reason_ = written.error().message();
    command_.closed = true;
  }
  end_command("could not send the command: " + written.error().message());
  co_return false;
}

awaitable<ReadStatus> ClientSession::read_one(net::Deadline deadline) {
  if (closed_) co_return ReadStatus::closed;
  auto response = co_await connection_.read_response(deadline);
  if (!response) co_return fail(response.error());
  co_return accept(std::move(*response));
}

ReadStatus ClientSession::accept(imap::Response response) {
  auto& recorder = connection_.connection().transcript();
  bool ends_flood = response.kind != imap::ResponseKind::untagged;
  // A held-back response is not the transcript's last event; a tagged answer ends a flood.
  if (ends_flood) recorder.flush();
  std::optional<std::size_t> event = recorder.holding() ? std::nullopt : last_event();
  if (auto announced = imap::as_capabilities(response)) capabilities_ = std::move(announced);
  if (response.kind == imap::ResponseKind::continuation) {
    continuation_ = true;
    return ReadStatus::response;
  }
  if (response.kind == imap::ResponseKind::tagged && pipeline_.active &&
      complete_pipelined(response, event)) {
    return ReadStatus::response;
  }
  if (response.kind == imap::ResponseKind::tagged && in_flight_ &&
      response.is_tagged(command_.tag)) {
    flush_flood();
    command_.tagged_event = event;
    command_.tagged = std::move(response);
    end_command("");
    return ReadStatus::response;
  }
  if (response.status == imap::Status::bye) bye_seen_ = server_said_bye_ = true;
  if (auto broken = rules_.untagged(response)) {
    if (options_.on_violation) options_.on_violation(*broken, event);
  }
  pool_untagged(std::move(response), event);
  return ReadStatus::response;
}

void ClientSession::pool_untagged(imap::Response response, std::optional<std::size_t> event) {
  ++window_untagged_;
  std::size_t cap = options_.flood_cap;
  if (cap == 0 || window_untagged_ <= cap) {
    pool_.push_back(PooledResponse{std::move(response), event, false});
    return;
  }
  if (held_.size() == cap) {
    held_.pop_front();
    ++pool_left_out_;
  }
  held_.push_back(PooledResponse{std::move(response), event, false});
}

void ClientSession::flush_flood() {
  connection_.connection().transcript().flush();
  for (auto& held : held_) pool_.push_back(std::move(held));
  held_.clear();
}

ReadStatus ClientSession::fail(const net::ReadFailure& failure) {
  flush_flood();
  if (failure.code == net::net_error::timeout) return ReadStatus::timeout;
  if (failure.code == net::net_error::garbage) {
    violation(Violation{rule::response_syntax, "a response that does not parse",
                        "a response following RFC 3501 §9", failure.describe() + ": " + failure.raw});
    return ReadStatus::garbage;
  }
  closed_ = true;
  close_reason_ = failure.describe();
  if (!bye_seen_) {
    violation(Violation{rule::bye_before_close, "connection closed without BYE",
                        "an untagged BYE before the server closes the connection",
                        "the connection ended: " + close_reason_});
  }
  return ReadStatus::closed;
}

void ClientSession::end_command(std::string failure) {
  flush_flood();
  command_.finished = true;
  command_.failure = std::move(failure);
  command_.pool_end = pool_.size();
  command_.held = false;
  in_flight_ = false;
  rules_.command_finished();
}

void ClientSession::timed_out(const std::string& what) {
  if (options_.on_timeout) options_.on_timeout(what);
}

std::string ClientSession::in_flight_text() const { return command_.tag + " " + command_.text; }

void ClientSession::violation(const Violation& broken) {
  if (options_.on_violation) options_.on_violation(broken, last_event());
}

const imap::Response* ClientSession::last_status() const {
  if (command_.tagged) return &*command_.tagged;
  if (last_tagged_) return &*last_tagged_;
  return greeting_ ? &*greeting_ : nullptr;
}

std::optional<std::size_t> ClientSession::last_event() const {
  if (options_.transcript == nullptr || options_.transcript->events().empty()) return std::nullopt;
  return options_.transcript->events().size() - 1;
}

}  // namespace referee::engine
