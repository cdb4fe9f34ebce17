// ClientSession's pipelining (RFC 3501 §5.5): several commands written without waiting, each
// completed by its own tagged response, in whatever order the server sends them.
#include <utility>

#include "harness/engine/run/client_session.hpp"

namespace referee::engine {

awaitable<void> ClientSession::start_pipeline(
    const std::vector<std::vector<scenario::SendPart>>& commands, net::Deadline deadline) {
  flush_flood();
  // As in start_bytes: the last command's tagged answer stays the last status until another.
  if (command_.tagged) last_tagged_ = std::move(command_.tagged);
  pipeline_ = Pipeline{.runs = {}, .completed = {}, .cut = pool_.size(), .active = true};
  std::string bytes;
  for (const auto& parts : commands) {
    CommandRun run{.tag = tags_.next()};
    CommandBytes built = build_command(run.tag, parts);
    run.text = options_.redact ? net::redact(built.text, secret_spans(built.text, options_.secrets))
                               : built.text;
    run.name = command_name(built.text);
    if (auto user = login_user_of(built.text)) set_login(std::move(*user), scenario::LoginMethod::login);
    run.pool_begin = pool_.size();
    for (const CommandChunk& chunk : built.chunks) bytes += chunk.bytes;  // none awaits a "+"
    pipeline_.runs.push_back(std::move(run));
  }
  window_untagged_ = 0;
  in_flight_ = true;
  if (closed_) {
    end_unfinished(false, "the connection is closed (" + close_reason_ + ")");
    co_return;
  }
  if (server_said_bye_) {
    note_after_bye(std::to_string(commands.size()) + " pipelined commands not sent: the server said BYE");
    bool closed = co_await wait_closed(deadline);
    end_unfinished(!closed, closed ? "not sent: the server had said BYE, then closed the connection"
                                   : "not sent: the server had said BYE, yet kept the connection "
                                     "open until the deadline");
    co_return;
  }
  std::vector<net::RedactSpan> spans;
  if (options_.redact) spans = secret_spans(bytes, options_.secrets);
  auto written = co_await connection_.write(bytes, deadline, spans);
  if (!written) {
    bool timed_out = written.error() == net::net_error::timeout;
    if (!timed_out) {
      closed_ = true;
      close_reason_ = written.error().message();
    }
    end_unfinished(timed_out, "could not send the commands: " + written.error().message());
    co_return;
  }
  for (CommandRun& run : pipeline_.runs) run.sent_event = last_event();
  rules_.command_started(pipeline_.runs.front().name);
}

awaitable<void> ClientSession::finish_pipeline(net::Deadline deadline) {
  while (pipeline_.active) {
    ReadStatus status = co_await read_one(deadline);
    if (status == ReadStatus::timeout) {
      std::string unanswered;
      for (const CommandRun& run : pipeline_.runs) {
        if (!run.finished) unanswered += (unanswered.empty() ? "" : ", ") + run.tag + " " + run.text;
      }
      end_unfinished(true, "no tagged response before the deadline");
      timed_out(unanswered);
    } else if (status == ReadStatus::closed) {
      end_unfinished(false, "connection closed before the tagged response: " + close_reason_);
    }
  }
}

bool ClientSession::complete_pipelined(imap::Response& response, std::optional<std::size_t> event) {
  for (std::size_t i = 0; i < pipeline_.runs.size(); ++i) {
    CommandRun& run = pipeline_.runs[i];
    if (run.finished || !response.is_tagged(run.tag)) continue;
    run.tagged_event = event;
    run.tagged = response;
    last_tagged_ = std::move(response);
    pipeline_.completed.push_back(i);
    end_pipelined(i, "");
    return true;
  }
  return false;
}

void ClientSession::end_unfinished(bool timed_out, const std::string& failure) {
  for (std::size_t i = 0; i < pipeline_.runs.size(); ++i) {
    CommandRun& run = pipeline_.runs[i];
    if (run.finished) continue;
    run.timed_out = timed_out;
    run.closed = closed_;
    end_pipelined(i, failure);
  }
}

// The responses since the previous tagged response (or the start) are this command's.
void ClientSession::end_pipelined(std::size_t index, std::string failure) {
  flush_flood();
  CommandRun& run = pipeline_.runs[index];
  run.finished = true;
  run.failure = std::move(failure);
  run.pool_begin = pipeline_.cut;
  run.pool_end = pipeline_.cut = pool_.size();
  rules_.command_finished();
  for (const CommandRun& next : pipeline_.runs) {
    if (next.finished) continue;
    rules_.command_started(next.name);  // the earliest still in flight is being answered
    window_untagged_ = 0;
    return;
  }
  pipeline_.active = false;
  in_flight_ = false;
  // What later steps (and the end-of-scenario LOGOUT) see as this client's last command.
  command_ = run;
  for (const CommandRun& each : pipeline_.runs) {
    if (each.timed_out) command_ = each;
  }
}

}  // namespace referee::engine
