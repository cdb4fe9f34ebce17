#pragma once
// IMAP URLs (RFC 5092, which obsoletes RFC 2192; RFC 2193 and RFC 2221 carry them in
// REFERRAL response codes). Parsing says which ABNF rule a URL breaks, because scenarios
// judge the referral URLs servers send.

#include <boost/system/result.hpp>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace referee::imap {

// One absolute IMAP URL. Every text field is percent-decoded.
struct ImapUrl {
  std::string user;                 // decoded; empty when absent
  std::optional<std::string> auth;  // the ;AUTH= value ("*" or a mechanism); nullopt when absent
  std::string host;                 // reg-name or IPv4 or IPv6 (without brackets)
  bool ipv6 = false;
  std::optional<std::uint16_t> port;
  std::string mailbox;  // percent-decoded, no charset conversion (see below)
  std::optional<std::uint32_t> uidvalidity;
  std::optional<std::uint32_t> uid;
  std::string section;                 // decoded, empty when absent
  std::optional<std::string> partial;  // "a" or "a.b"
  std::optional<std::string> search;   // decoded ?query
  // RFC 5092 §6.1 URLAUTH: the text after ";URLAUTH=" (access ":" mechanism ":" token),
  // and the date-time after ";EXPIRE=" when present.
  std::optional<std::string> urlauth;
  std::optional<std::string> expire;
  // RFC 2192 §5 only ("imap://host/users.*;TYPE=LIST"): "LIST" or "LSUB", upper-cased.
  // RFC 5092 dropped this form; lint_referral_url reports it.
  std::optional<std::string> list_type;

  std::uint16_t effective_port() const;  // port or 143
  // False: "If no user name and no authentication mechanism are supplied, the client MUST
  // authenticate as anonymous to the server." (RFC 5092 §3.2; DECISIONS.md: warn).
  bool names_user_or_auth() const;
  // The mailbox as an IMAP command argument: "IMAP's modified UTF-7 encoding for mailboxes
  // MUST be converted to UTF-8" in URLs (RFC 5092 §8), so this converts back. A mailbox
  // that is not valid UTF-8 is returned unchanged.
  std::string mailbox_as_imap_argument() const;

  auto operator<=>(const ImapUrl&) const = default;
};

// Why a text is not a valid IMAP URL.
struct UrlProblem {
  std::string rule;        // the ABNF rule broken: "scheme", "iserver", "enc-user", "port", ...
  std::string rfc;         // "RFC 5092" (or "RFC 3986" for host and port)
  std::string section;     // "11" (RFC 5092's ABNF section) or a prose section
  std::string message;     // human readable, names the offending text
  std::size_t offset = 0;  // byte offset in the URL
};

// Parses an absolute IMAP URL. The scheme is case-insensitive ("IMAP://" as in RFC 2193);
// so are the parameter names (";uid=" as in RFC 2192 §10). Relative URLs are rejected.
boost::system::result<ImapUrl, UrlProblem> parse_imap_url(std::string_view text);

// Canonical form: lower-case scheme, upper-case parameter names, only the characters the
// grammar does not allow percent-encoded. parse_imap_url(format_imap_url(u)) == u.
std::string format_imap_url(const ImapUrl& url);

// A non-fatal observation about a referral URL (RFC 2193 §3, RFC 2221 §3).
struct UrlFinding {
  std::string level;  // "warn" | "info"
  std::string rfc, section, message;
};

// Findings for a URL a server sent in a REFERRAL response code. mailbox_referral: the
// referral answers a command naming a mailbox (RFC 2193); false for a login referral
// (RFC 2221), which "MUST contain as an argument a valid IMAP server URL".
std::vector<UrlFinding> lint_referral_url(const ImapUrl& url, bool mailbox_referral);

}  // namespace referee::imap
