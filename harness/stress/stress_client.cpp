#include "harness/stress/stress_client.hpp"

#include "harness/engine/match/response_match.hpp"

namespace referee::stress {
namespace {

engine::CommandBytes idle_bytes(const std::string& tag) {
  // RFC 2177: "IDLE", the server's "+", then "DONE" ends it.
  return {{{tag + " IDLE\r\n", true, true}, {"DONE\r\n", false, false}}, "IDLE"};
}

}  // namespace

StressClient::StressClient(boost::asio::any_io_executor executor, std::string id,
                           std::string server_id, net::TranscriptSink* sink,
                           std::vector<std::string> secrets)
    : session_(std::move(executor),
               engine::SessionOptions{
                   .client = std::move(id),
                   .server_id = std::move(server_id),
                   .sink = sink,
                   .secrets = std::move(secrets),
                   // The model must see every response (an EXISTS in the middle of a long FETCH
                   // answer included); the pool is drained after each command and the
                   // transcript is the bounded window, so nothing grows without the cap.
                   .flood_cap = 0,
                   .on_violation = [this](const engine::Violation& broken, std::optional<std::size_t>) {
                     auto known = invariant_for_requirement(broken.requirement);
                     if (!known) return;
                     implicit_.push_back({*known, broken.summary, broken.expected, broken.observed});
                   }}) {}

boost::asio::awaitable<std::optional<std::string>> StressClient::open(const net::Endpoint& endpoint,
                                                                     const std::string& user,
                                                                     const std::string& password,
                                                                     net::Deadline deadline) {
  bool opened = co_await session_.open(endpoint, deadline);
  if (!opened) co_return session_.open_failure();
  if (session_.greeting()->status == imap::Status::bye) {
    co_return "the server greeted with " + engine::one_line(*session_.greeting());
  }
  engine::CommandRun login =
      co_await session_.login(user, password, scenario::LoginMethod::login, deadline);
  session_.pool().clear();
  if (login.tagged && login.tagged->status == imap::Status::ok) co_return std::nullopt;
  co_return "login as " + user + " failed: " +
      (login.tagged ? engine::one_line(*login.tagged) : login.failure);
}

boost::asio::awaitable<engine::CommandRun> StressClient::execute(const StressCommand& command,
                                                                 net::Deadline deadline) {
  // Responses of the command before were judged already.
  session_.pool().clear();
  if (command.kind == CommandKind::idle) {
    // Named: g++ 12 mishandles temporaries that live across a co_await.
    const std::function<engine::CommandBytes(const std::string&)> idle = idle_bytes;
    co_await session_.start_bytes(idle, deadline);
    if (session_.command().held) co_await session_.resume(deadline);
    co_await session_.finish(deadline);
    co_return session_.command();
  }
  std::vector<scenario::SendPart> parts;
  if (command.literal.empty()) {
    parts.emplace_back(command.text);
  } else {
    parts.emplace_back(command.text + " ");
    parts.emplace_back(scenario::LiteralPart{command.literal, true, false});
  }
  co_return co_await session_.run(parts, deadline);
}

Exchange StressClient::exchange(const engine::CommandRun& run) const {
  Exchange exchange;
  const auto& pool = session_.pool();
  for (std::size_t i = run.pool_begin; i < run.pool_end && i < pool.size(); ++i) {
    exchange.untagged.push_back(&pool[i].response);
  }
  exchange.tagged = run.tagged ? &*run.tagged : nullptr;
  exchange.timed_out = run.timed_out;
  return exchange;
}

boost::asio::awaitable<void> StressClient::logout(net::Deadline deadline) {
  if (!usable_) {
    session_.close();
    co_return;
  }
  co_await session_.logout(deadline);
}

}  // namespace referee::stress
