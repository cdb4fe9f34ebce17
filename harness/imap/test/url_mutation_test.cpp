// Robustness of parse_imap_url against every prefix and single-byte change of valid URLs:
// it never crashes, a problem's offset lies inside the text, and whatever parses survives
// format_imap_url unchanged.

#include <gtest/gtest.h>

#include "harness/imap/imap_url.hpp"

namespace referee::imap {
namespace {

const char* const kSeeds[] = {
    "imap://john;AUTH=*@[::1]:143/babylon5/personel;UIDVALIDITY=7?charset%20UTF-8",
    "imap://;AUTH=GSSAPI@127.0.0.1/gray-council;UIDVALIDITY=385759045/;UID=20/;SECTION=1.2"
    "/;PARTIAL=0.1024",
    "imap://joe@example.com/INBOX/;uid=20/;section=1.2;EXPIRE=2026-01-01T00:00:00Z;urlauth="
    "submit+fred:internal:91354a473744909de610943775f92038",
    "IMAP://michael@minbari.org/users.*;type=list",
};

// Bytes that play a role in the grammar, plus a few that never may appear unencoded.
constexpr std::string_view kReplacements = "/;?#@:[]%=.*0 1\x80\xff&A";

void check(std::string_view text) {
  auto url = parse_imap_url(text);
  if (!url) {
    EXPECT_LE(url.error().offset, text.size()) << text;
    EXPECT_FALSE(url.error().rule.empty()) << text;
    return;
  }
  const std::string formatted = format_imap_url(*url);
  auto reparsed = parse_imap_url(formatted);
  ASSERT_TRUE(reparsed) << text << " -> " << formatted << ": " << reparsed.error().message;
  EXPECT_EQ(*reparsed, *url) << text << " -> " << formatted;
}

TEST(UrlMutation, EveryPrefix) {
  for (std::string_view seed : kSeeds) {
    for (std::size_t length = 0; length <= seed.size(); ++length) check(seed.substr(0, length));
  }
}

TEST(UrlMutation, EverySingleByteReplacementAndDeletion) {
  for (std::string_view seed : kSeeds) {
    for (std::size_t position = 0; position < seed.size(); ++position) {
      std::string deleted(seed);
      deleted.erase(position, 1);
      check(deleted);
      for (char replacement : kReplacements) {
        std::string mutated(seed);
        mutated[position] = replacement;
        check(mutated);
      }
    }
  }
}

}  // namespace
}  // namespace referee::imap
