// Every RFC 3501 §9 grammar element the response parser implements, fed split at every byte.
#include "harness/imap/response_grammar.hpp"

#include <gtest/gtest.h>

#include "harness/imap/test/parse_everywhere.hpp"

namespace referee::imap {
namespace {

using test::fail_one;
using test::parse_one;
using test::ParseOptions;

std::string literal(std::string_view bytes) { return "{" + std::to_string(bytes.size()) + "}\r\n" + std::string(bytes); }

void expect_failure(std::string_view input, parse_error code, std::size_t offset) {
  const ParseFailure failure = fail_one(input);
  EXPECT_EQ(failure.code, make_error_code(code)) << input << "\n" << failure.message;
  EXPECT_EQ(failure.offset, offset) << input << "\n" << failure.message;
  EXPECT_EQ(failure.raw, input);
  EXPECT_FALSE(failure.message.empty());
}

// greeting = "*" SP (resp-cond-auth / resp-cond-bye) CRLF
TEST(Greeting, OkPreauthBye) {
  const ParseOptions greeting{.greeting = true};
  Response response = parse_one("* OK IMAP4rev1 server ready\r\n", greeting);
  EXPECT_EQ(response.kind, ResponseKind::untagged);
  EXPECT_EQ(response.status, Status::ok);
  EXPECT_EQ(response.name, "OK");
  EXPECT_EQ(response.text, "IMAP4rev1 server ready");
  EXPECT_FALSE(response.code);
  response = parse_one("* PREAUTH [CAPABILITY IMAP4rev1] Logged in as Smith\r\n", greeting);
  EXPECT_EQ(response.status, Status::preauth);
  EXPECT_TRUE(response.code && response.code->is("CAPABILITY"));
  EXPECT_EQ(response.text, "Logged in as Smith");
  response = parse_one("* BYE Autologout; idle for too long\r\n", greeting);
  EXPECT_EQ(response.status, Status::bye);
}

TEST(Greeting, AnythingElseIsBadGreetingAndOnlyTheFirstResponseIsAGreeting) {
  const ParseOptions greeting{.greeting = true};
  for (std::string_view line : {"* 1 EXISTS\r\n", "A1 OK done\r\n", "+ go\r\n", "* NO busy\r\n", "* BAD x\r\n"}) {
    const ParseFailure failure = fail_one(line, greeting);
    EXPECT_EQ(failure.code, make_error_code(parse_error::bad_greeting)) << line;
    EXPECT_EQ(failure.offset, 0u);
  }
  const auto outcomes = test::parse_everywhere("A1 OK done\r\nA2 OK done\r\n", greeting);
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_TRUE(outcomes[0].failure);
  EXPECT_TRUE(outcomes[1].response);
}

// response-tagged = tag SP resp-cond-state CRLF; resp-cond-state = ("OK" / "NO" / "BAD") SP resp-text
TEST(Tagged, StatusTagTextAndRaw) {
  const Response response = parse_one("A001 OK LOGIN completed\r\n");
  EXPECT_EQ(response.kind, ResponseKind::tagged);
  EXPECT_TRUE(response.is_tagged("A001"));
  EXPECT_FALSE(response.is_tagged("A002"));
  EXPECT_TRUE(response.is_status());
  EXPECT_EQ(response.status, Status::ok);
  EXPECT_EQ(response.text, "LOGIN completed");
  EXPECT_EQ(response.raw, "A001 OK LOGIN completed\r\n");
  EXPECT_EQ(parse_one("a.2 no [TRYCREATE] no such mailbox\r\n").status, Status::no);
  EXPECT_EQ(parse_one("x BAD command unknown\r\n").status, Status::bad);
}

TEST(Tagged, LenientMissingOrEmptyText) {
  EXPECT_EQ(parse_one("A3 OK\r\n").text, "");
  EXPECT_EQ(parse_one("A3 OK \r\n").text, "");
  EXPECT_EQ(parse_one("A3 OK [READ-WRITE]\r\n").code->name, "READ-WRITE");
  EXPECT_EQ(parse_one("A3 OK [READ-WRITE]done\r\n").text, "done");
}

TEST(Tagged, TextKeepsEightBitBytesAndBrackets) {
  EXPECT_EQ(parse_one("A1 NO Gr\xc3\xbc\xc3\x9f [x] {5}\r\n").text, "Gr\xc3\xbc\xc3\x9f [x] {5}");
}

// tag = 1*<any ASTRING-CHAR except "+">
TEST(Tagged, BadTagAndBadStatus) {
  expect_failure("A{1 OK x\r\n", parse_error::bad_tag, 1);
  expect_failure("A+1 OK x\r\n", parse_error::bad_tag, 1);
  expect_failure("(A OK x\r\n", parse_error::bad_tag, 0);
  expect_failure("A1 PREAUTH x\r\n", parse_error::bad_status, 3);
  expect_failure("A1 BYE x\r\n", parse_error::bad_status, 3);
  expect_failure("A1 FETCH x\r\n", parse_error::bad_status, 3);
  expect_failure("A1\r\n", parse_error::missing_space, 2);
  expect_failure("A1 \r\n", parse_error::unexpected_character, 3);
}

// continue-req = "+" SP (resp-text / base64) CRLF
TEST(Continuation, TextBase64AndBare) {
  Response response = parse_one("+ Ready for additional command text\r\n");
  EXPECT_EQ(response.kind, ResponseKind::continuation);
  EXPECT_EQ(response.status, Status::none);
  EXPECT_EQ(response.text, "Ready for additional command text");
  response = parse_one("+ YGgGCSqGSIb3EgECAgIBAAD/////6jcyG4GE3KkTzBeBiVHeceP2CWY0SR0fAQAgAAQEBAQ=\r\n");
  EXPECT_EQ(response.text, "YGgGCSqGSIb3EgECAgIBAAD/////6jcyG4GE3KkTzBeBiVHeceP2CWY0SR0fAQAgAAQEBAQ=");
  EXPECT_EQ(parse_one("+\r\n").text, "");
  EXPECT_EQ(parse_one("+ \r\n").text, "");
  response = parse_one("+ [ALERT] go ahead\r\n");
  EXPECT_TRUE(response.code && response.code->is("ALERT"));
  EXPECT_EQ(response.text, "go ahead");
}

// resp-cond-state / resp-cond-bye untagged; keywords are case-insensitive
TEST(UntaggedStatus, AllStatusesAndLowerCase) {
  EXPECT_EQ(parse_one("* NO Disk is 98% full, please delete unnecessary data\r\n").status, Status::no);
  EXPECT_EQ(parse_one("* BAD Empty command line\r\n").status, Status::bad);
  EXPECT_EQ(parse_one("* bye logging out\r\n").status, Status::bye);
  const Response response = parse_one("* ok [uidnext 4] Predicted next UID\r\n");
  EXPECT_EQ(response.status, Status::ok);
  EXPECT_EQ(response.name, "OK");
  EXPECT_EQ(response.code->name, "UIDNEXT");
  EXPECT_EQ(response.code->number(), 4u);
}

TEST(UntaggedStatus, TextEndingLikeALiteralIsText) {
  const auto outcomes = test::parse_everywhere("* OK see {5}\r\n* 1 EXISTS\r\nA1 NO x {3}\r\n");
  ASSERT_EQ(outcomes.size(), 3u);
  EXPECT_EQ(outcomes[0].response->text, "see {5}");
  EXPECT_EQ(outcomes[1].response->name, "EXISTS");
  EXPECT_EQ(outcomes[2].response->text, "x {3}");
}

// message-data = nz-number SP ("EXPUNGE" / ("FETCH" SP msg-att)); number SP "EXISTS" / "RECENT"
TEST(UntaggedData, NumberedData) {
  Response response = parse_one("* 23 EXISTS\r\n");
  EXPECT_EQ(response.kind, ResponseKind::untagged);
  EXPECT_EQ(response.status, Status::none);
  EXPECT_FALSE(response.is_status());
  EXPECT_EQ(response.number, 23u);
  EXPECT_EQ(response.name, "EXISTS");
  EXPECT_TRUE(response.is_untagged("exists"));
  EXPECT_TRUE(response.data.empty());
  EXPECT_EQ(parse_one("* 5 recent\r\n").name, "RECENT");
  EXPECT_EQ(parse_one("* 4294967295 EXPUNGE\r\n").number, 4294967295u);
  expect_failure("* 4294967296 EXISTS\r\n", parse_error::bad_number, 2);
  expect_failure("* 12a EXISTS\r\n", parse_error::bad_number, 2);
  expect_failure("* 12\r\n", parse_error::missing_space, 4);
}

TEST(UntaggedData, NamedDataKeepsValues) {
  const Response response = parse_one("* CAPABILITY IMAP4rev1 STARTTLS AUTH=GSSAPI\r\n");
  EXPECT_EQ(response.name, "CAPABILITY");
  EXPECT_FALSE(response.number);
  EXPECT_EQ(response.data, (std::vector<Value>{Value::atom("IMAP4rev1"), Value::atom("STARTTLS"),
                                               Value::atom("AUTH=GSSAPI")}));
  EXPECT_EQ(parse_one("* SEARCH\r\n").data.size(), 0u);
  EXPECT_EQ(parse_one("* SEARCH 1 2 \r\n").data.size(), 2u);  // trailing SP tolerated
}

// atom = 1*ATOM-CHAR; flags begin with "\"; number = 1*DIGIT; nil = "NIL"
TEST(Values, AtomsNumbersNil) {
  const Response response = parse_one("* X \\Seen $Junk \\* 42 018446744073709551615 99999999999999999999 nil NIL\r\n");
  ASSERT_EQ(response.data.size(), 8u);
  EXPECT_TRUE(response.data[0].is_atom("\\SEEN"));
  EXPECT_TRUE(response.data[1].is_atom("$Junk"));
  EXPECT_TRUE(response.data[2].is_atom("\\*"));
  EXPECT_EQ(response.data[3].as_number(), 42u);
  EXPECT_EQ(response.data[4].as_number(), 18446744073709551615u);
  EXPECT_EQ(response.data[4].text, "018446744073709551615");
  EXPECT_EQ(response.data[5].kind, ValueKind::atom);  // beyond 64 bits: still a valid astring
  EXPECT_TRUE(response.data[6].is_nil());
  EXPECT_TRUE(response.data[7].is_nil());
}

// quoted = DQUOTE *QUOTED-CHAR DQUOTE; QUOTED-CHAR = ... / "\" quoted-specials
TEST(Values, QuotedStringsWithEscapes) {
  const Response response = parse_one("* X \"\" \"a \\\"b\\\" \\\\c\" \"(not a list)\" \"NIL\"\r\n");
  ASSERT_EQ(response.data.size(), 4u);
  EXPECT_EQ(response.data[0], Value::quoted(""));
  EXPECT_EQ(response.data[1], Value::quoted("a \"b\" \\c"));
  EXPECT_EQ(response.data[2], Value::quoted("(not a list)"));
  EXPECT_EQ(response.data[3], Value::quoted("NIL"));
  expect_failure("* X \"abc\r\n", parse_error::unterminated_quoted, 4);
  expect_failure("* X \"abc\\\r\n", parse_error::unterminated_quoted, 4);
  expect_failure(std::string("* X \"a\0b\"\r\n", 11), parse_error::unexpected_character, 6);
}

// literal = "{" number "}" CRLF *CHAR8; literal8 = "~{" number "}" CRLF *OCTET (RFC 3516)
TEST(Values, LiteralsAndLiteral8) {
  const std::string binary("\0\1\r\n)\xff", 6);
  const Response response =
      parse_one("* X " + literal("") + " " + literal("a\r\nb") + " ~" + literal(binary) + " " + literal(") {2}") + "\r\n");
  ASSERT_EQ(response.data.size(), 4u);
  EXPECT_EQ(response.data[0], Value::literal(""));
  EXPECT_EQ(response.data[1], Value::literal("a\r\nb"));
  EXPECT_EQ(response.data[2], Value::literal(binary, true));
  EXPECT_EQ(response.data[3], Value::literal(") {2}"));
  EXPECT_EQ(response.raw, "* X " + literal("") + " " + literal("a\r\nb") + " ~" + literal(binary) + " " +
                              literal(") {2}") + "\r\n");
}

TEST(Values, MalformedLiterals) {
  expect_failure("* X {3x}\r\n", parse_error::bad_literal, 6);
  expect_failure("* X {}\r\n", parse_error::bad_literal, 4);
  expect_failure("* X {3}abc\r\n", parse_error::bad_literal, 6);
  expect_failure("* X {3+}\r\n", parse_error::bad_literal, 6);  // LITERAL+ is for clients only
  // A size beyond 64 bits is caught while framing: the line is dropped.
  expect_failure("* X {99999999999999999999999}\r\n", parse_error::bad_literal, 4);
}

// "(" [value *(SP value)] ")" nested, as in body, envelope, msg-att
TEST(Values, NestedLists) {
  const Response response = parse_one("* X () (a (b (c \"d\")) NIL) (x )\r\n");
  ASSERT_EQ(response.data.size(), 3u);
  EXPECT_EQ(response.data[0], Value::list({}));
  EXPECT_EQ(response.data[1],
            Value::list({Value::atom("a"),
                         Value::list({Value::atom("b"), Value::list({Value::atom("c"), Value::quoted("d")})}),
                         Value::nil()}));
  EXPECT_EQ(response.data[2], Value::list({Value::atom("x")}));  // "(x )": trailing SP tolerated
}

TEST(Values, StructuralErrors) {
  expect_failure("* 1 FETCH (UID 1\r\n", parse_error::unbalanced_parentheses, 16);
  expect_failure("* 1 FETCH (UID 1))\r\n", parse_error::unbalanced_parentheses, 17);
  expect_failure("* X )\r\n", parse_error::unbalanced_parentheses, 4);
  expect_failure("* 1 FETCH (UID 1)x\r\n", parse_error::missing_space, 17);
  expect_failure("* 1 FETCH (UID  1)\r\n", parse_error::unexpected_character, 15);
  expect_failure("* X a\"b\"\r\n", parse_error::missing_space, 5);
  expect_failure("* X \x01\r\n", parse_error::unexpected_character, 4);
  expect_failure("* X a\rb\r\n", parse_error::unexpected_character, 5);
  expect_failure("*X\r\n", parse_error::missing_space, 1);
  expect_failure("* \r\n", parse_error::unexpected_character, 2);
}

// section = "[" [section-spec] "]"; "BODY" section ["<" number ">"]: one item name
TEST(Values, FetchSectionsAreOneAtom) {
  const Response response = parse_one(
      "* 1 FETCH (BODY[HEADER.FIELDS (FROM \"X-]\")] NIL BODY[]<10> NIL BINARY[1.2] NIL BODY[<section>]<partial> NIL)\r\n");
  ASSERT_EQ(response.data.size(), 1u);
  const auto& items = response.data[0].items;
  ASSERT_EQ(items.size(), 8u);
  EXPECT_TRUE(items[0].is_atom("BODY[HEADER.FIELDS (FROM \"X-]\")]"));
  EXPECT_TRUE(items[2].is_atom("BODY[]<10>"));
  EXPECT_TRUE(items[4].is_atom("BINARY[1.2]"));
  EXPECT_TRUE(items[6].is_atom("BODY[<section>]<partial>"));
}

TEST(Values, UnclosedBracketIsAnOrdinaryAtomCharacter) {
  EXPECT_EQ(parse_one("* LIST () \"/\" foo[bar\r\n").data[2], Value::atom("foo[bar"));
}

// resp-text = ["[" resp-text-code "]" SP] text
TEST(ResponseText, MalformedCodes) {
  expect_failure("* OK [ALERT hi\r\n", parse_error::bad_response_code, 5);
  expect_failure("* OK [] x\r\n", parse_error::bad_response_code, 6);
  expect_failure("A1 NO [ x] y\r\n", parse_error::bad_response_code, 7);
  expect_failure(std::string("* OK a\0b\r\n", 10), parse_error::unexpected_character, 6);
  expect_failure("* OK a\rb\r\n", parse_error::unexpected_character, 6);
  expect_failure("* OK[ALERT] x\r\n", parse_error::missing_space, 4);
}

TEST(ResponseText, CodeWithIpv6ReferralStaysWhole) {
  const Response response = parse_one("A1 NO [REFERRAL imap://;AUTH=*@[::1]:4143/INBOX] go there\r\n");
  EXPECT_EQ(response.code->referral_urls(), std::vector<std::string>{"imap://;AUTH=*@[::1]:4143/INBOX"});
  EXPECT_EQ(response.text, "go there");
}

// The RFC 3501 §7.4.2 FETCH example: ENVELOPE and BODY as nested Values.
TEST(UntaggedData, FetchWithEnvelopeAndBody) {
  const Response response = parse_one(
      "* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286 "
      "ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\" "
      "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
      "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((NIL NIL \"imap\" \"cac.washington.edu\")) "
      "((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL "
      "\"<B27397-0100000@cac.washington.edu>\") BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92))\r\n");
  ASSERT_EQ(response.data.size(), 1u);
  const auto& items = response.data[0].items;
  ASSERT_EQ(items.size(), 10u);
  const Value& envelope = items[7];
  ASSERT_EQ(envelope.items.size(), 10u);
  EXPECT_EQ(envelope.items[1].as_string(), "IMAP4rev1 WG mtg summary and minutes");
  EXPECT_EQ(envelope.items[6].items.size(), 2u);  // two cc addresses, no SP between them
  EXPECT_EQ(envelope.items[6].items[1].items[2].as_string(), "KLENSIN");
  EXPECT_TRUE(envelope.items[7].is_nil());
  EXPECT_EQ(items[9].items[6].as_number(), 3028u);
}

}  // namespace
}  // namespace referee::imap
