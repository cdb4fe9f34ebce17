#pragma once
// scenarios/expected-results.tsv: what the catalogue must report against the reference servers
// in each server configuration (default, one strategy, one fault).
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace referee::catalogue_test {

struct ExpectedResult {
  std::string scenario;                 // an id, or "*" for every scenario
  std::set<std::string> outcomes;       // accepted outcomes
  std::optional<std::string> strategy;  // "block=alternative"
  unsigned line = 0;
};

struct Configuration {
  std::string name;                     // "default", "strategy K=V", "fault NAME"
  std::vector<std::string> referee_args;  // --fixture-strategy K=V / --fixture-fault NAME
  std::vector<ExpectedResult> expected;
};

// Configurations in file order; throws std::runtime_error naming file:line on a malformed row.
std::vector<Configuration> read_expected_results(const std::filesystem::path& file);

}  // namespace referee::catalogue_test
