#include "harness/target/output_log.hpp"

#include <gtest/gtest.h>

namespace referee::target {
namespace {

TEST(OutputLog, KeepsLinesInOrder) {
  OutputLog log;
  log.append("one");
  log.append("two");
  EXPECT_EQ(log.lines(), (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(log.tail(1), std::vector<std::string>{"two"});
  EXPECT_EQ(log.tail(5).size(), 2u);
}

TEST(OutputLog, CountsLinesPastTheLimitInsteadOfKeepingThem) {
  OutputLog log(2);
  for (auto line : {"a", "b", "c", "d"}) log.append(line);
  EXPECT_EQ(log.lines(), (std::vector<std::string>{"a", "b", "[2 more lines not kept]"}));
  EXPECT_EQ(log.tail(2), (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace referee::target
