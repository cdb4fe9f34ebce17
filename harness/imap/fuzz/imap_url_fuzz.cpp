// libFuzzer target: the IMAP URL parser (RFC 5092) and what the engine does with a parsed
// referral URL: lint it, format it again, and turn its mailbox into the modified UTF-7 name
// a followed referral sends. A URL that parses must format to text that parses to the same
// URL. The input is also tried as a modified UTF-7 mailbox name (RFC 3501 §5.1.3): what the
// decoder accepts must encode back to exactly the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "harness/imap/imap_url.hpp"
#include "harness/imap/mailbox_name.hpp"

namespace {

void check_mailbox_name(std::string_view text) {
  auto decoded = referee::imap::decode_mailbox_name(text);
  if (decoded && referee::imap::encode_mailbox_name(*decoded) != text) std::abort();
  if (decoded && !referee::imap::is_valid_utf8(*decoded)) std::abort();
  if (referee::imap::unicode_mailbox_name(text) != (decoded ? *decoded : std::string(text))) std::abort();
}

// The mailbox of a URL, percent-decoded: when it is UTF-8, its modified UTF-7 must decode
// back to it (the name a followed referral sends is the name the URL gave).
void check_url_mailbox(const referee::imap::ImapUrl& url) {
  const std::string wire = url.mailbox_as_imap_argument();
  if (!referee::imap::is_valid_utf8(url.mailbox)) return;
  auto back = referee::imap::decode_mailbox_name(wire);
  if (!back || *back != url.mailbox) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  check_mailbox_name(text);
  auto parsed = referee::imap::parse_imap_url(text);
  if (!parsed) return 0;
  referee::imap::lint_referral_url(*parsed, /*mailbox_referral=*/true);
  referee::imap::lint_referral_url(*parsed, /*mailbox_referral=*/false);
  check_url_mailbox(*parsed);
  auto formatted = referee::imap::format_imap_url(*parsed);
  auto again = referee::imap::parse_imap_url(formatted);
  if (!again) std::abort();
  if (referee::imap::format_imap_url(*again) != formatted) std::abort();
  return 0;
}
