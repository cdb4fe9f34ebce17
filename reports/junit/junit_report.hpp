#pragma once
// RunResult as JUnit XML, as Jenkins, GitLab and the GitHub test-report actions read it
// (reports/junit/README.md): one <testsuite> per RFC, one <testcase> per scenario run.
//
//   <testcase classname="referee.rfc2193" name="rfc2193/4.1/select-remote-mailbox" time="0.012">
//     <failure type="MUST" message="…">requirement, RFC sentence, expected, observed, excerpt</failure>
//     <system-out><![CDATA[the whole transcript]]></system-out>
//   </testcase>

#include <string>
#include <string_view>

#include "harness/engine/result.hpp"
#include "reports/report_writer.hpp"

namespace referee::reports::junit {

// Seconds with exactly three decimals: "1.234" (the SUREFIRE_TIME pattern allows at most 3).
std::string seconds_text(std::chrono::microseconds duration);

// "2026-11-23T14:12:00": ISO 8601 without a zone suffix (Jenkins rejects "Z" in older parsers).
std::string timestamp_text(std::string_view started_at);

class JunitReportWriter final : public ReportWriter {
 public:
  // `strict`: warnings (SHOULD) and unexpected baseline passes become <failure>. The run's own
  // `strict` flag also turns it on.
  explicit JunitReportWriter(bool strict = false) : strict_(strict) {}
  std::string_view format_name() const override { return "junit"; }
  // TEST-*.xml: the name Jenkins and most CI JUnit globs look for.
  std::string_view default_file_name() const override { return "TEST-referee.xml"; }
  void write(const engine::RunResult& run, std::ostream& out) const override;

 private:
  bool strict_;
};

}  // namespace referee::reports::junit
