#include "reports/junit/junit_report.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <pugixml.hpp>

#include "reports/test/sample_run.hpp"

namespace referee::reports::junit {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string written(const engine::RunResult& run, bool strict = false) {
  std::ostringstream out;
  JunitReportWriter(strict).write(run, out);
  return out.str();
}

// ../shared/schemas/README.md: the schema calls the harness-error element "errors"; Jenkins,
// GitLab and GitHub read "error". Validate with that one name changed.
std::string schema_reading_error_as_error() {
  auto schema = read_file(REFEREE_JUNIT_XSD);
  for (std::string from : {"name=\"errors\">", "ref=\"errors\"/>"}) {
    auto at = schema.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) schema.replace(at, from.size(), from.substr(0, from.find("errors")) + "error" + from.substr(from.find("errors") + 6));
  }
  return schema;
}

// Empty when `document` is valid; else libxml2's messages.
std::string schema_errors(const std::string& document) {
  auto schema_text = schema_reading_error_as_error();
  std::string messages;
  auto* parser = xmlSchemaNewMemParserCtxt(schema_text.data(), static_cast<int>(schema_text.size()));
  auto* schema = xmlSchemaParse(parser);
  auto* doc = xmlReadMemory(document.data(), static_cast<int>(document.size()), "junit.xml", nullptr, XML_PARSE_NONET);
  if (!schema || !doc) {
    messages = "schema or document does not parse";
  } else {
    auto* validator = xmlSchemaNewValidCtxt(schema);
    xmlSchemaSetValidStructuredErrors(validator, [](void* context, xmlErrorPtr error) {
      *static_cast<std::string*>(context) += std::to_string(error->line) + ": " + error->message;
    }, &messages);
    if (xmlSchemaValidateDoc(validator, doc) != 0 && messages.empty()) messages = "invalid";
    xmlSchemaFreeValidCtxt(validator);
  }
  if (doc) xmlFreeDoc(doc);
  if (schema) xmlSchemaFree(schema);
  xmlSchemaFreeParserCtxt(parser);
  return messages;
}

TEST(JunitReport, ValidatesAgainstTheJunit10Schema) {
  auto run = testing::sample_run();
  EXPECT_EQ(schema_errors(written(run)), "");
  EXPECT_EQ(schema_errors(written(run, true)), "");
  // The schema itself rejects what we must not write.
  EXPECT_NE(schema_errors("<testsuites><testsuite name=\"x\"/></testsuites>"), "");
}

TEST(JunitReport, MatchesTheGoldenFileOnceVolatileFieldsAreNormalised) {
  auto text = testing::normalise_volatile(written(testing::sample_run()));
  const char* source = std::getenv("REFEREE_SOURCE_DIR");
  auto golden = fs::path(source ? source : ".") / "reports/junit/test/golden/TEST-referee.xml";
  if (std::getenv("REFEREE_UPDATE_GOLDEN")) std::ofstream(golden, std::ios::binary) << text;
  EXPECT_EQ(text, read_file(golden));
}

// What Jenkins (junit plugin), GitLab (test reports) and GitHub actions (dorny/test-reporter,
// mikepenz/action-junit-report) read: suites with counts that add up, unique
// (classname, name), times with at most 3 decimals, a timestamp without "Z", one
// <failure>/<error>/<skipped> per testcase, transcript in <system-out>.
TEST(JunitReport, ReadsAsCiSystemsReadIt) {
  auto text = written(testing::sample_run());
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(text.c_str()));
  auto root = document.child("testsuites");
  EXPECT_EQ(root.attribute("tests").as_int(), 6);
  EXPECT_EQ(root.attribute("failures").as_int(), 1);
  EXPECT_EQ(root.attribute("errors").as_int(), 1);
  std::set<std::pair<std::string, std::string>> names;
  std::vector<std::string> suites;
  for (auto suite : root.children("testsuite")) {
    suites.push_back(suite.attribute("name").value());
    int tests = 0, failures = 0, errors = 0, skipped = 0;
    EXPECT_EQ(std::string(suite.attribute("timestamp").value()), "2026-11-23T14:12:00");
    for (auto testcase : suite.children("testcase")) {
      ++tests;
      failures += testcase.child("failure") ? 1 : 0;
      errors += testcase.child("error") ? 1 : 0;
      skipped += testcase.child("skipped") ? 1 : 0;
      EXPECT_LE(!!testcase.child("failure") + !!testcase.child("error") + !!testcase.child("skipped"), 1);
      EXPECT_TRUE(names.insert({testcase.attribute("classname").value(), testcase.attribute("name").value()}).second);
      std::string time = testcase.attribute("time").value();
      EXPECT_EQ(time.size() - time.find('.'), 4u) << time;
      EXPECT_TRUE(testcase.child("system-out")) << testcase.attribute("name").value();
    }
    EXPECT_EQ(suite.attribute("tests").as_int(), tests);
    EXPECT_EQ(suite.attribute("failures").as_int(), failures);
    EXPECT_EQ(suite.attribute("errors").as_int(), errors);
    EXPECT_EQ(suite.attribute("skipped").as_int(), skipped);
  }
  EXPECT_EQ(suites, (std::vector<std::string>{"rfc2180", "rfc2193", "rfc2221"}));
}

TEST(JunitReport, FailureTextExplainsTheRequirementAndShowsTheTranscript) {
  auto text = written(testing::sample_run());
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(text.c_str()));
  auto failing = document.select_node("//testcase[@name='rfc2193/4.1/select-remote-mailbox']").node();
  auto failure = failing.child("failure");
  ASSERT_TRUE(failure);
  EXPECT_EQ(std::string(failure.attribute("type").value()), "MUST");
  std::string body = failure.text().get();
  EXPECT_NE(body.find("requirement: rfc2193-4.1-select-referral (RFC 2193 §4.1, MUST)"), std::string::npos) << body;
  EXPECT_NE(body.find("\"the server MUST return a referral\""), std::string::npos);
  EXPECT_NE(body.find("expected: NO [REFERRAL"), std::string::npos);
  EXPECT_NE(body.find("observed: a3 OK [READ-WRITE] done"), std::string::npos);
  EXPECT_NE(body.find("C1 alpha S: a3 OK [READ-WRITE] done ]]> \\x01\\x00\\xFF"), std::string::npos) << body;
  std::string output;  // a split "]]>" makes two CDATA sections: a reader joins them
  for (auto part : failing.child("system-out").children()) output += part.value();
  EXPECT_NE(output.find("C1R beta C: r1 APPEND x {5}"), std::string::npos) << output;
  EXPECT_NE(output.find("]]> \\x01"), std::string::npos);  // "]]>" survived the CDATA split
  auto skipped = document.select_node("//testcase[@name='rfc2221/4.1/login-referral']/skipped").node();
  EXPECT_NE(std::string(skipped.attribute("message").value()).find("no server with role"), std::string::npos);
  auto error = document.select_node("//testcase[@name='rfc2221/3/bye-greeting']/error").node();
  EXPECT_NE(std::string(error.attribute("message").value()).find("could not judge"), std::string::npos);
}

TEST(JunitReport, WarningsFailOnlyWhenStrictAndBaselinedFailuresAreSkipped) {
  auto run = testing::sample_run();
  const char* warned = "//testcase[@name='rfc2180/4.1.3/fetch-only-expunged']/failure";
  pugi::xml_document lenient, strict;
  ASSERT_TRUE(lenient.load_string(written(run).c_str()));
  ASSERT_TRUE(strict.load_string(written(run, true).c_str()));
  EXPECT_FALSE(lenient.select_node(warned));
  EXPECT_TRUE(strict.select_node(warned));
  run.scenarios[3].baseline = {engine::BaselineStatus::matched, "fix lands in 4.2", ""};
  pugi::xml_document baselined;
  ASSERT_TRUE(baselined.load_string(written(run).c_str()));
  auto skipped = baselined.select_node("//testcase[@name='rfc2193/4.1/select-remote-mailbox']/skipped").node();
  EXPECT_EQ(std::string(skipped.attribute("message").value()), "baselined: fix lands in 4.2");
  EXPECT_EQ(baselined.child("testsuites").attribute("failures").as_int(), 0);
}

TEST(JunitReport, AnUnreachableTargetIsAnErrorNotZeroTests) {
  auto run = testing::sample_run();
  run.scenarios.clear();
  run.fatal_error = "server alpha (127.0.0.1:143) unreachable: connection refused";
  auto text = written(run);
  EXPECT_EQ(schema_errors(text), "");
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(text.c_str()));
  EXPECT_EQ(document.child("testsuites").attribute("errors").as_int(), 1);
  auto error = document.select_node("//testcase[@name='target reachable']/error").node();
  EXPECT_EQ(std::string(error.text().get()), run.fatal_error);
}

TEST(JunitReport, TimesAndTimestamps) {
  EXPECT_EQ(seconds_text(std::chrono::microseconds(1234567)), "1.235");
  EXPECT_EQ(seconds_text(std::chrono::microseconds(0)), "0.000");
  EXPECT_EQ(timestamp_text("2026-11-23T14:12:00Z"), "2026-11-23T14:12:00");
  EXPECT_EQ(timestamp_text("2026-11-23T14:12:00.123"), "2026-11-23T14:12:00");
}

}  // namespace
}  // namespace referee::reports::junit
