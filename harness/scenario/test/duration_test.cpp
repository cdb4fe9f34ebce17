#include "harness/scenario/duration.hpp"

#include <gtest/gtest.h>

namespace referee::scenario {
namespace {

using std::chrono::milliseconds;

TEST(Duration, AcceptsTheThreeUnits) {
  EXPECT_EQ(parse_duration("500ms"), milliseconds(500));
  EXPECT_EQ(parse_duration("5s"), milliseconds(5000));
  EXPECT_EQ(parse_duration("1m"), milliseconds(60000));
  EXPECT_EQ(parse_duration("1440m"), milliseconds(86'400'000));
}

TEST(Duration, RejectsEverythingElse) {
  for (const char* bad : {"", "5", "s", "5 s", " 5s", "5sec", "5h", "-5s", "1.5s", "0ms", "0s",
                          "1441m", "99999999999999999999s", "5S"}) {
    EXPECT_FALSE(parse_duration(bad)) << bad;
  }
}

}  // namespace
}  // namespace referee::scenario
