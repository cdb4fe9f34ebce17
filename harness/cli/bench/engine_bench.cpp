// Engine benchmarks for tools/bench (docs/PERFORMANCE.md): launches the built-in target
// (fixtures/targets/reference.xml) as `referee run` does, then measures one thing and prints
// one line of key=value figures.
//
//   referee_engine_bench overhead NOOPS   a scenario of NOOPS command steps on one client,
//                                         against a minimal client replaying the same bytes on
//                                         one socket (the protocol floor), same server, same run
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

#include "harness/cli/paths.hpp"
#include "harness/engine/engine.hpp"
#include "harness/profile/profile_loader.hpp"
#include "harness/scenario/requirement_loader.hpp"
#include "harness/target/target_process.hpp"

namespace {

using namespace referee;
using Clock = std::chrono::steady_clock;

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

double run_scenario(const profile::Profile& profile, const scenario::Scenario& scenario,
                    const scenario::RequirementCatalogue& catalogue) {
  auto started = Clock::now();
  auto result = engine::run_scenarios(profile, {scenario}, catalogue, {.default_timeout = std::chrono::seconds(60)});
  double took = seconds_since(started);
  const auto& only = result.scenarios.at(0);
  if (only.outcome != engine::Outcome::pass) {
    std::cerr << "bench scenario did not pass: " << only.reason << '\n';
    std::exit(1);
  }
  return took;
}

int overhead(const profile::Profile& profile, const scenario::RequirementCatalogue& catalogue,
             unsigned noops) {
  auto scenario = noop_scenario(1, noops);
  const auto& user = *profile::user_with_role(profile, "local");
  double best_harness = 1e9, best_replay = 1e9;
  for (int attempt = 0; attempt < 3; ++attempt) {  // alternating, best of three each
    best_replay = std::min(best_replay, replay(*profile::server_with_role(profile, "main"), user, noops));
    best_harness = std::min(best_harness, run_scenario(profile, scenario, catalogue));
  }
  fmt::print("noops={} harness_s={:.3f} replay_s={:.3f} ratio={:.2f}\n", noops, best_harness,
             best_replay, best_harness / best_replay);
  return 0;
}

int clients(const profile::Profile& profile, const scenario::RequirementCatalogue& catalogue,
            unsigned count, unsigned rounds) {
  double took = run_scenario(profile, noop_scenario(count, rounds), catalogue);
  // Every client: LOGIN, the NOOPs, LOGOUT.
  double commands = static_cast<double>(count) * (rounds + 2);
  fmt::print("clients={} rounds={} wall_s={:.3f} commands_per_s={:.0f} peak_rss_mib={:.1f}\n",
             count, rounds, took, commands / took, peak_rss_kib() / 1024.0);
  return 0;
}

int usage() {
  std::cerr << "usage: referee_engine_bench overhead NOOPS | clients N ROUNDS\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage();
  auto paths = cli::default_paths();
  cli::export_schema_dir(paths);
  auto profile = profile::load_profile(paths.source_dir / "fixtures/targets/reference.xml");
  auto catalogue = scenario::load_requirements(paths.source_dir / "scenarios/requirements.xml");
  if (!profile || !catalogue) {
    std::cerr << "cannot load the built-in target or the requirements\n";
    return 2;
  }
  target::TargetProcess target;
  if (auto launched = target.launch(*profile.value); !launched) {
    std::cerr << launched.error().message << '\n';
    return 3;
  }
  if (args[0] == "overhead" && args.size() == 2) {
    return overhead(*profile.value, *catalogue.value, std::stoul(args[1]));
  }
  if (args[0] == "clients" && args.size() == 3) {
    return clients(*profile.value, *catalogue.value, std::stoul(args[1]), std::stoul(args[2]));
  }
  return usage();
}
