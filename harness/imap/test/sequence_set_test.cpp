#include "harness/imap/sequence_set.hpp"

#include <gtest/gtest.h>

namespace referee::imap {
namespace {

SequenceSet parsed(std::string_view text) {
  auto set = SequenceSet::parse(text);
  EXPECT_TRUE(set) << text;
  return set ? *set : SequenceSet{};
}

TEST(SequenceSet, ParsesAndFormats) {
  for (std::string_view text : {"1", "*", "1:*", "2,4:7,9,12:*", "4294967295", "*:3", "7:2"}) {
    EXPECT_EQ(parsed(text).to_string(), text);
  }
  EXPECT_EQ(parsed("5:5").to_string(), "5");
  const SequenceSet set = parsed("2,4:*");
  ASSERT_EQ(set.ranges().size(), 2u);
  EXPECT_EQ(set.ranges()[1].first, (SequenceNumber{4, false}));
  EXPECT_EQ(set.ranges()[1].last, SequenceNumber::star());
}

TEST(SequenceSet, RejectsWhatTheGrammarForbids) {
  const std::pair<std::string_view, sequence_set_error> cases[] = {
      {"", sequence_set_error::empty},
      {"1,", sequence_set_error::empty},
      {",1", sequence_set_error::empty},
      {"1:", sequence_set_error::empty},
      {"0", sequence_set_error::bad_number},
      {"01", sequence_set_error::bad_number},
      {"4294967296", sequence_set_error::bad_number},
      {"1 2", sequence_set_error::bad_number},
      {"**", sequence_set_error::bad_number},
      {"-1", sequence_set_error::bad_number},
      {"1:2:3", sequence_set_error::unexpected_text},
  };
  for (const auto& [text, error] : cases) {
    auto set = SequenceSet::parse(text);
    ASSERT_FALSE(set) << text;
    EXPECT_EQ(set.error(), error) << text;
  }
}

// RFC 3501 §9: "a message sequence number set of 2,4:7,9,12:* for a mailbox with 15
// messages is equivalent to 2,4,5,6,7,9,12,13,14,15".
TEST(SequenceSet, RfcExampleMembers) {
  const SequenceSet set = parsed("2,4:7,9,12:*");
  EXPECT_EQ(set.members(15), (std::vector<std::uint32_t>{2, 4, 5, 6, 7, 9, 12, 13, 14, 15}));
  EXPECT_TRUE(set.contains(15, 15));
  EXPECT_FALSE(set.contains(16, 15));
  EXPECT_FALSE(set.contains(3, 15));
  EXPECT_FALSE(set.contains(0, 15));
}

// "2:4 and 4:2 are equivalent"; "3291:* includes the UID of the last message in the
// mailbox, even if that value is less than 3291".
TEST(SequenceSet, RangesRegardlessOfOrder) {
  EXPECT_EQ(parsed("4:2").members(10), parsed("2:4").members(10));
  EXPECT_TRUE(parsed("3291:*").contains(100, 100));
  EXPECT_TRUE(parsed("3291:*").contains(3000, 100));
  EXPECT_FALSE(parsed("3291:*").contains(99, 100));
}

TEST(SequenceSet, StarInAnEmptyMailboxHasNoMembers) {
  EXPECT_TRUE(parsed("*").members(0).empty());
  EXPECT_EQ(parsed("1:*").members(0), (std::vector<std::uint32_t>{1}));
  EXPECT_FALSE(parsed("*").contains(0, 0));
}

TEST(SequenceSet, FromNumbersCoalesces) {
  // RFC 5092 §9: "C: A005 FETCH 8,10,13:16 ALL" after "* SEARCH 8 10 13 14 15 16".
  EXPECT_EQ(SequenceSet::from_numbers({16, 8, 13, 10, 14, 15, 8}).to_string(), "8,10,13:16");
  EXPECT_TRUE(SequenceSet::from_numbers({}).empty());
  EXPECT_THROW(SequenceSet::from_numbers({0}), std::invalid_argument);
}

TEST(SequenceSet, ErrorMessages) {
  EXPECT_EQ(make_error_code(sequence_set_error::bad_number).message(), "not an nz-number or '*'");
}

}  // namespace
}  // namespace referee::imap
