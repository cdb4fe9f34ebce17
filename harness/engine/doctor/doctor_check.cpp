#include "harness/engine/doctor/doctor_check.hpp"

#include <algorithm>

namespace referee::engine {

std::string_view verdict_name(DoctorVerdict verdict) {
  switch (verdict) {
    case DoctorVerdict::ok: return "ok";
    case DoctorVerdict::warn: return "warn";
    case DoctorVerdict::fail: return "FAIL";
    case DoctorVerdict::skipped: return "skipped";
  }
  return "?";
}

bool target_usable(const std::vector<DoctorCheck>& checks) {
  return std::none_of(checks.begin(), checks.end(), [](const DoctorCheck& check) {
    return check.verdict == DoctorVerdict::fail;
  });
}

}  // namespace referee::engine
