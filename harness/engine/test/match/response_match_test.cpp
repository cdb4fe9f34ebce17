#include "harness/engine/match/response_match.hpp"

#include <gtest/gtest.h>

#include "harness/imap/response_parser.hpp"

namespace referee::engine {
namespace {

using scenario::Presence;
using scenario::UntaggedPattern;

imap::Response parse(std::string_view line) {
  imap::ResponseParser parser;
  parser.feed(line);
  imap::Response response;
  imap::ParseFailure failure;
  EXPECT_EQ(parser.next(response, failure), imap::ResponseParser::State::response) << failure.message;
  return response;
}

TEST(ResponseMatch, NameNumberAndCode) {
  Variables variables;
  variables.set("n", "3");
  UntaggedPattern exists{.name = "exists", .number = "${n}"};
  EXPECT_TRUE(matches_untagged(exists, parse("* 3 EXISTS\r\n"), variables).value());
  EXPECT_FALSE(matches_untagged(exists, parse("* 4 EXISTS\r\n"), variables).value());
  EXPECT_FALSE(matches_untagged(exists, parse("A1 OK done\r\n"), variables).value());
  UntaggedPattern newname{.name = "OK", .code = "NEWNAME"};
  EXPECT_TRUE(matches_untagged(newname, parse("* OK [NEWNAME a b] renamed\r\n"), variables).value());
  UntaggedPattern bad_number{.name = "EXISTS", .number = "three"};
  EXPECT_FALSE(matches_untagged(bad_number, parse("* 3 EXISTS\r\n"), variables));
}

TEST(ResponseMatch, ListMailboxAndFetchFields) {
  Variables variables;
  UntaggedPattern listed{.name = "LIST", .list_mailbox = "remote/projects"};
  EXPECT_TRUE(matches_untagged(listed, parse("* LIST () \"/\" remote/projects\r\n"), variables).value());
  EXPECT_FALSE(matches_untagged(listed, parse("* LIST () \"/\" INBOX\r\n"), variables).value());
  UntaggedPattern deleted{.name = "FETCH", .fields = {{.name = "flags", .contains = "\\DELETED"}}};
  EXPECT_TRUE(matches_untagged(deleted, parse("* 1 FETCH (FLAGS (\\Seen \\Deleted))\r\n"), variables).value());
  EXPECT_FALSE(matches_untagged(deleted, parse("* 1 FETCH (FLAGS (\\Seen))\r\n"), variables).value());
  UntaggedPattern uid{.name = "FETCH", .fields = {{.name = "UID", .equals = "7"}}};
  EXPECT_TRUE(matches_untagged(uid, parse("* 1 FETCH (UID 7)\r\n"), variables).value());
}

TEST(ResponseMatch, Re2OnTheRawLineAndCaptureGroups) {
  Variables variables;
  variables.set("box", "a.b");
  UntaggedPattern pattern{.match = "LIST .* ${box}$"};
  EXPECT_TRUE(matches_untagged(pattern, parse("* LIST () \"/\" a.b\r\n"), variables).value());
  EXPECT_FALSE(matches_untagged(pattern, parse("* LIST () \"/\" aXb\r\n"), variables).value());
  auto captured = capture_value(std::string("UIDNEXT (\\d+)"), 1, parse("* OK [UIDNEXT 17] x\r\n"), variables);
  EXPECT_EQ(captured.value(), "17");
  EXPECT_EQ(capture_value(std::nullopt, 0, parse("* 3 EXISTS\r\n"), variables).value(), "* 3 EXISTS");
  auto broken = regex_matches("(", "x", variables);
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message.find("does not compile"), std::string::npos);
}

TEST(ResponseMatch, StatusesIncludingNone) {
  imap::Response no = parse("A1 NO nope\r\n");
  EXPECT_TRUE(status_matches({"OK", "NO"}, &no));
  EXPECT_FALSE(status_matches({"OK"}, &no));
  EXPECT_TRUE(status_matches({"NONE"}, nullptr));
  EXPECT_TRUE(status_matches({}, &no));
  EXPECT_EQ(describe_statuses({"NO", "BAD"}), "NO|BAD");
}

}  // namespace
}  // namespace referee::engine
