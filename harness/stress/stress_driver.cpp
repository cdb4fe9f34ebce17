#include "harness/stress/stress_driver.hpp"

#include <sys/resource.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <fmt/format.h>

#include "harness/engine/match/profile_roles.hpp"
#include "harness/engine/match/response_match.hpp"
#include "harness/engine/run/command_bytes.hpp"

namespace referee::stress {
namespace {

std::string client_name(unsigned index) { return "C" + std::to_string(index + 1); }

std::vector<std::string> client_names(unsigned count) {
  std::vector<std::string> names;
  for (unsigned i = 0; i < count; ++i) names.push_back(client_name(i));
  return names;
}

double process_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

net::Endpoint endpoint_of(const profile::Server& server) {
  net::TlsMode mode = server.tls == profile::Tls::implicit   ? net::TlsMode::implicit
                      : server.tls == profile::Tls::starttls ? net::TlsMode::starttls
                                                             : net::TlsMode::none;
  return net::Endpoint{.host = server.host, .port = server.port.value_or(143), .tls = mode};
}

}  // namespace

StressDriver::StressDriver(const profile::Profile& profile, const StressOptions& options,
                           std::vector<std::string> mailboxes)
    : profile_(profile),
      options_(options),
      window_(options.window),
      checker_(mailboxes, client_names(options.clients),
               [this](unsigned client) { return window_.lines(client_name(client)); }) {
  server_ = engine::find_server(profile, "main");
  user_ = engine::find_user(profile, "local");
  outcome_.log.seed = options.seed;
  outcome_.log.clients = options.clients;
  outcome_.log.mailboxes = std::move(mailboxes);
  for (unsigned i = 0; i < options.clients; ++i) {
    generators_.push_back(std::make_unique<CommandGenerator>(
        client_seed(options.seed, i), options.mix, outcome_.log.mailboxes, client_name(i)));
  }
}

StressRun StressDriver::run(bool concurrent, const StressLog* replay) {
  if (server_ == nullptr || user_ == nullptr) {
    outcome_.fatal_error = "profile " + profile_.name +
                           " needs a server with role \"main\" and a user with role \"local\"";
    return std::move(outcome_);
  }
  double cpu_before = process_cpu_seconds();
  boost::asio::co_spawn(io_, main(concurrent, replay), boost::asio::detached);
  io_.run();
  auto& result = outcome_.result;
  result.harness_cpu_s = process_cpu_seconds() - cpu_before;
  result.checker_cpu_s = std::chrono::duration<double>(checker_time_).count();
  result.commands = statistics_.total();
  result.commands_per_second = result.duration_s > 0 ? result.commands / result.duration_s : 0;
  result.per_command = statistics_.summarize(result.duration_s);
  result.seed = options_.seed;
  result.clients = options_.clients;
  result.mailboxes = static_cast<unsigned>(outcome_.log.mailboxes.size());
  result.mix = options_.mix.describe();
  // Only a failure needs the commands again: those up to it, for the replay file.
  if (outcome_.first_violation) outcome_.log.entries = commands_.entries(outcome_.first_violation_index + 1);
  return std::move(outcome_);
}

boost::asio::awaitable<void> StressDriver::main(bool concurrent, const StressLog* replay) {
  bool ready = co_await prepare();
  if (ready) {
    started_ = last_progress_ = std::chrono::steady_clock::now();
    if (concurrent) {
      // Every client's stream at once; each ends on its own, the last one tears down.
      for (unsigned i = 0; i < clients_.size(); ++i) {
        boost::asio::co_spawn(io_, client_loop(i), boost::asio::detached);
      }
    } else {
      co_await serial_loop(*replay);
    }
  }
  if (!concurrent || !ready) co_await finish();
}

boost::asio::awaitable<bool> StressDriver::prepare() {
  std::vector<std::string> setup;
  for (const auto& mailbox : outcome_.log.mailboxes) {
    setup.push_back("DELETE \"" + mailbox + "\"");
    setup.push_back("CREATE \"" + mailbox + "\"");
  }
  co_await admin(setup, false);
  if (!outcome_.fatal_error.empty()) co_return false;
  for (unsigned i = 0; i < options_.clients; ++i) {
    clients_.push_back(std::make_unique<StressClient>(io_.get_executor(), client_name(i), server_->id,
                                                      &window_, std::vector<std::string>{user_->password}));
    auto failure = co_await clients_.back()->open(endpoint_of(*server_), user_->login,
                                                 user_->password, deadline());
    if (failure) {
      outcome_.fatal_error = client_name(i) + ": " + *failure;
      co_return false;
    }
  }
  co_return true;
}

// Runs commands on a connection of its own (CREATE and DELETE of the test mailboxes).
boost::asio::awaitable<void> StressDriver::admin(const std::vector<std::string>& commands,
                                                 bool stop_on_failure) {
  StressClient setup(io_.get_executor(), "setup", server_->id, nullptr, {user_->password});
  auto failure = co_await setup.open(endpoint_of(*server_), user_->login, user_->password, deadline());
  if (failure) {
    outcome_.fatal_error = "setup: " + *failure;
    co_return;
  }
  for (const auto& text : commands) {
    // A named command: g++ 12 cannot keep a braced temporary alive across co_await.
    const StressCommand command{CommandKind::noop, text, {}};
    engine::CommandRun run = co_await setup.execute(command, deadline());
    bool ok = run.tagged && run.tagged->status == imap::Status::ok;
    bool required = text.starts_with("CREATE");
    if (!ok && required && !stop_on_failure) {
      outcome_.fatal_error = "setup: " + text + " failed: " +
                             (run.tagged ? engine::one_line(*run.tagged) : run.failure);
      break;
    }
  }
  co_await setup.logout(deadline());
}

bool StressDriver::take_turn() {
  if (stop_) return false;
  if (options_.commands) return issued_++ < *options_.commands;
  return std::chrono::steady_clock::now() - started_ < options_.duration;
}

boost::asio::awaitable<void> StressDriver::client_loop(unsigned client) {
  while (take_turn() && clients_[client]->usable()) {
    auto begin = std::chrono::steady_clock::now();
    StressCommand command = generators_[client]->next(checker_.view(client));
    checker_time_ += std::chrono::steady_clock::now() - begin;
    bool answered = co_await perform(client, command);
    if (!answered) clients_[client]->retire();
    report_progress();
  }
  if (++finished_loops_ == clients_.size()) co_await finish();
}

}  // namespace referee::stress
