#include "reports/html/html_report.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "reports/html/html_assets.hpp"
#include "reports/test/sample_run.hpp"

namespace referee::reports::html {
namespace {

namespace fs = std::filesystem;

std::string written(const engine::RunResult& run) {
  std::ostringstream out;
  HtmlReportWriter().write(run, out);
  return out.str();
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

// The JSON the page carries, parsed.
boost::json::value embedded_data(const std::string& page) {
  auto start = page.find("<script id=\"referee-data\" type=\"application/json\">");
  auto body = page.find('>', start) + 1;
  auto end = page.find("</script>", body);
  return boost::json::parse(page.substr(body, end - body));
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(HtmlReport, IsOneSelfContainedFile) {
  auto page = written(testing::sample_run());
  EXPECT_EQ(page.find("http:"), std::string::npos);
  EXPECT_EQ(page.find("https:"), std::string::npos);
  EXPECT_EQ(page.find("<link"), std::string::npos);
  EXPECT_EQ(page.find(" src="), std::string::npos);
  EXPECT_NE(page.find(std::string(kAsset_style.substr(0, 40))), std::string::npos);
  EXPECT_NE(page.find(std::string(kAsset_script.substr(0, 40))), std::string::npos);
  EXPECT_EQ(page.find("@DATA@"), std::string::npos);
}

TEST(HtmlReport, ServerTextCannotCloseTheDataScript) {
  auto run = testing::sample_run();
  run.scenarios[3].checks[0].observed = "</script><script>alert(1)</script>";
  run.target = "<b>target</b> & co";
  auto page = written(run);
  EXPECT_EQ(occurrences(page, "</script>"), 2u);  // the data's and the program's
  EXPECT_NE(page.find("<title>Referee: &lt;b>target&lt;/b> &amp; co</title>"), std::string::npos);
  auto data = embedded_data(page);
  EXPECT_EQ(data.at("run").at("scenarios").at(3).at("checks").at(0).at("observed").as_string(),
            "</script><script>alert(1)</script>");
}

TEST(HtmlReport, CarriesTheWholeRunAndComparisonsLeaveTranscriptsOut) {
  auto run = testing::sample_run();
  auto data = embedded_data(written(run));
  EXPECT_EQ(data.at("kind").as_string(), "run");
  EXPECT_EQ(data.at("run").at("scenarios").as_array().size(), run.scenarios.size());
  EXPECT_EQ(data.at("run").at("scenarios").at(3).at("transcript").as_array().size(), 6u);
  std::ostringstream out;
  auto other = run;
  other.target = "another server";
  write_comparison({run, other}, out);
  auto compared = embedded_data(out.str());
  EXPECT_EQ(compared.at("kind").as_string(), "compare");
  EXPECT_EQ(compared.at("runs").as_array().size(), 2u);
  EXPECT_TRUE(compared.at("runs").at(0).at("scenarios").at(3).at("transcript").as_array().empty());
}

// The approval test: the page with the (separately reviewed) assets cut out.
TEST(HtmlReport, MatchesTheGoldenFileOnceVolatileFieldsAreNormalised) {
  auto page = written(testing::sample_run());
  for (auto asset : {kAsset_style, kAsset_script}) page.replace(page.find(asset), asset.size(), "(asset)");
  page = testing::normalise_volatile(page);
  const char* source = std::getenv("REFEREE_SOURCE_DIR");
  auto golden = fs::path(source ? source : ".") / "reports/html/test/golden/report.html";
  if (std::getenv("REFEREE_UPDATE_GOLDEN")) std::ofstream(golden, std::ios::binary) << page;
  EXPECT_EQ(page, read_file(golden));
}

}  // namespace
}  // namespace referee::reports::html
