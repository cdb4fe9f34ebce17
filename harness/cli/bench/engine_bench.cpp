// Engine benchmarks for tools/bench (docs/PERFORMANCE.md): launches the built-in target
// (fixtures/targets/reference.xml) as `referee run` does, then measures one thing and prints
// one line of key=value figures.
//
//   referee_engine_bench overhead NOOPS   a scenario of NOOPS command steps on one client,
//                                         against a minimal client replaying the same bytes on
//                                         one socket (the protocol floor), same server, same run
//   referee_engine_bench side harness|floor NOOPS RUNS
//                                         one side of `overhead` only, RUNS times (for perf)
//   referee_engine_bench clients N ROUNDS one scenario: N clients, ROUNDS concurrent NOOP steps
//                                         (each sends N NOOPs, one per client, then judges them)
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <fmt/format.h>

#include "harness/cli/catalogue_loading.hpp"
#include "harness/cli/paths.hpp"
#include "harness/engine/engine.hpp"
#include "harness/profile/profile_loader.hpp"
#include "harness/scenario/requirement_loader.hpp"
#include "harness/target/target_process.hpp"

namespace {

using namespace referee;
using Clock = std::chrono::steady_clock;

constexpr int overhead_attempts = 5;

double cpu_now() {
  timespec now{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

long peak_rss_kib() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

scenario::Scenario noop_scenario(unsigned clients, unsigned rounds) {
  scenario::Scenario scenario{.id = "bench/noops", .title = "NOOPs", .rfc = "3501", .section = "6.1.2"};
  scenario.where.file = "bench.xml";
  scenario::ClientSpec spec{.id = "C", .server_role = "main", .user_role = "local"};
  spec.group_count = clients;
  scenario.clients.push_back(spec);
  for (unsigned round = 0; round < rounds; ++round) {
    if (clients == 1) {
      scenario.steps.push_back(scenario::CommandStep{.client = "C1", .send = {std::string("NOOP")}});
      continue;
    }
    auto concurrent = std::make_shared<scenario::ConcurrentStep>();
    for (unsigned c = 1; c <= clients; ++c) {
      concurrent->commands.push_back(
          scenario::CommandStep{.client = "C" + std::to_string(c), .send = {std::string("NOOP")}});
    }
    scenario.steps.push_back(concurrent);
  }
  return scenario;
}

// The protocol floor: LOGIN, NOOPs one at a time (each waits for its tagged OK, as the
// engine's steps do), LOGOUT, on one blocking socket. Returns the wall time.
double replay(const profile::Server& server, const profile::User& user, unsigned noops) {
  auto started = Clock::now();
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address(server.host), *server.port});
  socket.set_option(boost::asio::ip::tcp::no_delay(true));
  boost::asio::streambuf input;
  auto exchange = [&](const std::string& tag, const std::string& command) {
    boost::asio::write(socket, boost::asio::buffer(command));
    for (;;) {
      std::size_t size = boost::asio::read_until(socket, input, "\r\n");
      std::string line(boost::asio::buffers_begin(input.data()),
                       boost::asio::buffers_begin(input.data()) + static_cast<std::ptrdiff_t>(size));
      input.consume(size);
      if (tag.empty() || line.starts_with(tag + " ")) return;
    }
  };
  exchange("", "");  // the greeting
  exchange("A1", "A1 LOGIN " + user.login + " " + user.password + "\r\n");
  for (unsigned i = 0; i < noops; ++i) {
    std::string tag = "A" + std::to_string(i + 2);
    exchange(tag, tag + " NOOP\r\n");
  }
  std::string tag = "A" + std::to_string(noops + 2);
  exchange(tag, tag + " LOGOUT\r\n");
  return seconds_since(started);
}

// Runs the scenarios (the caller builds the vector once: copying 2,000 steps is the bench's
// cost, not the engine's) and returns the wall time.
double run_scenario(const profile::Profile& profile, const std::vector<scenario::Scenario>& scenarios,
                    const scenario::RequirementCatalogue& catalogue) {
  auto started = Clock::now();
  auto result = engine::run_scenarios(profile, scenarios, catalogue, {.default_timeout = std::chrono::seconds(60)});
  double took = seconds_since(started);
  const auto& only = result.scenarios.at(0);
  if (only.outcome != engine::Outcome::pass) {
    std::cerr << "bench scenario did not pass: " << only.reason << '\n';
    std::exit(1);
  }
  return took;
}

// Wall and CPU time of one measured run (CPU: this process only, so the fixture server's share
// of each round trip is left out; it is the same for both sides).
struct Timing {
  double wall_s = 1e9;
  double cpu_s = 1e9;
};

template <typename Run>
Timing timed(Run run) {
  double cpu_started = cpu_now();
  double wall = run();
  return {wall, cpu_now() - cpu_started};
}

int overhead(const profile::Profile& profile, const scenario::RequirementCatalogue& catalogue,
             unsigned noops) {
  const std::vector<scenario::Scenario> scenarios{noop_scenario(1, noops)};
  const auto& server = *profile::server_with_role(profile, "main");
  const auto& user = *profile::user_with_role(profile, "local");
  auto harness = [&] { return run_scenario(profile, scenarios, catalogue); };
  auto floor = [&] { return replay(server, user, noops); };
  // Warm-up: the first run of each pays for cold caches, first-touch page faults and the
  // server's first sessions; neither side should carry that.
  harness();
  floor();
  Timing best_harness, best_replay;
  for (int attempt = 0; attempt < overhead_attempts; ++attempt) {  // alternating, best of each
    Timing replayed = timed(floor);
    Timing ran = timed(harness);
    best_replay = {std::min(best_replay.wall_s, replayed.wall_s), std::min(best_replay.cpu_s, replayed.cpu_s)};
    best_harness = {std::min(best_harness.wall_s, ran.wall_s), std::min(best_harness.cpu_s, ran.cpu_s)};
  }
  fmt::print("noops={} harness_s={:.3f} replay_s={:.3f} ratio={:.2f} harness_cpu_s={:.3f} "
             "replay_cpu_s={:.3f}\n",
             noops, best_harness.wall_s, best_replay.wall_s, best_harness.wall_s / best_replay.wall_s,
             best_harness.cpu_s, best_replay.cpu_s);
  return 0;
}

// One side of the overhead measurement only, `runs` times: for a profiler (perf stat, perf
// record) to see one side's system calls, context switches and instructions alone.
int one_side(const profile::Profile& profile, const scenario::RequirementCatalogue& catalogue,
             const std::string& side, unsigned noops, unsigned runs) {
  const std::vector<scenario::Scenario> scenarios{noop_scenario(1, noops)};
  const auto& server = *profile::server_with_role(profile, "main");
  const auto& user = *profile::user_with_role(profile, "local");
  double total = 0;
  for (unsigned run = 0; run < runs; ++run) {
    total += side == "harness" ? run_scenario(profile, scenarios, catalogue)
                               : replay(server, user, noops);
  }
  fmt::print("side={} noops={} runs={} wall_s={:.3f}\n", side, noops, runs, total);
  return 0;
}

int clients(const profile::Profile& profile, const scenario::RequirementCatalogue& catalogue,
            unsigned count, unsigned rounds) {
  const std::vector<scenario::Scenario> scenarios{noop_scenario(count, rounds)};
  double took = run_scenario(profile, scenarios, catalogue);
  // Every client: LOGIN, the NOOPs, LOGOUT.
  double commands = static_cast<double>(count) * (rounds + 2);
  fmt::print("clients={} rounds={} wall_s={:.3f} commands_per_s={:.0f} peak_rss_mib={:.1f}\n",
             count, rounds, took, commands / took, peak_rss_kib() / 1024.0);
  return 0;
}

int usage() {
  std::cerr << "usage: referee_engine_bench overhead NOOPS | clients N ROUNDS | "
               "side harness|floor NOOPS RUNS\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage();
  auto paths = cli::default_paths();
  cli::export_schema_dir(paths);
  // As `referee run` loads it: the profile launches ${REFEREE_FIXTURE_SERVER}.
  auto profile = cli::load_target(paths.source_dir / "fixtures/targets/reference.xml",
                                  cli::profile_variables(paths), std::cerr, false);
  auto catalogue = scenario::load_requirements(paths.source_dir / "scenarios/requirements.xml");
  cli::print_diagnostics(catalogue.diagnostics, std::cerr, false);
  if (!profile || !catalogue) {
    std::cerr << "cannot load the built-in target or the requirements\n";
    return 2;
  }
  target::TargetProcess target;
  if (auto launched = target.launch(*profile); !launched) {
    std::cerr << launched.error().message << '\n';
    return 3;
  }
  if (args[0] == "overhead" && args.size() == 2) {
    return overhead(*profile, *catalogue.value, std::stoul(args[1]));
  }
  if (args[0] == "side" && args.size() == 4 && (args[1] == "harness" || args[1] == "floor")) {
    return one_side(*profile, *catalogue.value, args[1], std::stoul(args[2]), std::stoul(args[3]));
  }
  if (args[0] == "clients" && args.size() == 3) {
    return clients(*profile, *catalogue.value, std::stoul(args[1]), std::stoul(args[2]));
  }
  return usage();
}
