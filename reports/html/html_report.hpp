#pragma once
// RunResult as one self-contained HTML file (no network, no external assets; works from
// file://), modelled on the Autobahn testsuite's reports. The results are embedded as JSON and
// the page is built from them in the browser, lazily, so 1,000 scenarios and 10 MB of
// transcripts stay usable (reports/html/README.md).

#include <ostream>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "harness/engine/result.hpp"
#include "reports/report_writer.hpp"

namespace referee::reports::html {

// `data` (the page's JSON) inside the template. Every '<' in the JSON is written as \u003c,
// so no string of the results can close the <script> element that carries them.
void write_page(std::ostream& out, std::string_view title, const boost::json::value& data);

class HtmlReportWriter final : public ReportWriter {
 public:
  std::string_view format_name() const override { return "html"; }
  std::string_view default_file_name() const override { return "report.html"; }
  void write(const engine::RunResult& run, std::ostream& out) const override;
};

// Several runs (one per target) as one behaviour matrix: requirements and RFC 2180/2193
// situations in rows, targets in columns, differences highlighted. Transcripts are left out.
void write_comparison(const std::vector<engine::RunResult>& runs, std::ostream& out);

}  // namespace referee::reports::html
