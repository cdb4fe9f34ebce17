#include "harness/imap/mailbox_name.hpp"

#include <gtest/gtest.h>

namespace referee::imap {
namespace {

// RFC 3501 §5.1.3: '"~peter/mail/&U,BTFw-/&ZeVnLIqe-" ... "~peter/mail/台北/日本語"'.
const std::string kRfcUtf8 =
    "~peter/mail/\xE5\x8F\xB0\xE5\x8C\x97/\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E";
const std::string kRfcModifiedUtf7 = "~peter/mail/&U,BTFw-/&ZeVnLIqe-";

boost::system::error_code error_of(std::string_view mutf7) {
  auto decoded = decode_mailbox_name(mutf7);
  EXPECT_FALSE(decoded) << mutf7 << " decoded to " << (decoded ? *decoded : "");
  return decoded ? boost::system::error_code{} : decoded.error();
}

TEST(MailboxName, RfcExampleBothWays) {
  EXPECT_EQ(encode_mailbox_name(kRfcUtf8), kRfcModifiedUtf7);
  auto decoded = decode_mailbox_name(kRfcModifiedUtf7);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, kRfcUtf8);
}

TEST(MailboxName, AsciiAndAmpersand) {
  EXPECT_EQ(encode_mailbox_name("INBOX"), "INBOX");
  EXPECT_EQ(encode_mailbox_name("Tom & Jerry"), "Tom &- Jerry");
  EXPECT_EQ(encode_mailbox_name("&"), "&-");
  EXPECT_EQ(*decode_mailbox_name("Tom &- Jerry"), "Tom & Jerry");
  EXPECT_EQ(*decode_mailbox_name("&-&-"), "&&");
  EXPECT_EQ(*decode_mailbox_name(""), "");
}

TEST(MailboxName, ControlCharactersAreEncoded) {
  EXPECT_EQ(encode_mailbox_name(std::string("a\tb", 3)), "a&AAk-b");
  EXPECT_EQ(*decode_mailbox_name("a&AAk-b"), "a\tb");
  EXPECT_EQ(encode_mailbox_name("\x7f"), "&AH8-");
}

TEST(MailboxName, AstralPlaneUsesSurrogatePairs) {
  const std::string grinning = "\xF0\x9F\x98\x80";  // U+1F600 = D83D DE00
  EXPECT_EQ(encode_mailbox_name(grinning), "&2D3eAA-");
  EXPECT_EQ(*decode_mailbox_name("&2D3eAA-"), grinning);
}

TEST(MailboxName, RunEndingTheNameEndsWithDash) {
  // 'a name that ends with a non-ASCII ISO-10646 character MUST end with a "-"'
  EXPECT_EQ(encode_mailbox_name("\xC3\xA9"), "&AOk-");
  EXPECT_EQ(error_of("&AOk"), mailbox_name_error::unterminated_base64);
  EXPECT_EQ(error_of("a&"), mailbox_name_error::unterminated_base64);
}

TEST(MailboxName, RejectsUnencodedBytes) {
  EXPECT_EQ(error_of("caf\xC3\xA9"), mailbox_name_error::unencoded_byte);
  EXPECT_EQ(error_of(std::string("a\0b", 3)), mailbox_name_error::unencoded_byte);
  EXPECT_EQ(error_of("a\tb"), mailbox_name_error::unencoded_byte);
}

TEST(MailboxName, RejectsBadBase64) {
  EXPECT_EQ(error_of("&U/BTFw-"), mailbox_name_error::invalid_base64);  // "/" is UTF-7's, not ours
  EXPECT_EQ(error_of("&U=-"), mailbox_name_error::invalid_base64);
  EXPECT_EQ(error_of("&AO&-"), mailbox_name_error::invalid_base64);
}

TEST(MailboxName, RejectsNonShortestForms) {
  EXPECT_EQ(error_of("&AOl-"), mailbox_name_error::nonzero_padding);    // low bits set
  EXPECT_EQ(error_of("&AOkA-"), mailbox_name_error::incomplete_utf16);  // superfluous char
  EXPECT_EQ(error_of("&AO-"), mailbox_name_error::incomplete_utf16);    // 12 bits
  EXPECT_EQ(error_of("&AGE-"), mailbox_name_error::encoded_printable);  // "a"
  EXPECT_EQ(error_of("&ACY-"), mailbox_name_error::encoded_printable);  // "&"
  EXPECT_EQ(error_of("&AOk-&AOk-"), mailbox_name_error::superfluous_shift);
  EXPECT_EQ(*decode_mailbox_name("&AOk-&-"), "\xC3\xA9&");  // "&-" after a run is fine
}

TEST(MailboxName, RejectsUnpairedSurrogates) {
  EXPECT_EQ(error_of("&2D0-"), mailbox_name_error::unpaired_surrogate);     // lone D83D
  EXPECT_EQ(error_of("&3gA-"), mailbox_name_error::unpaired_surrogate);     // lone DE00
  EXPECT_EQ(error_of("&2D0AYQ-"), mailbox_name_error::unpaired_surrogate);  // D83D 0061
}

TEST(MailboxName, ErrorsHaveMessages) {
  EXPECT_EQ(error_of("&AGE-").message(), "printable US-ASCII encoded in BASE64");
  EXPECT_STREQ(mailbox_name_error_category().name(), "referee.imap.mailbox_name");
}

TEST(MailboxName, InvalidUtf8EncodesAsReplacementCharacter) {
  EXPECT_FALSE(is_valid_utf8("\xC3"));
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));          // overlong NUL
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_TRUE(is_valid_utf8(kRfcUtf8));
  EXPECT_EQ(encode_mailbox_name("a\xFF"), "a&,,0-");  // U+FFFD
}

TEST(MailboxName, EveryBmpCharacterRoundTrips) {
  for (char32_t code_point = 1; code_point < 0x10000; ++code_point) {
    if (code_point >= 0xd800 && code_point <= 0xdfff) continue;
    std::string utf8;
    if (code_point < 0x80) {
      utf8 = std::string(1, static_cast<char>(code_point));
    } else if (code_point < 0x800) {
      utf8 = {static_cast<char>(0xc0 | (code_point >> 6)),
              static_cast<char>(0x80 | (code_point & 0x3f))};
    } else {
      utf8 = {static_cast<char>(0xe0 | (code_point >> 12)),
              static_cast<char>(0x80 | ((code_point >> 6) & 0x3f)),
              static_cast<char>(0x80 | (code_point & 0x3f))};
    }
    const std::string name = "x" + utf8 + utf8 + "y";
    auto decoded = decode_mailbox_name(encode_mailbox_name(name));
    ASSERT_TRUE(decoded) << static_cast<std::uint32_t>(code_point);
    ASSERT_EQ(*decoded, name) << static_cast<std::uint32_t>(code_point);
  }
}

// The decoder rejects every non-canonical form, so whatever it accepts is exactly what the
// encoder writes. Checked for every string of up to 5 bytes over an alphabet of shifts,
// BASE64 digits, ASCII and an 8-bit byte.
TEST(MailboxName, AcceptedNamesAreCanonical) {
  constexpr std::string_view alphabet = "&-AOk2D3e,a\x80";
  std::size_t accepted = 0;
  std::string name;
  const auto visit = [&](auto&& self, std::size_t length) -> void {
    if (auto decoded = decode_mailbox_name(name)) {
      ++accepted;
      ASSERT_EQ(encode_mailbox_name(*decoded), name);
    }
    if (length == 5) return;
    for (char c : alphabet) {
      name.push_back(c);
      self(self, length + 1);
      name.pop_back();
    }
  };
  visit(visit, 0);
  EXPECT_GT(accepted, 10000u);  // the walk reaches many valid names, not just ASCII
}

}  // namespace
}  // namespace referee::imap
