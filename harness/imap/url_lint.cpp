// lint_referral_url: what a referral URL does that is legal but worth telling the user.

#include <algorithm>
#include <string>

#include "harness/imap/imap_url.hpp"
#include "harness/imap/mailbox_name.hpp"

namespace referee::imap {
namespace {

using Findings = std::vector<UrlFinding>;

// RFC 2193 §3 and RFC 2221 §3 both note: "user;AUTH=* is specified as required by
// [RFC-2192] to avoid a client falling back to anonymous login."
void check_credentials(const ImapUrl& url, bool mailbox_referral, Findings& findings) {
  if (!url.names_user_or_auth()) {
    findings.push_back({"warn", mailbox_referral ? "RFC 2193" : "RFC 2221", "3",
                        "no user and no ;AUTH=: a client may fall back to anonymous login "
                        "(\"user;AUTH=* is specified ... to avoid a client falling back to "
                        "anonymous login\")"});
  } else if (url.user.empty() && url.auth != "*") {
    findings.push_back({"info", "RFC 5092", "3.2",
                        ";AUTH=" + *url.auth +
                            " without a user name: \"URLs that do not "
                            "include a user name but include an authentication mechanism must be "
                            "treated with extra care\""});
  }
}

bool names_message_or_search(const ImapUrl& url) {
  return url.uid || url.search || !url.section.empty() || url.partial || url.urlauth;
}

// RFC 2193 §2: "An IMAP mailbox referral is when the server directs the client to another
// IMAP mailbox."
void check_mailbox_referral(const ImapUrl& url, Findings& findings) {
  if (url.list_type) return;  // reported by check_rfc2192_list_form
  if (url.mailbox.empty()) {
    findings.push_back(
        {"warn", "RFC 2193", "2", "mailbox referral names only a server, no mailbox"});
  } else if (names_message_or_search(url)) {
    findings.push_back({"warn", "RFC 2193", "2",
                        "mailbox referral names a message, part or search, not just a mailbox"});
  }
}

// RFC 2221 §3: "A LOGIN-REFERRALS response code MUST contain as an argument a valid IMAP
// server URL" (RFC 5092 §4: imap://<iserver>[/]).
void check_login_referral(const ImapUrl& url, Findings& findings) {
  if (!url.mailbox.empty() || url.list_type || names_message_or_search(url)) {
    findings.push_back({"warn", "RFC 2221", "3",
                        "login referral is not a server URL: it names mailbox \"" + url.mailbox +
                            "\" or more (RFC 5092 §4: imap://<iserver>/)"});
  }
}

// RFC 5092 Appendix B: "Removed URLs referencing a list of mailboxes".
void check_rfc2192_list_form(const ImapUrl& url, Findings& findings) {
  if (!url.list_type) return;
  findings.push_back({"warn", "RFC 5092", "Appendix B",
                      ";TYPE=" + *url.list_type +
                          " is RFC 2192 §5's mailbox-list URL, which "
                          "RFC 5092 removed; a referral names a mailbox or a server"});
}

// RFC 5092 §8: "IMAP's modified UTF-7 encoding for mailboxes MUST be converted to UTF-8".
void check_mailbox_charset(const ImapUrl& url, Findings& findings) {
  if (!is_valid_utf8(url.mailbox)) {
    findings.push_back({"warn", "RFC 5092", "8", "mailbox is not UTF-8 once percent-decoded"});
    return;
  }
  // A base64 run that decodes to non-ASCII is modified UTF-7 left unconverted.
  auto decoded = decode_mailbox_name(url.mailbox);
  const auto is_non_ascii = [](char c) { return static_cast<unsigned char>(c) >= 0x80; };
  if (decoded && std::any_of(decoded->begin(), decoded->end(), is_non_ascii)) {
    findings.push_back({"warn", "RFC 5092", "8",
                        "mailbox \"" + url.mailbox + "\" is modified UTF-7 (\"" + *decoded +
                            "\"); IMAP URLs carry it converted to UTF-8"});
  }
}

}  // namespace

std::vector<UrlFinding> lint_referral_url(const ImapUrl& url, bool mailbox_referral) {
  Findings findings;
  check_credentials(url, mailbox_referral, findings);
  if (mailbox_referral) {
    check_mailbox_referral(url, findings);
  } else {
    check_login_referral(url, findings);
  }
  check_rfc2192_list_form(url, findings);
  check_mailbox_charset(url, findings);
  return findings;
}

}  // namespace referee::imap
