#pragma once
// RunResult as JSON (reports/json/README.md documents every field; the names are stable and
// `format_version` changes when one changes meaning or disappears).
//
//   referee::reports::json::JsonReportWriter writer;
//   auto error = referee::reports::write_report_file(writer, run, "results/results.json");

#include <string_view>

#include <boost/json/object.hpp>

#include "harness/engine/result.hpp"
#include "reports/report_writer.hpp"

namespace referee::reports::json {

// 2: run metadata, requirement matrix, baseline marks (1 had none of them).
inline constexpr int kFormatVersion = 2;

// The whole document. Every string is valid UTF-8: invalid bytes become U+FFFD, and transcript
// events whose bytes were not valid UTF-8 also carry them exactly, in base64.
boost::json::object to_json(const engine::RunResult& run);

// Stable names: "pass", "fail", "warn", "info", "not_applicable", "error".
std::string_view outcome_name(engine::Outcome outcome);
// "MUST", "MUST NOT", "SHOULD", "SHOULD NOT", "MAY".
std::string_view level_name(scenario::Level level);
// "none", "matched", "unexpected_pass", "expired".
std::string_view baseline_status_name(engine::BaselineStatus status);

class JsonReportWriter final : public ReportWriter {
 public:
  std::string_view format_name() const override { return "json"; }
  std::string_view default_file_name() const override { return "results.json"; }
  // Indented, two spaces, ending with a newline.
  void write(const engine::RunResult& run, std::ostream& out) const override;
};

}  // namespace referee::reports::json
