#include "harness/cli/doctor_output.hpp"

#include <fstream>
#include <map>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

namespace referee::cli {
namespace {

using engine::DoctorVerdict;

std::map<DoctorVerdict, unsigned> count(const std::vector<engine::DoctorCheck>& checks) {
  std::map<DoctorVerdict, unsigned> counts{{DoctorVerdict::ok, 0}, {DoctorVerdict::warn, 0},
                                           {DoctorVerdict::fail, 0}, {DoctorVerdict::skipped, 0}};
  for (const auto& check : checks) ++counts[check.verdict];
  return counts;
}

// JSON spells verdicts in lower case ("fail"), the console in the run's style ("FAIL").
std::string json_verdict(DoctorVerdict verdict) {
  return verdict == DoctorVerdict::fail ? "fail" : std::string(engine::verdict_name(verdict));
}

boost::json::object check_json(const engine::DoctorCheck& check) {
  return {{"kind", check.kind},       {"server", check.server},   {"user", check.user},
          {"subject", check.subject}, {"verdict", json_verdict(check.verdict)},
          {"summary", check.summary}, {"hint", check.hint}};
}

}  // namespace

void print_doctor_report(const DoctorReport& report, std::ostream& out) {
  out << "referee doctor: " << report.target << '\n';
  for (const auto& check : report.checks) {
    out << fmt::format("{:<8} {:<16} {}: {}\n", engine::verdict_name(check.verdict), check.kind,
                       check.subject, check.summary);
    if (!check.hint.empty()) out << fmt::format("{:<8} hint: {}\n", "", check.hint);
  }
  auto counts = count(report.checks);
  out << fmt::format("{}: {} ok, {} warn, {} FAIL, {} skipped\n",
                     engine::target_usable(report.checks) ? "Target usable" : "Target NOT usable",
                     counts[DoctorVerdict::ok], counts[DoctorVerdict::warn],
                     counts[DoctorVerdict::fail], counts[DoctorVerdict::skipped]);
}

std::string doctor_json(const DoctorReport& report) {
  boost::json::array checks;
  for (const auto& check : report.checks) checks.push_back(check_json(check));
  auto counts = count(report.checks);
  boost::json::object document{
      {"format", "referee-doctor"},
      {"format_version", 1},
      {"target", report.target},
      {"run_id", report.run_id},
      {"usable", engine::target_usable(report.checks)},
      {"counts", {{"ok", counts[DoctorVerdict::ok]}, {"warn", counts[DoctorVerdict::warn]},
                  {"fail", counts[DoctorVerdict::fail]}, {"skipped", counts[DoctorVerdict::skipped]}}},
      {"checks", std::move(checks)}};
  return boost::json::serialize(document) + "\n";
}

std::string write_doctor_json(const DoctorReport& report, const std::filesystem::path& path) {
  std::error_code error;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
  const std::filesystem::path temporary = path.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << doctor_json(report);
    if (!out.flush()) return "cannot write " + temporary.string();
  }
  std::filesystem::rename(temporary, path, error);
  if (error) return "cannot write " + path.string() + ": " + error.message();
  return {};
}

}  // namespace referee::cli
