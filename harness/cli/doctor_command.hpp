#pragma once
// `referee doctor [--target PROFILE] [--json FILE]`: launch the target as `run` would, check
// the profile against the live servers (engine/doctor/doctor.hpp), print one line per check,
// stop the target. Exit 0: usable (warnings allowed); 1: a check failed (the launch too);
// 2: bad options, profile or catalogue, as `run`.

#include <ostream>

#include "harness/cli/options.hpp"

namespace referee::cli {

int doctor_command(const DoctorSettings& settings, std::ostream& out, std::ostream& err);

}  // namespace referee::cli
