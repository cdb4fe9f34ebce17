#include "harness/cli/coverage_command.hpp"

#include <fstream>
#include <map>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "harness/cli/catalogue_loading.hpp"
#include "harness/cli/coverage.hpp"
#include "harness/cli/exit_code.hpp"
#include "harness/engine/match/outcome.hpp"
#include "harness/engine/run/client_setup.hpp"
#include "reports/json/json_reader.hpp"
#include "reports/result_summary.hpp"

namespace referee::cli {
namespace {

namespace js = boost::json;

// Per scenario id: its outcome in the run (first repetition) and, if not applicable, why.
struct RunOutcome {
  engine::Outcome outcome;
  std::string reason;
};

// What a run or a profile says about one requirement: "pass", "fail", "not applicable: …",
// "not run"; "" when neither was given.
class StatusSource {
 public:
  StatusSource(const std::optional<profile::Profile>& profile, const std::optional<engine::RunResult>& run,
               const std::vector<scenario::Scenario>& scenarios)
      : profile_(profile), run_(run) {
    for (const auto& scenario : scenarios) by_id_[scenario.id] = &scenario;
    if (!run) return;
    for (const auto& scenario : run->scenarios) outcomes_.try_emplace(scenario.id, RunOutcome{scenario.outcome, scenario.reason});
    for (auto& verdict : reports::requirement_matrix(*run)) verdicts_[verdict.requirement.id] = verdict.outcome;
  }

  std::string status(const RequirementCoverage& row) const {
    if (run_) return run_status(row);
    if (profile_) return profile_status(row);
    return "";
  }

 private:
  std::string run_status(const RequirementCoverage& row) const {
    if (auto verdict = verdicts_.find(row.requirement->id); verdict != verdicts_.end()) {
      return std::string(engine::to_string(verdict->second));
    }
    for (const auto& id : row.scenarios) {
      auto ran = outcomes_.find(id);
      if (ran != outcomes_.end() && ran->second.outcome == engine::Outcome::not_applicable) {
        return "not applicable: " + ran->second.reason;
      }
    }
    return row.scenarios.empty() ? "not checked" : "not run";
  }

  std::string profile_status(const RequirementCoverage& row) const {
    std::string why;
    for (const auto& id : row.scenarios) {
      auto reason = engine::gate_on_profile(*profile_, *by_id_.at(id));
      if (!reason) return "applies";
      if (why.empty()) why = *reason;
    }
    return row.scenarios.empty() ? "not checked" : "not applicable: " + why;
  }

  const std::optional<profile::Profile>& profile_;
  const std::optional<engine::RunResult>& run_;
  std::map<std::string, const scenario::Scenario*> by_id_;
  std::map<std::string, RunOutcome> outcomes_;
  std::map<std::string, engine::Outcome> verdicts_;
};

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : " ") + item;
  return text.empty() ? "-" : text;
}

std::string kind_of(const scenario::Requirement& requirement) {
  if (requirement.subject == scenario::RequirementSubject::client) return "client";
  if (!requirement.untestable.empty()) return "untestable";
  return requirement.level == scenario::Level::may ? "choice" : "rule";
}

void print_matrix(const std::vector<RequirementCoverage>& rows, const StatusSource& source, std::ostream& out) {
  out << fmt::format("{:<48} {:<10} {:<10} {:<40} {}\n", "requirement", "level", "kind", "proved by", "scenarios");
  for (const auto& row : rows) {
    const auto& requirement = *row.requirement;
    std::string scenarios = joined(row.scenarios);
    if (row.engine_rule) scenarios = row.scenarios.empty() ? "(engine, every scenario)" : "(engine) " + scenarios;
    out << fmt::format("{:<48} {:<10} {:<10} {:<40} {}", requirement.id, engine::to_string(requirement.level),
                       kind_of(requirement), joined(requirement.proved_by), scenarios);
    if (auto status = source.status(row); !status.empty()) out << "\n    " << status;
    out << '\n';
  }
}

js::object row_json(const RequirementCoverage& row, const StatusSource& source) {
  const auto& requirement = *row.requirement;
  js::array scenarios, faults;
  for (const auto& id : row.scenarios) scenarios.emplace_back(id);
  for (const auto& fault : requirement.proved_by) faults.emplace_back(fault);
  return {{"id", requirement.id}, {"rfc", requirement.rfc}, {"section", requirement.section},
          {"level", engine::to_string(requirement.level)}, {"kind", kind_of(requirement)},
          {"untestable", requirement.untestable}, {"scenarios", std::move(scenarios)},
          {"proved_by", std::move(faults)}, {"engine_rule", row.engine_rule}, {"gap", gap_text(row.gap)},
          {"status", source.status(row)}};
}

bool write_json(const std::filesystem::path& path, const std::vector<RequirementCoverage>& rows,
                const StatusSource& source, std::ostream& err) {
  js::array matrix;
  for (const auto& row : rows) matrix.emplace_back(row_json(row, source));
  std::ofstream file(path, std::ios::binary);
  file << js::serialize(js::object{{"format", "referee-coverage"}, {"format_version", 1}, {"requirements", std::move(matrix)}})
       << '\n';
  if (file) return true;
  err << "referee: cannot write " << path.string() << '\n';
  return false;
}

// The summary line and the uncovered requirements; true when there are none.
bool print_gaps(const std::vector<RequirementCoverage>& rows, std::ostream& out) {
  std::size_t rules = 0, gaps = 0;
  std::string listing;
  for (const auto& row : rows) {
    if (!needs_proof(*row.requirement)) continue;
    ++rules;
    if (row.gap == CoverageGap::none) continue;
    ++gaps;
    const auto& r = *row.requirement;
    listing += fmt::format("  {} ({}, RFC {} §{}): {}\n", r.id, engine::to_string(r.level), r.rfc, r.section,
                           gap_text(row.gap));
  }
  out << fmt::format("\n{} of {} normative server requirements have a scenario and a proving fault mode\n",
                     rules - gaps, rules);
  if (gaps > 0) out << "Uncovered:\n" << listing;
  return gaps == 0;
}

}  // namespace

int coverage_command(const CoverageSettings& settings, std::ostream& out, std::ostream& err) {
  auto catalogue = load_catalogue({settings.scenarios_dir, settings.requirements_file}, err, false);
  if (!catalogue) return as_int(ExitCode::usage_error);
  std::optional<profile::Profile> profile;
  if (settings.target) {
    profile = load_target(*settings.target, settings.profile_variables, err, false);
    if (!profile) return as_int(ExitCode::usage_error);
  }
  std::optional<engine::RunResult> run;
  if (settings.results) {
    auto read = reports::json::read_results_file(*settings.results);
    if (!read) {
      err << "referee: " << settings.results->string() << ": " << read.error().message << '\n';
      return as_int(ExitCode::usage_error);
    }
    run = std::move(*read);
  }
  auto rows = requirement_coverage(catalogue->requirements, catalogue->scenarios);
  StatusSource source(profile, run, catalogue->scenarios);
  print_matrix(rows, source, out);
  bool covered = print_gaps(rows, out);
  if (settings.json_path && !write_json(*settings.json_path, rows, source, err)) return as_int(ExitCode::usage_error);
  return as_int(covered ? ExitCode::conformant : ExitCode::non_conformant);
}

}  // namespace referee::cli
