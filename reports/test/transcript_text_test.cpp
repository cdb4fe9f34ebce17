#include "reports/transcript_text.hpp"

#include <gtest/gtest.h>

namespace referee::reports {
namespace {

using namespace std::string_literals;

TEST(TranscriptText, SplitsAtCrlfAndEscapesControlBytes) {
  EXPECT_EQ(printable_lines("a1 OK done\r\n"), std::vector<std::string>{"a1 OK done"});
  EXPECT_EQ(printable_lines("* 1 FETCH (BODY[] {4}\r\nab\r\n)\r\n"),
            (std::vector<std::string>{"* 1 FETCH (BODY[] {4}", "ab", ")"}));
  EXPECT_EQ(printable_lines("bare\nlf\tand\x01\x7F"s), std::vector<std::string>{"bare\\x0Alf\\x09and\\x01\\x7F"});
  EXPECT_EQ(printable_lines("A1 STORE 1 +FLAGS (\\Seen)"), std::vector<std::string>{"A1 STORE 1 +FLAGS (\\Seen)"});
  EXPECT_EQ(printable_lines(""), std::vector<std::string>{""});
}

TEST(TranscriptText, KeepsUtf8ButEscapesHighBytesOfBinaryData) {
  EXPECT_EQ(printable_lines("caf\xC3\xA9"), std::vector<std::string>{"caf\xC3\xA9"});
  EXPECT_EQ(printable_lines("\xC3\xA9\xFF"), std::vector<std::string>{"\\xC3\\xA9\\xFF"});
}

TEST(TranscriptText, EventsShowTimeClientServerAndDirection) {
  EXPECT_EQ(format_event({1250, "C1", "alpha", "send", "a1 NOOP\r\n"}),
            "+0.001250 C1 alpha C: a1 NOOP");
  EXPECT_EQ(format_event({3000001, "C1R", "beta", "recv", "* 1 FETCH {2}\r\nhi)\r\n"}),
            "+3.000001 C1R beta S: * 1 FETCH {2}\n"
            "                      hi)");
  EXPECT_EQ(format_event({0, "C2", "alpha", "meta", "connected to 127.0.0.1:143"}),
            "+0.000000 C2 alpha -- connected to 127.0.0.1:143");
}

engine::ScenarioResult two_client_scenario() {
  engine::ScenarioResult scenario;
  scenario.id = "rfc2180/3/delete-selected-mailbox";
  scenario.file = "scenarios/rfc2180/3/delete-selected-mailbox.xml";
  scenario.transcript = {{1, "C1", "alpha", "send", "a1 SELECT x\r\n"},
                         {2, "C2", "alpha", "send", "b1 DELETE x\r\n"},
                         {3, "C1", "alpha", "recv", "a1 OK\r\n"},
                         {4, "C2", "alpha", "recv", "b1 OK\r\n"}};
  return scenario;
}

TEST(TranscriptText, LastEventsOfOneClientInOrder) {
  auto scenario = two_client_scenario();
  EXPECT_EQ(last_events(scenario, "C1", 5),
            (std::vector<std::string>{"+0.000001 C1 alpha C: a1 SELECT x", "+0.000003 C1 alpha S: a1 OK"}));
  EXPECT_EQ(last_events(scenario, "C2", 1), std::vector<std::string>{"+0.000004 C2 alpha S: b1 OK"});
  EXPECT_EQ(last_events(scenario, "", 10).size(), 4u);
}

TEST(TranscriptText, FileNamesAreSafeAndRepetitionsDistinct) {
  auto scenario = two_client_scenario();
  EXPECT_EQ(transcript_file_name(scenario), "rfc2180-3-delete-selected-mailbox.log");
  scenario.repetition = 2;
  EXPECT_EQ(transcript_file_name(scenario), "rfc2180-3-delete-selected-mailbox.r2.log");
  scenario.id = "../../etc/passwd";
  EXPECT_EQ(transcript_file_name(scenario).find('/'), std::string::npos);
}

TEST(TranscriptText, FileHasAHeaderThenEveryEvent) {
  auto text = transcript_file_text(two_client_scenario());
  EXPECT_EQ(text.rfind("# rfc2180/3/delete-selected-mailbox (scenarios/rfc2180/3/delete-selected-mailbox.xml)", 0), 0u);
  EXPECT_NE(text.find("+0.000002 C2 alpha C: b1 DELETE x\n"), std::string::npos);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 6);
}

}  // namespace
}  // namespace referee::reports
