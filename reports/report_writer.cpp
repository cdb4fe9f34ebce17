#include "reports/report_writer.hpp"

#include <cerrno>
#include <fstream>

namespace referee::reports {

boost::system::error_code write_report_file(const ReportWriter& writer,
                                            const engine::RunResult& run,
                                            const std::filesystem::path& path) {
  std::error_code error;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
  if (error) return error;
  auto partial = path;
  partial += ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return {errno ? errno : EIO, boost::system::generic_category()};
    writer.write(run, out);
    out.flush();
    if (!out) return {EIO, boost::system::generic_category()};
  }
  std::filesystem::rename(partial, path, error);
  return error;
}

}  // namespace referee::reports
