#include "harness/stress/checker.hpp"

#include <deque>

#include <gtest/gtest.h>

#include "harness/imap/response_parser.hpp"

namespace referee::stress {
namespace {

// Two sessions on one mailbox; responses given as server text.
class CheckerTest : public ::testing::Test {
 protected:
  Checker checker{{"t/m1", "t/m2"}, {"C1", "C2"}};

  std::vector<Finding> exchange(unsigned client, StressCommand command, std::string_view server_text) {
    imap::ResponseParser parser;
    parser.expect_greeting(false);
    parser.feed(server_text);
    responses_.clear();
    imap::Response response;
    imap::ParseFailure failure;
    while (parser.next(response, failure) == imap::ResponseParser::State::response) responses_.push_back(response);
    Exchange seen;
    for (auto& parsed : responses_) {
      if (parsed.kind == imap::ResponseKind::tagged) seen.tagged = &parsed;
      else seen.untagged.push_back(&parsed);
    }
    checker.sent(client, command);
    return checker.done(client, command, seen);
  }

  std::vector<Finding> select(unsigned client, std::string_view text) {
    return exchange(client, {CommandKind::select, "SELECT \"t/m1\""}, text);
  }

  static bool broke(const std::vector<Finding>& findings, const Invariant& which) {
    for (const auto& finding : findings) {
      if (finding.invariant.name == which.name && finding.violation) return true;
    }
    return false;
  }

 private:
  std::deque<imap::Response> responses_;
};

TEST_F(CheckerTest, UidsMustAscendAndStay) {
  select(0, "* 3 EXISTS\r\n* OK [UIDVALIDITY 7] x\r\na1 OK done\r\n");
  auto fine = exchange(0, {CommandKind::fetch, "FETCH 1:* (FLAGS UID)"},
                       "* 1 FETCH (FLAGS () UID 4)\r\n* 2 FETCH (FLAGS () UID 9)\r\na2 OK done\r\n");
  EXPECT_TRUE(fine.empty());
  auto out_of_order = exchange(0, {CommandKind::fetch, "FETCH 3 (FLAGS UID)"},
                               "* 3 FETCH (FLAGS () UID 5)\r\na3 OK done\r\n");
  EXPECT_TRUE(broke(out_of_order, invariant::uid_ascending));
  auto changed = exchange(0, {CommandKind::fetch, "FETCH 2 (FLAGS UID)"},
                          "* 2 FETCH (FLAGS () UID 10)\r\na4 OK done\r\n");
  EXPECT_TRUE(broke(changed, invariant::uid_stable));
}

TEST_F(CheckerTest, MessageNumbersStayWithinTheView) {
  select(0, "* 2 EXISTS\r\na1 OK done\r\n");
  EXPECT_TRUE(broke(exchange(0, {CommandKind::noop, "NOOP"}, "* 3 EXPUNGE\r\na2 OK done\r\n"),
                    invariant::sequence_numbers));
  EXPECT_TRUE(broke(exchange(0, {CommandKind::noop, "NOOP"}, "* 7 FETCH (FLAGS ())\r\na3 OK done\r\n"),
                    invariant::sequence_numbers));
}

TEST_F(CheckerTest, RecentGoesToOneSessionOnly) {
  select(0, "* 1 EXISTS\r\na1 OK done\r\n");
  select(1, "* 1 EXISTS\r\na1 OK done\r\n");
  EXPECT_TRUE(exchange(0, {CommandKind::fetch, "FETCH 1 (FLAGS UID)"},
                       "* 1 FETCH (FLAGS (\\Recent) UID 3)\r\na2 OK done\r\n").empty());
  EXPECT_TRUE(broke(exchange(1, {CommandKind::fetch, "FETCH 1 (FLAGS UID)"},
                             "* 1 FETCH (FLAGS (\\Recent) UID 3)\r\na2 OK done\r\n"),
                    invariant::recent_one_session));
}

TEST_F(CheckerTest, FlagsMatchTheLastStore) {
  select(0, "* 1 EXISTS\r\na1 OK done\r\n");
  select(1, "* 1 EXISTS\r\na1 OK done\r\n");
  exchange(1, {CommandKind::fetch, "FETCH 1 (FLAGS UID)"}, "* 1 FETCH (FLAGS () UID 3)\r\na2 OK done\r\n");
  exchange(0, {CommandKind::store, "STORE 1 +FLAGS (\\Seen)"},
           "* 1 FETCH (FLAGS (\\Seen) UID 3)\r\na2 OK done\r\n");
  EXPECT_TRUE(exchange(1, {CommandKind::fetch, "FETCH 1 (FLAGS UID)"},
                       "* 1 FETCH (FLAGS (\\Seen) UID 3)\r\na3 OK done\r\n").empty());
  EXPECT_TRUE(broke(exchange(1, {CommandKind::fetch, "FETCH 1 (FLAGS UID)"},
                             "* 1 FETCH (FLAGS () UID 3)\r\na4 OK done\r\n"),
                    invariant::flags_converge));
}

TEST_F(CheckerTest, CopyMustReturnPendingExpunges) {
  select(0, "* 2 EXISTS\r\na1 OK done\r\n");
  select(1, "* 2 EXISTS\r\na1 OK done\r\n");
  exchange(1, {CommandKind::fetch, "FETCH 1:* (FLAGS UID)"},
           "* 1 FETCH (FLAGS () UID 1)\r\n* 2 FETCH (FLAGS () UID 2)\r\na2 OK done\r\n");
  exchange(0, {CommandKind::fetch, "FETCH 1:* (FLAGS UID)"},
           "* 1 FETCH (FLAGS () UID 1)\r\n* 2 FETCH (FLAGS () UID 2)\r\na2 OK done\r\n");
  exchange(0, {CommandKind::expunge, "EXPUNGE"}, "* 1 EXPUNGE\r\na3 OK done\r\n");
  auto hidden = exchange(1, {CommandKind::copy, "COPY 2 \"t/m2\""}, "a3 OK done\r\n");
  EXPECT_TRUE(broke(hidden, invariant::pending_expunge_to_copy));
  auto told = exchange(1, {CommandKind::copy, "COPY 1 \"t/m2\""}, "* 1 EXPUNGE\r\na4 OK done\r\n");
  EXPECT_FALSE(broke(told, invariant::pending_expunge_to_copy));
}

TEST_F(CheckerTest, AnAppendIsAnnouncedByTheNextCommand) {
  select(0, "* 1 EXISTS\r\na1 OK done\r\n");
  select(1, "* 1 EXISTS\r\na1 OK done\r\n");
  exchange(1, {CommandKind::append, "APPEND \"t/m1\"", "x"}, "* 2 EXISTS\r\na2 OK done\r\n");
  EXPECT_TRUE(broke(exchange(0, {CommandKind::noop, "NOOP"}, "a2 OK done\r\n"), invariant::appended_announced));
  // Told at the next command: nothing owed any more.
  exchange(1, {CommandKind::append, "APPEND \"t/m1\"", "y"}, "* 3 EXISTS\r\na3 OK done\r\n");
  EXPECT_TRUE(exchange(0, {CommandKind::noop, "NOOP"}, "* 3 EXISTS\r\na3 OK done\r\n").empty());
  EXPECT_TRUE(exchange(0, {CommandKind::noop, "NOOP"}, "a4 OK done\r\n").empty());
}

TEST_F(CheckerTest, AnExpungeExcusesAMissingAnnouncement) {
  select(0, "* 1 EXISTS\r\na1 OK done\r\n");
  select(1, "* 1 EXISTS\r\na1 OK done\r\n");
  exchange(1, {CommandKind::append, "APPEND \"t/m1\" (\\Deleted)", "x"}, "* 2 EXISTS\r\na2 OK done\r\n");
  exchange(1, {CommandKind::expunge, "EXPUNGE"}, "* 2 EXPUNGE\r\na3 OK done\r\n");
  EXPECT_TRUE(exchange(0, {CommandKind::noop, "NOOP"}, "a2 OK done\r\n").empty());
}

TEST_F(CheckerTest, MixedRfc2180AnswersAreInformationWithBothTranscripts) {
  Checker traced{{"t/m1"}, {"C1", "C2"}, [](unsigned client) {
                   return std::vector<std::string>{"transcript of C" + std::to_string(client + 1)};
                 }};
  auto run = [&](unsigned client, StressCommand command, std::string_view text) {
    imap::ResponseParser parser;
    parser.expect_greeting(false);
    parser.feed(text);
    std::deque<imap::Response> responses;
    imap::Response response;
    imap::ParseFailure failure;
    while (parser.next(response, failure) == imap::ResponseParser::State::response) responses.push_back(response);
    Exchange seen;
    for (auto& parsed : responses) {
      if (parsed.kind == imap::ResponseKind::tagged) seen.tagged = &parsed;
      else seen.untagged.push_back(&parsed);
    }
    traced.sent(client, command);
    return traced.done(client, command, seen);
  };
  for (unsigned client : {0u, 1u}) {
    run(client, {CommandKind::select, "SELECT \"t/m1\""}, "* 2 EXISTS\r\na1 OK done\r\n");
    run(client, {CommandKind::fetch, "FETCH 1:* (FLAGS UID)"},
        "* 1 FETCH (FLAGS () UID 1)\r\n* 2 FETCH (FLAGS () UID 2)\r\na2 OK done\r\n");
  }
  run(0, {CommandKind::expunge, "EXPUNGE"}, "* 2 EXPUNGE\r\na3 OK done\r\n");
  StressCommand fetch{CommandKind::fetch, "FETCH 2 (FLAGS UID RFC822.SIZE)"};
  EXPECT_TRUE(run(1, fetch, "a3 NO expunged\r\n").empty());
  EXPECT_TRUE(run(1, fetch, "a4 NO expunged\r\n").empty());
  auto mixed = run(1, fetch, "* 2 FETCH (FLAGS () UID 2 RFC822.SIZE 0)\r\na5 OK done\r\n");
  // The inconsistency (information), and RFC 2180 §4.1.3's SHOULD broken by the NIL answer.
  ASSERT_EQ(mixed.size(), 2u);
  EXPECT_FALSE(mixed[0].violation || mixed[0].warning);
  EXPECT_EQ(mixed[0].invariant.name, invariant::rfc2180_consistent.name);
  EXPECT_EQ(mixed[0].earlier_transcript, std::vector<std::string>{"transcript of C2"});
  EXPECT_NE(mixed[0].observed.find("NIL"), std::string::npos);
  EXPECT_EQ(mixed[1].invariant.name, invariant::only_expunged_fetch_no.name);
  EXPECT_TRUE(mixed[1].warning && !mixed[1].violation);
}

TEST_F(CheckerTest, ARefusedCopyAddsNothing) {
  select(0, "* 1 EXISTS\r\na1 OK done\r\n");
  exchange(1, {CommandKind::select, "SELECT \"t/m2\""}, "* 1 EXISTS\r\na1 OK done\r\n");
  exchange(1, {CommandKind::copy, "COPY 1 \"t/m1\""}, "a2 OK done\r\n");
  EXPECT_TRUE(exchange(0, {CommandKind::noop, "NOOP"}, "* 2 EXISTS\r\na2 OK done\r\n").empty());
  exchange(1, {CommandKind::copy, "COPY 1 \"t/m1\""}, "a3 NO refused\r\n");
  EXPECT_TRUE(broke(exchange(0, {CommandKind::noop, "NOOP"}, "* 3 EXISTS\r\na3 OK done\r\n"),
                    invariant::refused_copy_adds_nothing));
}

TEST_F(CheckerTest, BadToAWellFormedCommandOnly) {
  select(0, "* 2 EXISTS\r\na1 OK done\r\n");
  EXPECT_TRUE(broke(exchange(0, {CommandKind::fetch, "FETCH 2 (FLAGS)"}, "a2 BAD no\r\n"),
                    invariant::no_bad_to_well_formed));
  // RFC 3501 or RFC 2180: a number above the count may get BAD.
  EXPECT_FALSE(broke(exchange(0, {CommandKind::fetch, "FETCH 5 (FLAGS)"}, "a3 BAD no\r\n"),
                     invariant::no_bad_to_well_formed));
}

TEST_F(CheckerTest, ACommandWithoutAnswerBreaksTheDeadline) {
  Exchange nothing;
  nothing.timed_out = true;
  StressCommand noop{CommandKind::noop, "NOOP"};
  checker.sent(0, noop);
  EXPECT_TRUE(broke(checker.done(0, noop, nothing), invariant::answered_in_time));
}

}  // namespace
}  // namespace referee::stress
