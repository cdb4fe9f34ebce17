#pragma once
// Internal to the profile loader: cross-reference checks (docs/PROFILE.md, "Checks made when
// loading"): unique ids, one holder per role, known home and mailbox servers, known ports.
#include "harness/profile/model.hpp"
#include "harness/scenario/diagnostic.hpp"

namespace referee::profile {

void check_profile(const Profile& profile, scenario::Diagnostics& diagnostics);

}  // namespace referee::profile
