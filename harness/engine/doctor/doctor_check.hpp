#pragma once
// One line of `referee doctor`'s answer (docs/DOCTOR.md): what was checked, on which server
// and as whom, the verdict, what was seen, and, when not ok, what to change in the profile.

#include <string>
#include <string_view>
#include <vector>

namespace referee::engine {

enum class DoctorVerdict { ok, warn, fail, skipped };

// "ok", "warn", "FAIL", "skipped": as printed and as written in the JSON.
std::string_view verdict_name(DoctorVerdict verdict);

struct DoctorCheck {
  std::string kind;     // "launch", "reach", "capabilities", "login", "login-referral",
                        // "namespace", "mailbox", "test-mailbox"
  std::string server;   // profile server id, "" when none
  std::string user;     // profile user id, "" when none
  std::string subject;  // what the line is about: "alpha", "alice@alpha", "remote/projects"
  DoctorVerdict verdict = DoctorVerdict::ok;
  std::string summary;  // one line: what was seen
  std::string hint;     // one line when not ok: the profile file:line or server/user, what to change
};

// True when no check failed: the target is usable (warnings allowed).
bool target_usable(const std::vector<DoctorCheck>& checks);

}  // namespace referee::engine
