// libFuzzer target: the IMAP URL parser (RFC 5092) and what the engine does with a parsed
// referral URL: lint it and format it again. A URL that parses must format to text that
// parses to the same URL.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "harness/imap/imap_url.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = referee::imap::parse_imap_url(text);
  if (!parsed) return 0;
  referee::imap::lint_referral_url(*parsed, /*mailbox_referral=*/true);
  referee::imap::lint_referral_url(*parsed, /*mailbox_referral=*/false);
  auto formatted = referee::imap::format_imap_url(*parsed);
  auto again = referee::imap::parse_imap_url(formatted);
  if (!again) std::abort();
  if (referee::imap::format_imap_url(*again) != formatted) std::abort();
  return 0;
}
