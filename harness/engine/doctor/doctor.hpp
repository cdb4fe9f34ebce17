#pragma once
// `referee doctor`: checks a resolved target profile (every server has a port) against the
// live servers before anything runs (docs/DOCTOR.md). One DoctorCheck per line, in order:
// reach and capabilities per server, logins of the users homed there, the homed-elsewhere
// login referral, namespaces, mailbox roles, test mailboxes. Checks on a server that did not
// answer, or as a user who could not log in, are skipped, naming the failure above.
//
//   auto checks = referee::engine::run_doctor(profile, scenarios, {.run_id = make_run_id()});

#include <chrono>
#include <string>
#include <vector>

#include "harness/engine/doctor/doctor_check.hpp"
#include "harness/profile/model.hpp"
#include "harness/scenario/model.hpp"

namespace referee::engine {

struct DoctorOptions {
  std::chrono::milliseconds timeout{5000};  // each check's deadline
  std::string run_id;                       // names the test mailbox the check creates
};

// `scenarios`: the catalogue; it says which (server, user) pairs log in and which servers hold
// test mailboxes, as it does for `referee run`.
std::vector<DoctorCheck> run_doctor(const profile::Profile& profile,
                                    const std::vector<scenario::Scenario>& scenarios,
                                    const DoctorOptions& options);

}  // namespace referee::engine
