#include "harness/stress/stress_log.hpp"

#include <gtest/gtest.h>

namespace referee::stress {
namespace {

TEST(StressLog, RoundTripsCommandsAndLiterals) {
  StressLog log{.seed = 42, .clients = 2, .mailboxes = {"p/r/stress/m1"}, .violation = "uid-stable"};
  log.entries.push_back({1, {CommandKind::select, "SELECT \"p/r/stress/m1\"", {}}});
  log.entries.push_back({0, {CommandKind::append, "APPEND \"p/r/stress/m1\" (\\Seen)", "A: b\r\n\r\nx\\y\r\n"}});
  log.entries.push_back({0, {CommandKind::fetch, "UID FETCH 1:* (FLAGS)", {}}});
  std::string error;
  auto parsed = parse_log(format_log(log), "replay.txt", error);
  ASSERT_TRUE(parsed) << error;
  EXPECT_EQ(parsed->seed, 42u);
  EXPECT_EQ(parsed->mailboxes, log.mailboxes);
  EXPECT_EQ(parsed->violation, "uid-stable");
  EXPECT_EQ(parsed->entries, log.entries);
}

TEST(StressLog, ErrorsNameTheLine) {
  std::string error;
  EXPECT_FALSE(parse_log("referee-stress-replay 1\nclients 2\nmailbox m\nc 5 NOOP\n", "r.txt", error));
  EXPECT_EQ(error.substr(0, 8), "r.txt:4:");
  EXPECT_FALSE(parse_log("something else\n", "r.txt", error));
  EXPECT_EQ(error.substr(0, 8), "r.txt:1:");
}

TEST(StressLog, KindsComeFromTheCommandText) {
  EXPECT_EQ(kind_of("UID STORE 1 +FLAGS (\\Seen)"), CommandKind::store);
  EXPECT_EQ(kind_of("IDLE"), CommandKind::idle);
  EXPECT_EQ(kind_of("EXAMINE x"), CommandKind::select);
}

}  // namespace
}  // namespace referee::stress
