// Every server line ("S:" and its continuation lines) in the examples of RFC 2193, RFC 2221
// and RFC 2180, with the structure it must parse to. The RFC files are read when present
// (REFEREE_SOURCE_DIR/../shared/rfcs) to prove this table misses none of their lines.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "harness/imap/response_parser.hpp"
#include "harness/imap/test/parse_everywhere.hpp"
#include "harness/imap/untagged.hpp"

namespace referee::imap {
namespace {

struct ExpectedLine {
  std::string text;  // as printed, continuation lines joined by one SP
  ResponseKind kind = ResponseKind::untagged;
  std::string tag;
  Status status = Status::none;
  std::string code_name;  // empty: no response code
  std::vector<std::string> referral_urls;
  std::optional<std::uint32_t> code_number;
  std::string resp_text;
  std::optional<std::uint32_t> number;  // untagged data
  std::string name;
  std::vector<Value> data;
};

ExpectedLine tagged(std::string text, std::string tag, Status status, std::string resp_text) {
  ExpectedLine line;
  line.text = std::move(text);
  line.kind = ResponseKind::tagged;
  line.tag = std::move(tag);
  line.status = status;
  line.resp_text = std::move(resp_text);
  line.name = status == Status::ok ? "OK" : "NO";
  return line;
}

ExpectedLine referral(std::string text, std::string tag, Status status, std::vector<std::string> urls,
                      std::string resp_text) {
  ExpectedLine line = tagged(std::move(text), std::move(tag), status, std::move(resp_text));
  line.code_name = "REFERRAL";
  line.referral_urls = std::move(urls);
  return line;
}

ExpectedLine untagged_status(std::string text, Status status, std::string code_name, std::string resp_text) {
  ExpectedLine line;
  line.text = std::move(text);
  line.status = status;
  line.code_name = std::move(code_name);
  line.resp_text = std::move(resp_text);
  line.name = status == Status::bye ? "BYE" : "OK";
  return line;
}

ExpectedLine untagged_data(std::string text, std::optional<std::uint32_t> number, std::string name,
                           std::vector<Value> data = {}) {
  ExpectedLine line;
  line.text = std::move(text);
  line.number = number;
  line.name = std::move(name);
  line.data = std::move(data);
  return line;
}

ExpectedLine numbered(std::string text, std::uint32_t number, std::string name, std::vector<Value> data = {}) {
  return untagged_data(std::move(text), number, std::move(name), std::move(data));
}

const std::string server2 = "IMAP://user;AUTH=*@SERVER2/";

ExpectedLine with_code_number(ExpectedLine line, std::uint32_t number) {
  line.code_number = number;
  return line;
}

ExpectedLine read_write(std::string tag) {
  ExpectedLine line = tagged(tag + " OK [READ-WRITE] Selected completed", tag, Status::ok, "Selected completed");
  line.code_name = "READ-WRITE";
  return line;
}

Value atom_list(std::initializer_list<const char*> names) {
  std::vector<Value> atoms;
  for (const char* name : names) atoms.push_back(Value::atom(name));
  return Value::list(std::move(atoms));
}

// RFC 2193 §4.1: the responses to SELECT, FETCH and LOGOUT on the two servers.
std::vector<ExpectedLine> rfc2193_session_lines() {
  const Value dot = Value::atom(".");
  return {
      untagged_status("* OK IMAP4rev1 server ready", Status::ok, "", "IMAP4rev1 server ready"),
      tagged("B001 OK user is authenticated", "B001", Status::ok, "user is authenticated"),
      tagged("B002 OK DELETE completed", "B002", Status::ok, "DELETE completed"),
      numbered("* 12 EXISTS", 12, "EXISTS"),
      numbered("* 1 RECENT", 1, "RECENT"),
      with_code_number(untagged_status("* OK [UNSEEN 10] Message 10 is first unseen", Status::ok, "UNSEEN",
                                       "Message 10 is first unseen"), 10),
      with_code_number(untagged_status("* OK [UIDVALIDITY 123456789]", Status::ok, "UIDVALIDITY", ""), 123456789),
      untagged_data("* FLAGS (Answered Flagged Deleted Seen Draft)", std::nullopt, "FLAGS",
                    {atom_list({"Answered", "Flagged", "Deleted", "Seen", "Draft"})}),
      // The RFC's list never closes: the code keeps its text, its args do not parse.
      untagged_status("* OK [PERMANENTFLAGS (Answered Deleted Seen ]", Status::ok, "PERMANENTFLAGS", ""),
      read_write("B002"),
      // "FETCH . . ." elides the data; the dots are atoms.
      numbered("* 10 FETCH . . .", 10, "FETCH", {dot, dot, dot}),
      numbered("* 11 FETCH . . .", 11, "FETCH", {dot, dot, dot}),
      numbered("* 12 FETCH . . .", 12, "FETCH", {dot, dot, dot}),
      tagged("B003 OK FETCH Completed", "B003", Status::ok, "FETCH Completed"),
      untagged_status("* BYE IMAP4rev1 server logging out", Status::bye, "", "IMAP4rev1 server logging out"),
      tagged("B004 OK LOGOUT Completed", "B004", Status::ok, "LOGOUT Completed"),
      numbered("* 16 EXISTS", 16, "EXISTS"),
      numbered("* 2 RECENT", 2, "RECENT"),
      read_write("A002"),
      tagged("A001 OK CREATE succeeded", "A001", Status::ok, "CREATE succeeded"),
  };
}

// RFC 2193 §4.1 - §4.4: the referrals.
std::vector<ExpectedLine> rfc2193_referral_lines() {
  return {
      referral("A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/SHARED/FOO] Remote mailbox. Try SERVER2.", "A001",
               Status::no, {server2 + "SHARED/FOO"}, "Remote mailbox. Try SERVER2."),
      referral("A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/REMOTE IMAP://user;AUTH=*@SERVER3/REMOTE] Remote "
               "mailbox. Try SERVER2 or SERVER3.", "A001", Status::no,
               {server2 + "REMOTE", "IMAP://user;AUTH=*@SERVER3/REMOTE"}, "Remote mailbox. Try SERVER2 or SERVER3."),
      referral("A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/SHARED/FOO] Mailbox should be created on remote "
               "server", "A001", Status::no, {server2 + "SHARED/FOO"}, "Mailbox should be created on remote server"),
      referral("A002 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/SHARED/FOO] Remote mailbox.  Try SERVER2", "A002",
               Status::no, {server2 + "SHARED/FOO"}, "Remote mailbox.  Try SERVER2"),
      referral("A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER1/FOO IMAP://user;AUTH=*@SERVER2/BAR] Unable to "
               "rename mailbox across servers", "A001", Status::no,
               {"IMAP://user;AUTH=*@SERVER1/FOO", server2 + "BAR"}, "Unable to rename mailbox across servers"),
      referral("A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/FOO IMAP://user;AUTH=*@SERVER2/BAR] Unable to "
               "rename mailbox located on SERVER2", "A001", Status::no, {server2 + "FOO", server2 + "BAR"},
               "Unable to rename mailbox located on SERVER2"),
      referral("A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/SHARED/STUFF] Unable to copy message(s) to SERVER2.",
               "A001", Status::no, {server2 + "SHARED/STUFF"}, "Unable to copy message(s) to SERVER2."),
  };
}

// RFC 2221 §4.1, §4.2
std::vector<ExpectedLine> rfc2221_lines() {
  ExpectedLine bye = untagged_status("* BYE [REFERRAL IMAP://user;AUTH=*@SERVER2/] Server not accepting "
                                     "connections.  Try SERVER2", Status::bye, "REFERRAL",
                                     "Server not accepting connections.  Try SERVER2");
  bye.referral_urls = {server2};
  return {
      referral("A001 NO [REFERRAL IMAP://MIKE@SERVER2/] Specified user is invalid on this server. Try SERVER2.",
               "A001", Status::no, {"IMAP://MIKE@SERVER2/"}, "Specified user is invalid on this server. Try SERVER2."),
      referral("A001 OK [REFERRAL IMAP://MATTHEW@SERVER2/] Specified user's personal mailboxes located on Server2, "
               "but public mailboxes are available.", "A001", Status::ok, {"IMAP://MATTHEW@SERVER2/"},
               "Specified user's personal mailboxes located on Server2, but public mailboxes are available."),
      referral("A001 NO [REFERRAL IMAP://user;AUTH=GSSAPI@SERVER2/] Specified user is invalid on this server. Try "
               "SERVER2.", "A001", Status::no, {"IMAP://user;AUTH=GSSAPI@SERVER2/"},
               "Specified user is invalid on this server. Try SERVER2."),
      bye,
  };
}

// RFC 2180 §4.4.1, §4.4.2
std::vector<ExpectedLine> rfc2180_lines() {
  return {
      numbered("* 4 EXPUNGE", 4, "EXPUNGE"),
      tagged("A001 NO COPY rejected, because some of the requested messages were expunged", "A001", Status::no,
             "COPY rejected, because some of the requested messages were expunged"),
      numbered("* 3 EXPUNGE", 3, "EXPUNGE"),
      tagged("A001 OK COPY completed", "A001", Status::ok, "COPY completed"),
  };
}

std::vector<ExpectedLine> expected_lines() {
  std::vector<ExpectedLine> lines;
  for (auto part : {rfc2193_session_lines(), rfc2193_referral_lines(), rfc2221_lines(), rfc2180_lines()}) {
    lines.insert(lines.end(), part.begin(), part.end());
  }
  return lines;
}

void expect_structure(const Response& response, const ExpectedLine& expected) {
  EXPECT_EQ(response.raw, expected.text + "\r\n");
  EXPECT_EQ(response.kind, expected.kind);
  EXPECT_EQ(response.tag, expected.tag);
  EXPECT_EQ(response.status, expected.status);
  EXPECT_EQ(response.name, expected.name);
  EXPECT_EQ(response.number, expected.number);
  EXPECT_EQ(response.data, expected.data);
  EXPECT_EQ(response.text, expected.resp_text);
  ASSERT_EQ(response.code.has_value(), !expected.code_name.empty());
  if (!response.code) return;
  EXPECT_EQ(response.code->name, expected.code_name);
  EXPECT_EQ(response.code->referral_urls(), expected.referral_urls);
  EXPECT_EQ(response.code->number(), expected.code_number);
}

TEST(RfcExamples, EveryServerLineParsesToItsStructure) {
  for (const ExpectedLine& expected : expected_lines()) {
    SCOPED_TRACE(expected.text);
    const Response response = test::parse_one(expected.text + "\r\n");
    expect_structure(response, expected);
  }
}

TEST(RfcExamples, AllLinesAsOneSessionStreamSplitEverywhere) {
  std::string stream;
  const auto lines = expected_lines();
  for (const auto& line : lines) stream += line.text + "\r\n";
  const auto outcomes = test::parse_everywhere(stream);
  ASSERT_EQ(outcomes.size(), lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    SCOPED_TRACE(lines[i].text);
    ASSERT_TRUE(outcomes[i].response);
    expect_structure(*outcomes[i].response, lines[i]);
  }
}

TEST(RfcExamples, Rfc2221ByeReferralIsAValidGreeting) {
  const Response response = test::parse_one(
      "* BYE [REFERRAL IMAP://user;AUTH=*@SERVER2/] Server not accepting connections.  Try SERVER2\r\n",
      test::ParseOptions{.greeting = true});
  EXPECT_EQ(response.status, Status::bye);
}

// RFC 2180 §4.1.3 "NIL FETCH responses". Two of the RFC's lines never close their msg-att
// list: a server sending them is sending a response that does not parse.
TEST(RfcExamples, Rfc2180NilFetchResponses) {
  const std::vector<std::pair<std::string, std::string>> well_formed = {
      {"* 1 FETCH (ENVELOPE (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL))\r\n", "ENVELOPE"},
      {"* 1 FETCH (FLAGS ())\r\n", "FLAGS"},
      {"* 1 FETCH (INTERNALDATE \"00-Jan-0000 00:00:00 +0000\")\r\n", "INTERNALDATE"},
      {"* 1 FETCH (RFC822 \"\")\r\n", "RFC822"},
      {"* 1 FETCH (RFC822.HEADER \"\")\r\n", "RFC822.HEADER"},
      {"* 1 FETCH (RFC822.TEXT \"\")\r\n", "RFC822.TEXT"},
      {"* 1 FETCH (RFC822.SIZE 0)\r\n", "RFC822.SIZE"},
      {"* 1 FETCH (BODY[<section>] \"\")\r\n", "BODY[<SECTION>]"},
      {"* 1 FETCH (BODY[<section>]<partial> \"\")\r\n", "BODY[<SECTION>]<PARTIAL>"},
  };
  for (const auto& [line, item] : well_formed) {
    const auto fetch = as_fetch(test::parse_one(line));
    ASSERT_TRUE(fetch) << line;
    EXPECT_EQ(fetch->sequence, 1u);
    ASSERT_EQ(fetch->items.size(), 1u) << line;
    EXPECT_TRUE(fetch->items.contains(item)) << line;
  }
  const auto envelope = as_fetch(test::parse_one(well_formed[0].first))->items.at("ENVELOPE");
  EXPECT_EQ(envelope, Value::list(std::vector<Value>(10, Value::nil())));
  for (const char* line : {"* 1 FETCH (BODY (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 0 0)\r\n",
                           "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 0 0)\r\n"}) {
    EXPECT_EQ(test::fail_one(line).code, make_error_code(parse_error::unbalanced_parentheses)) << line;
  }
}

// Server lines of the RFC text: "S: " lines plus the deeper-indented lines that continue them.
std::vector<std::string> server_lines_of(const std::filesystem::path& rfc) {
  std::ifstream file(rfc);
  std::vector<std::string> lines;
  for (std::string line; std::getline(file, line);) lines.push_back(line);
  const std::regex server_line(R"(^(\s*(?:Example:\s*)?)S: (.*?)\s*$)");
  std::vector<std::string> found;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::smatch match;
    if (!std::regex_match(lines[i], match, server_line)) continue;
    const std::size_t column = match[1].length();
    std::string text = match[2];
    while (i + 1 < lines.size()) {
      const std::string& next = lines[i + 1];
      const std::size_t indent = next.find_first_not_of(' ');
      if (indent == std::string::npos || indent <= column || next.compare(indent, 2, "C:") == 0 ||
          next.compare(indent, 2, "S:") == 0 || next[indent] == '<') {
        break;
      }
      text += ' ' + next.substr(indent, next.find_last_not_of(' ') + 1 - indent);
      ++i;
    }
    found.push_back(text);
  }
  return found;
}

TEST(RfcExamples, TableCoversEveryServerLineOfTheRfcTexts) {
  const char* source_dir = std::getenv("REFEREE_SOURCE_DIR");
  ASSERT_NE(source_dir, nullptr) << "ctest sets REFEREE_SOURCE_DIR";
  const std::filesystem::path rfcs = std::filesystem::path(source_dir) / ".." / "shared" / "rfcs";
  if (!std::filesystem::exists(rfcs / "rfc2193.txt")) GTEST_SKIP() << "RFC texts not found under " << rfcs;
  std::set<std::string> in_rfcs;
  std::size_t count = 0;
  for (const char* name : {"rfc2193.txt", "rfc2221.txt", "rfc2180.txt"}) {
    for (auto& line : server_lines_of(rfcs / name)) {
      in_rfcs.insert(line);
      ++count;
    }
  }
  EXPECT_EQ(count, 43u);  // 33 in RFC 2193, 4 in RFC 2221, 6 in RFC 2180 (with repeats)
  std::set<std::string> in_table;
  for (const auto& expected : expected_lines()) in_table.insert(expected.text);
  EXPECT_EQ(in_rfcs, in_table);
}

}  // namespace
}  // namespace referee::imap
