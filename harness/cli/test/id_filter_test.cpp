#include "harness/cli/id_filter.hpp"

#include <gtest/gtest.h>

namespace referee::cli {
namespace {

TEST(GlobMatch, StarMatchesAnyRunIncludingSlashes) {
  EXPECT_TRUE(glob_match("*", ""));
  EXPECT_TRUE(glob_match("*", "rfc2193/4.1/select-remote-mailbox"));
  EXPECT_TRUE(glob_match("rfc2193/*", "rfc2193/4.1/select-remote-mailbox"));
  EXPECT_TRUE(glob_match("*/rename*", "rfc2193/4.3/rename-url-pairs"));
  EXPECT_TRUE(glob_match("rfc*/4.?/*mailbox", "rfc2193/4.1/select-remote-mailbox"));
  EXPECT_FALSE(glob_match("rfc2193/*", "rfc2221/3/referral-depth"));
  EXPECT_FALSE(glob_match("rfc2193", "rfc2193/3/x"));  // whole id, not a prefix
  EXPECT_FALSE(glob_match("?", ""));
}

TEST(GlobMatch, BacktracksOverRepeatedStars) {
  EXPECT_TRUE(glob_match("*a*b*c", "xxaxxbxxbxxc"));
  EXPECT_FALSE(glob_match("*a*b*c", "xxaxxbxxbxxd"));
  EXPECT_TRUE(glob_match("**", "anything"));
  EXPECT_FALSE(glob_match(std::string(50, '*') + "x", std::string(5000, 'a')));
}

TEST(IdFilter, EmptyFilterSelectsEverything) {
  IdFilter filter("");
  EXPECT_TRUE(filter.selects("rfc2180/3/delete-selected-mailbox"));
  EXPECT_TRUE(IdFilter().selects("x"));
}

TEST(IdFilter, PositivesThenNegativesAsInTheIssue) {
  IdFilter filter("rfc2193/*:-*/rename*");
  EXPECT_EQ(filter.positive(), std::vector<std::string>{"rfc2193/*"});
  EXPECT_EQ(filter.negative(), std::vector<std::string>{"*/rename*"});
  EXPECT_TRUE(filter.selects("rfc2193/4.1/select-remote-mailbox"));
  EXPECT_FALSE(filter.selects("rfc2193/4.3/rename-url-pairs"));
  EXPECT_FALSE(filter.selects("rfc2221/3/referral-depth"));
}

TEST(IdFilter, LeadingMinusMeansOnlyNegativesOverEverything) {
  IdFilter filter("-rfc2180/*:rfc3501/*");  // every pattern after the '-' is negative (gtest)
  EXPECT_TRUE(filter.positive().empty());
  EXPECT_EQ(filter.negative().size(), 2u);
  EXPECT_TRUE(filter.selects("rfc2193/3/no-referral-loop"));
  EXPECT_FALSE(filter.selects("rfc2180/4.4/copy-expunged"));
  EXPECT_FALSE(filter.selects("rfc3501/6.1.3/logout-bye"));
}

TEST(IdFilter, HyphensInsideIdsAreNotNegations) {
  IdFilter filter("rfc2193/4.1/select-remote-mailbox:rfc2221/3/referral-depth");
  EXPECT_EQ(filter.positive().size(), 2u);
  EXPECT_TRUE(filter.negative().empty());
  EXPECT_TRUE(filter.selects("rfc2193/4.1/select-remote-mailbox"));
  EXPECT_TRUE(filter.selects("rfc2221/3/referral-depth"));
  EXPECT_FALSE(filter.selects("rfc2221/3/referral-url-valid"));
}

TEST(IdFilter, EmptyPatternsBetweenColonsAreIgnored) {
  IdFilter filter("rfc2193/*::-:");
  EXPECT_EQ(filter.positive(), std::vector<std::string>{"rfc2193/*"});
  EXPECT_TRUE(filter.negative().empty());
}

}  // namespace
}  // namespace referee::cli
