#include "harness/imap/tag_generator.hpp"

#include <gtest/gtest.h>

#include <set>

namespace referee::imap {
namespace {

TEST(TagGenerator, CountsFromA001) {
  TagGenerator tags;
  EXPECT_EQ(tags.next(), "A001");
  EXPECT_EQ(tags.next(), "A002");
  EXPECT_EQ(tags.issued(), 2u);
}

TEST(TagGenerator, GrowsPastTheWidth) {
  TagGenerator tags("A", 3);
  std::string last;
  for (int i = 0; i < 1000; ++i) last = tags.next();
  EXPECT_EQ(last, "A1000");
}

TEST(TagGenerator, ConfigurablePrefixAndWidth) {
  TagGenerator tags("c2.", 5);
  EXPECT_EQ(tags.next(), "c2.00001");
  EXPECT_EQ(tags.prefix(), "c2.");
  TagGenerator bare("", 1);
  EXPECT_EQ(bare.next(), "1");
}

TEST(TagGenerator, TagsAreValidAndDistinct) {
  TagGenerator tags("x");
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string tag = tags.next();
    EXPECT_TRUE(is_tag(tag));
    EXPECT_TRUE(seen.insert(tag).second);
  }
}

TEST(TagGenerator, RejectsNonTagPrefix) {
  EXPECT_THROW(TagGenerator("A+"), std::invalid_argument);
  EXPECT_THROW(TagGenerator("A B"), std::invalid_argument);
  EXPECT_THROW(TagGenerator("*"), std::invalid_argument);
  EXPECT_THROW(TagGenerator("A", 0), std::invalid_argument);
}

}  // namespace
}  // namespace referee::imap
