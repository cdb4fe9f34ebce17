#include "harness/stress/runner.hpp"

#include "harness/engine/engine.hpp"
#include "harness/stress/stress_driver.hpp"

namespace referee::stress {

StressRun run_stress(const profile::Profile& profile, const StressOptions& options) {
  std::string run_id = options.run_id.empty() ? engine::make_run_id() : options.run_id;
  std::vector<std::string> mailboxes;
  for (unsigned i = 1; i <= options.mailboxes; ++i) {
    mailboxes.push_back(profile.test_prefix + "/" + run_id + "/stress/m" + std::to_string(i));
  }
  StressDriver driver(profile, options, std::move(mailboxes));
  return driver.run(true, nullptr);
}

StressRun replay_stress(const profile::Profile& profile, const StressLog& log,
                        const StressOptions& options) {
  StressOptions replay = options;
  replay.clients = log.clients;
  replay.seed = log.seed;
  StressDriver driver(profile, replay, log.mailboxes);
  return driver.run(false, &log);
}

}  // namespace referee::stress
