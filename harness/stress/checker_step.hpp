#pragma once
// The command being judged, shared by checker.cpp, checker_fetch.cpp and checker_tagged.cpp.

#include <string>
#include <vector>

#include "harness/stress/checker.hpp"

namespace referee::stress {

struct Checker::Step {
  unsigned client;
  SessionModel& session;
  InFlight command;
  const Exchange& exchange;
  Tick now;
  std::string shown;  // the command as sent, after the tag
  std::vector<Finding> findings;

  Finding& add(const Invariant& broken, std::string summary, std::string expected,
               std::string observed) {
    findings.push_back(Finding{.invariant = broken, .client = session.client,
                               .summary = std::move(summary), .expected = std::move(expected),
                               .observed = std::move(observed)});
    return findings.back();
  }
};

}  // namespace referee::stress
