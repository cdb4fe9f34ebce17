#include "reports/json/json_reader.hpp"

#include <sstream>

#include <gtest/gtest.h>

#include "reports/byte_text.hpp"
#include "reports/json/json_report.hpp"
#include "reports/test/sample_run.hpp"

namespace referee::reports::json {
namespace {

using namespace std::string_literals;

std::string written(const engine::RunResult& run) {
  std::ostringstream out;
  JsonReportWriter().write(run, out);
  return out.str();
}

TEST(JsonReader, ReadsBackWhatTheWriterWrote) {
  auto run = testing::sample_run();
  run.shard = {2, 3};
  run.strict = true;
  run.scenarios[3].baseline = {engine::BaselineStatus::matched, "known", "2027-01-31"};
  run.baseline_notes = {{"rfc2180-4.1.3-fetch-no", engine::BaselineStatus::unexpected_pass, "fixed?", ""}};
  auto text = written(run);
  auto read = parse_results(text, "results.json");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(written(*read), text);
  EXPECT_EQ(read->shard.index, 2u);
  EXPECT_EQ(read->scenarios[3].checks[0].transcript_event, 3u);
}

TEST(JsonReader, RestoresExactBytesFromBase64) {
  auto run = testing::sample_run();
  auto read = parse_results(written(run), "results.json");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->scenarios[3].transcript[3].bytes, "a3 OK [READ-WRITE] done ]]> \x01\x00\xff\r\n"s);
}

TEST(JsonReader, ExplainsWhatIsWrongWithAFile) {
  EXPECT_EQ(parse_results("{", "a.json").error().message.substr(0, 16), "a.json: not JSON");
  EXPECT_EQ(parse_results(R"({"format":"other"})", "b.json").error().message,
            "b.json: not a referee results file (\"format\": \"referee-results\")");
  EXPECT_NE(parse_results(R"({"format":"referee-results","format_version":99})", "c.json").error().message.find("format_version 99"),
            std::string::npos);
  EXPECT_FALSE(read_results_file("/nonexistent/results.json"));
}

TEST(JsonReader, ReadsVersionOneFiles) {
  auto read = parse_results(R"({"format":"referee-results","format_version":1,"target":"t",
    "scenarios":[{"id":"x","outcome":"fail","checks":[{"requirement":"r","level":"SHOULD","outcome":"warn","transcript_event":null}]}]})",
                            "v1.json");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->shard.total, 1u);
  ASSERT_EQ(read->scenarios.size(), 1u);
  EXPECT_EQ(read->scenarios[0].outcome, engine::Outcome::fail);
  EXPECT_EQ(read->scenarios[0].checks[0].level, scenario::Level::should);
  EXPECT_FALSE(read->scenarios[0].checks[0].transcript_event);
}

TEST(Base64, DecodesWhatItEncodes) {
  for (auto bytes : {""s, "f"s, "fo"s, "foo"s, "foob"s, "\xff\x00\x80"s}) EXPECT_EQ(base64_decode(base64_encode(bytes)), bytes);
  EXPECT_FALSE(base64_decode("abc"));
  EXPECT_FALSE(base64_decode("a=bc"));
}

}  // namespace
}  // namespace referee::reports::json
