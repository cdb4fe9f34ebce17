// RFC 3501 §7.4.1's immediate decrement: which EXPUNGE batches are consistent with removing a
// given set of messages, in any order.
#include "harness/engine/match/expunge_order.hpp"

#include <gtest/gtest.h>

namespace referee::engine {
namespace {

bool consistent(std::vector<std::uint32_t> removed, std::vector<std::uint32_t> reported) {
  return check_expunge_order(std::move(removed), reported).consistent;
}

// Messages 2 and 4 of 7: "2 3" (lower first) or "4 2" (higher first); never "2 4".
TEST(ExpungeOrder, TwoMessagesEitherOrder) {
  EXPECT_TRUE(consistent({2, 4}, {2, 3}));
  EXPECT_TRUE(consistent({2, 4}, {4, 2}));
  EXPECT_FALSE(consistent({2, 4}, {2, 4}));
  EXPECT_FALSE(consistent({2, 4}, {3, 2}));
  EXPECT_FALSE(consistent({4, 2}, {4, 3}));
}

// The RFC's own example: the last 5 of 9 messages are "5 5 5 5 5" or "9 8 7 6 5".
TEST(ExpungeOrder, TheRfcExample) {
  EXPECT_TRUE(consistent({5, 6, 7, 8, 9}, {5, 5, 5, 5, 5}));
  EXPECT_TRUE(consistent({5, 6, 7, 8, 9}, {9, 8, 7, 6, 5}));
  EXPECT_TRUE(consistent({5, 6, 7, 8, 9}, {7, 5, 6, 5, 5}));  // any order of removal
  EXPECT_FALSE(consistent({5, 6, 7, 8, 9}, {5, 6, 7, 8, 9}));
}

TEST(ExpungeOrder, CountMustMatch) {
  auto missing = check_expunge_order({2, 4}, {2});
  EXPECT_FALSE(missing.consistent);
  EXPECT_EQ(missing.explanation, "1 EXPUNGE responses for 2 removed messages");
  EXPECT_FALSE(consistent({2, 4}, {2, 3, 3}));
  EXPECT_TRUE(consistent({}, {}));
}

TEST(ExpungeOrder, ExplainsTheFirstWrongNumber) {
  auto unadjusted = check_expunge_order({2, 4}, {2, 4});
  EXPECT_EQ(unadjusted.explanation,
            "EXPUNGE 4 (response 2) names no removed message: once 2 (numbers before the batch) "
            "are gone, the messages still to remove are numbered 3");
  auto first = check_expunge_order({2, 4}, {1, 2});
  EXPECT_EQ(first.explanation,
            "EXPUNGE 1 (response 1) names no removed message: before any EXPUNGE, the messages "
            "still to remove are numbered 2 4");
  EXPECT_EQ(check_expunge_order({4, 2}, {4, 2}).explanation,
            "removal order (numbers before the batch): 4 2");
}

TEST(ExpungeOrder, DuplicatesInTheSetCountOnce) {
  EXPECT_TRUE(consistent({2, 2, 4}, {2, 3}));
}

}  // namespace
}  // namespace referee::engine
