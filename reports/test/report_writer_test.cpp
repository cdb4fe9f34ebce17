#include "reports/report_writer.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "reports/test/sample_run.hpp"

namespace referee::reports {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// While it writes, it looks at the destination: an atomic write leaves the old report there
// until the new one is complete.
class WatchingWriter final : public ReportWriter {
 public:
  explicit WatchingWriter(fs::path destination) : destination_(std::move(destination)) {}
  std::string_view format_name() const override { return "watch"; }
  std::string_view default_file_name() const override { return "watch.txt"; }
  void write(const engine::RunResult& run, std::ostream& out) const override {
    out << "first half of " << run.scenarios.size() << " scenarios\n";
    out.flush();
    seen_while_writing = read_file(destination_);
    out << "second half\n";
  }
  mutable std::string seen_while_writing;

 private:
  fs::path destination_;
};

TEST(ReportWriter, ReplacesTheOldReportOnlyWhenTheNewOneIsComplete) {
  auto directory = fs::temp_directory_path() / "referee-report-writer-test";
  fs::remove_all(directory);
  fs::create_directories(directory);
  auto path = directory / "report.txt";
  std::ofstream(path) << "old report\n";
  WatchingWriter writer(path);
  ASSERT_FALSE(write_report_file(writer, testing::sample_run(), path));
  EXPECT_EQ(writer.seen_while_writing, "old report\n");
  EXPECT_EQ(read_file(path), "first half of 6 scenarios\nsecond half\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(directory), fs::directory_iterator()), 1);
  fs::remove_all(directory);
}

}  // namespace
}  // namespace referee::reports
