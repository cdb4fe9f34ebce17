#pragma once
// One writer per report format (JSON now; HTML and JUnit later), all reading the same result
// tree after the run: a report needs totals, so nothing is written while scenarios run.

#include <filesystem>
#include <ostream>
#include <string_view>

#include <boost/system/error_code.hpp>

#include "harness/engine/result.hpp"

namespace referee::reports {

class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  // "json", "html", "junit": what --FORMAT options and messages call it.
  virtual std::string_view format_name() const = 0;
  // The file name inside --out DIR ("results.json").
  virtual std::string_view default_file_name() const = 0;
  // The whole report; a writer never fails on content (every byte has a representation).
  virtual void write(const engine::RunResult& run, std::ostream& out) const = 0;
};

// Writes the report next to `path` and renames it into place, so a reader never sees half a
// report. Creates missing parent directories. Errors: the file system's.
boost::system::error_code write_report_file(const ReportWriter& writer,
                                            const engine::RunResult& run,
                                            const std::filesystem::path& path);

}  // namespace referee::reports
