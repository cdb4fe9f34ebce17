#include "harness/stress/shrink.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace referee::stress {
namespace {

class Shrinker {
 public:
  Shrinker(const profile::Profile& profile, const Invariant& broken, const StressOptions& options,
           std::chrono::seconds budget)
      : profile_(profile), broken_(broken), options_(options),
        until_(std::chrono::steady_clock::now() + budget) {
    options_.keep_going = false;
    options_.on_progress = nullptr;
  }

  // Replays `candidate`; when it still fails the same way, keeps it cut at the failure.
  bool still_fails(StressLog& candidate) {
    ++replays_;
    StressRun run = replay_stress(profile_, candidate, options_);
    if (!run.first_violation || run.first_violation->invariant.name != broken_.name) return false;
    candidate.entries.resize(run.first_violation_index + 1);
    violation_ = *run.first_violation;
    return true;
  }

  bool out_of_time() const { return std::chrono::steady_clock::now() > until_; }

  void drop_clients(StressLog& log) {
    for (unsigned client = 0; client < log.clients && !out_of_time(); ++client) {
      StressLog candidate = log;
      std::erase_if(candidate.entries, [client](const LogEntry& entry) { return entry.client == client; });
      bool dropped = candidate.entries.size() != log.entries.size() && !candidate.entries.empty();
      if (dropped && still_fails(candidate)) log = std::move(candidate);
    }
  }

  void drop_chunks(StressLog& log) {
    std::size_t chunk = std::max<std::size_t>(1, log.entries.size() / 2);
    while (!out_of_time()) {
      bool removed = false;
      // Never drop the failing command itself (the last one).
      for (std::size_t start = 0; start + 1 < log.entries.size() && !out_of_time();) {
        std::size_t end = std::min(start + chunk, log.entries.size() - 1);
        StressLog candidate = log;
        candidate.entries.erase(candidate.entries.begin() + static_cast<std::ptrdiff_t>(start),
                                candidate.entries.begin() + static_cast<std::ptrdiff_t>(end));
        if (still_fails(candidate)) {
          log = std::move(candidate);
          removed = true;
        } else {
          start = end;
        }
      }
      if (chunk == 1 && !removed) break;
      if (!removed) chunk = std::max<std::size_t>(1, chunk / 2);
    }
  }

  unsigned replays() const { return replays_; }
  const Finding& violation() const { return violation_; }

 private:
  const profile::Profile& profile_;
  Invariant broken_;
  StressOptions options_;
  std::chrono::steady_clock::time_point until_;
  unsigned replays_ = 0;
  Finding violation_;
};

// Clients that still have commands, numbered from 0 in order of first appearance.
void renumber_clients(StressLog& log) {
  std::vector<unsigned> order;
  for (const auto& entry : log.entries) {
    if (std::find(order.begin(), order.end(), entry.client) == order.end()) order.push_back(entry.client);
  }
  for (auto& entry : log.entries) {
    entry.client = static_cast<unsigned>(std::find(order.begin(), order.end(), entry.client) - order.begin());
  }
  log.clients = std::max<unsigned>(1, static_cast<unsigned>(order.size()));
}

}  // namespace

std::optional<Shrunk> shrink(const profile::Profile& profile, const StressLog& failing,
                             const Invariant& broken, const StressOptions& options,
                             std::chrono::seconds budget) {
  Shrinker shrinker(profile, broken, options, budget);
  StressLog log = failing;
  if (!shrinker.still_fails(log)) return std::nullopt;
  shrinker.drop_clients(log);
  shrinker.drop_chunks(log);
  renumber_clients(log);
  // The renumbered streams must fail too: they are what the scenario holds.
  StressLog renumbered = log;
  if (!shrinker.still_fails(renumbered)) return std::nullopt;
  log = std::move(renumbered);
  Shrunk shrunk{log, shrinker.violation(), {}};
  shrunk.log.violation = std::string(broken.name);
  shrunk.summary = fmt::format("{} clients, {} commands -> {} clients, {} commands ({} replays)",
                               failing.clients, failing.entries.size(), log.clients,
                               log.entries.size(), shrinker.replays());
  return shrunk;
}

}  // namespace referee::stress
