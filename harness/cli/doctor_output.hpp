#pragma once
// What `referee doctor` prints and writes (docs/DOCTOR.md): one line per check, a hint line
// under each that is not ok, a summary; and the same checks as JSON for --json.

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "harness/engine/doctor/doctor_check.hpp"

namespace referee::cli {

struct DoctorReport {
  std::string target;       // "name (file)"
  std::string run_id;       // names the test mailbox the doctor created and deleted
  std::vector<engine::DoctorCheck> checks;
};

// "ok       reach          alpha: 127.0.0.1:40123 (none): * OK ready" and "         hint: …".
void print_doctor_report(const DoctorReport& report, std::ostream& out);

// {"format": "referee-doctor", "format_version": 1, …}; written next to `path`, then renamed.
// Returns "" or what went wrong.
std::string write_doctor_json(const DoctorReport& report, const std::filesystem::path& path);

// The JSON text itself (write_doctor_json's content).
std::string doctor_json(const DoctorReport& report);

}  // namespace referee::cli
