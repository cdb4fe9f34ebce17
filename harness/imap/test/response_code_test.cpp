#include "harness/imap/response_code.hpp"

#include <gtest/gtest.h>

#include "harness/imap/test/parse_everywhere.hpp"

namespace referee::imap {
namespace {

using test::parse_one;

ResponseCode code_of(std::string_view line) {
  const Response response = parse_one(line);
  EXPECT_TRUE(response.code.has_value()) << line;
  return response.code.value_or(ResponseCode{});
}

TEST(ResponseCode, GenericStructureKeepsNameTextAndArgs) {
  const ResponseCode code = code_of("* OK [X-VENDOR-THING (a \"b c\") 7] fine\r\n");
  EXPECT_EQ(code.name, "X-VENDOR-THING");
  EXPECT_EQ(code.text, "(a \"b c\") 7");
  ASSERT_EQ(code.args.size(), 2u);
  EXPECT_EQ(code.args[0], Value::list({Value::atom("a"), Value::quoted("b c")}));
  EXPECT_EQ(code.args[1].as_number(), 7u);
}

TEST(ResponseCode, NameIsUpperCasedAndComparedIgnoringCase) {
  const ResponseCode code = code_of("* ok [read-only] selected\r\n");
  EXPECT_EQ(code.name, "READ-ONLY");
  EXPECT_TRUE(code.is("Read-Only"));
  EXPECT_FALSE(code.is("READ-WRITE"));
  EXPECT_TRUE(code.text.empty());
  EXPECT_TRUE(code.args.empty());
}

// RFC 2193 §6: referral_response_code = "[" "REFERRAL" 1*(SPACE <url>) "]"
TEST(ResponseCode, ReferralWithOneUrl) {
  const ResponseCode code = code_of("A1 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/SHARED/FOO] Remote\r\n");
  EXPECT_EQ(code.referral_urls(), std::vector<std::string>{"IMAP://user;AUTH=*@SERVER2/SHARED/FOO"});
}

TEST(ResponseCode, ReferralWithSeveralUrlsKeepsUrlCharactersThatAreNotAtomCharacters) {
  const ResponseCode code =
      code_of("A1 NO [REFERRAL imap://;AUTH=*@127.0.0.1:1143/a%20b imap://u@[::1]:1143/c] x\r\n");
  EXPECT_EQ(code.referral_urls(),
            (std::vector<std::string>{"imap://;AUTH=*@127.0.0.1:1143/a%20b", "imap://u@[::1]:1143/c"}));
}

TEST(ResponseCode, ReferralUrlsEmptyForOtherCodes) {
  EXPECT_TRUE(code_of("* OK [ALERT] x\r\n").referral_urls().empty());
  EXPECT_TRUE(code_of("* OK [REFERRAL] x\r\n").referral_urls().empty());
}

TEST(ResponseCode, Newname) {
  const ResponseCode code = code_of("A1 NO [NEWNAME OldBox \"New Box\"] renamed\r\n");
  EXPECT_EQ(code.newname(), (std::pair<std::string, std::string>{"OldBox", "New Box"}));
  EXPECT_EQ(code_of("A1 NO [NEWNAME OldBox] x\r\n").newname(), std::nullopt);
  EXPECT_EQ(code_of("A1 NO [ALERT OldBox New] x\r\n").newname(), std::nullopt);
}

TEST(ResponseCode, CapabilitiesAreUpperCased) {
  const ResponseCode code = code_of("* OK [CAPABILITY IMAP4rev1 auth=PLAIN LOGIN-REFERRALS] ready\r\n");
  EXPECT_EQ(code.capabilities(), (std::vector<std::string>{"IMAP4REV1", "AUTH=PLAIN", "LOGIN-REFERRALS"}));
  EXPECT_TRUE(code_of("* OK [ALERT] x\r\n").capabilities().empty());
}

TEST(ResponseCode, NumberForUidvalidityUidnextUnseen) {
  EXPECT_EQ(code_of("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n").number(), 3857529045u);
  EXPECT_EQ(code_of("* OK [UIDNEXT 4392] Predicted next UID\r\n").number(), 4392u);
  EXPECT_EQ(code_of("* OK [UNSEEN 17] Message 17 is the first unseen message\r\n").number(), 17u);
  EXPECT_EQ(code_of("* OK [UIDNEXT 0] zero is not nz-number\r\n").number(), std::nullopt);
  EXPECT_EQ(code_of("* OK [UIDNEXT 4294967296] too big\r\n").number(), std::nullopt);
  EXPECT_EQ(code_of("* OK [UIDNEXT abc] not a number\r\n").number(), std::nullopt);
}

TEST(ResponseCode, PermanentFlags) {
  const ResponseCode code = code_of("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n");
  EXPECT_EQ(code.flags(), (std::vector<std::string>{"\\Deleted", "\\Seen", "\\*"}));
  EXPECT_TRUE(code_of("* OK [PERMANENTFLAGS ()] none\r\n").flags().empty());
}

TEST(ResponseCode, ArgsThatDoNotParseAreLeftEmptyWithTextKept) {
  // RFC 2193's example sends "[PERMANENTFLAGS (Answered Deleted Seen ]": the list never closes.
  const ResponseCode code = code_of("* OK [PERMANENTFLAGS (Answered Deleted Seen ]\r\n");
  EXPECT_EQ(code.name, "PERMANENTFLAGS");
  EXPECT_EQ(code.text, "(Answered Deleted Seen ");
  EXPECT_TRUE(code.args.empty());
  EXPECT_TRUE(code.flags().empty());
}

// RFC 3501 §7.1 and RFC 5530 §3: codes without arguments are recognised by name.
TEST(ResponseCode, NamedCodesWithoutArguments) {
  for (const char* name : {"ALERT", "PARSE", "READ-ONLY", "READ-WRITE", "TRYCREATE", "UNAVAILABLE",
                           "AUTHENTICATIONFAILED", "AUTHORIZATIONFAILED", "EXPIRED", "PRIVACYREQUIRED",
                           "CONTACTADMIN", "NOPERM", "INUSE", "EXPUNGEISSUED", "CORRUPTION", "SERVERBUG",
                           "CLIENTBUG", "CANNOT", "LIMIT", "OVERQUOTA", "ALREADYEXISTS", "NONEXISTENT"}) {
    const ResponseCode code = code_of(std::string("A1 NO [") + name + "] text\r\n");
    EXPECT_TRUE(code.is(name)) << name;
    EXPECT_EQ(code.name, name);
  }
}

}  // namespace
}  // namespace referee::imap
