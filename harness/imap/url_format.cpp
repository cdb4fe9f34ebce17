// format_imap_url and the ImapUrl helpers.

#include <string>

#include "harness/imap/imap_url.hpp"
#include "harness/imap/mailbox_name.hpp"
#include "harness/imap/url_grammar.hpp"

namespace referee::imap {
namespace {

using url_grammar::CharClass;
using url_grammar::encode_component;

// enc-mailbox, with the two escapes RFC 5092 §7 adds for relative resolution: "If an IMAP
// server permits mailbox names with a leading "/", then the leading "/" MUST be
// percent-encoded", and dot-segments ("./", "/../", ...) "MUST be percent-encoded".
std::string encode_mailbox(std::string_view mailbox) {
  const std::string encoded = encode_component(mailbox, CharClass::bchar);
  std::string result;
  std::size_t segment_start = 0;
  while (segment_start <= encoded.size()) {
    const std::size_t slash = std::min(encoded.find('/', segment_start), encoded.size());
    std::string segment = encoded.substr(segment_start, slash - segment_start);
    if (segment == ".") segment = "%2E";
    if (segment == "..") segment = "%2E%2E";
    result += segment;
    if (slash == encoded.size()) break;
    result += segment_start == 0 && segment.empty() ? "%2F" : "/";
    segment_start = slash + 1;
  }
  return result;
}

// iserver = [iuserinfo "@"] host [ ":" port ]
std::string format_iserver(const ImapUrl& url) {
  std::string text;
  if (url.names_user_or_auth()) {
    text += encode_component(url.user, CharClass::achar);
    // iauth = ";AUTH=" ( "*" / enc-auth-type )
    if (url.auth)
      text += ";AUTH=" + (*url.auth == "*" ? "*" : encode_component(*url.auth, CharClass::achar));
    text += '@';
  }
  text += url.ipv6 ? "[" + url.host + "]" : url.host;
  if (url.port) text += ':' + std::to_string(*url.port);
  return text;
}

// imessagepart = imailbox-ref iuid [isection] [ipartial] ; then [iurlauth]
std::string format_imessagepart(const ImapUrl& url) {
  std::string text = "/;UID=" + std::to_string(*url.uid);
  if (!url.section.empty()) text += "/;SECTION=" + encode_component(url.section, CharClass::bchar);
  if (url.partial) text += "/;PARTIAL=" + *url.partial;
  if (url.expire) text += ";EXPIRE=" + *url.expire;
  if (url.urlauth) text += ";URLAUTH=" + *url.urlauth;
  return text;
}

}  // namespace

std::uint16_t ImapUrl::effective_port() const { return port.value_or(143); }

bool ImapUrl::names_user_or_auth() const { return !user.empty() || auth.has_value(); }

std::string ImapUrl::mailbox_as_imap_argument() const {
  return is_valid_utf8(mailbox) ? encode_mailbox_name(mailbox) : mailbox;
}

std::string format_imap_url(const ImapUrl& url) {
  std::string text = "imap://" + format_iserver(url) + "/";
  if (url.list_type) return text + encode_mailbox(url.mailbox) + ";TYPE=" + *url.list_type;
  if (url.mailbox.empty()) return text;
  text += encode_mailbox(url.mailbox);
  if (url.uidvalidity) text += ";UIDVALIDITY=" + std::to_string(*url.uidvalidity);
  if (url.uid) text += format_imessagepart(url);
  if (url.search) text += "?" + encode_component(*url.search, CharClass::bchar);
  return text;
}

}  // namespace referee::imap
