// parse_imap_url: a small recursive-descent parser over RFC 5092 §11, one function per rule.
// Boost.URL checks host and port (RFC 3986 "authority"); the IMAP-specific parts
// (iuserinfo, icommand) are parsed here because their grammar is narrower than URI-GEN's.

#include "harness/imap/imap_url.hpp"

#include <algorithm>
#include <boost/url/authority_view.hpp>
#include <cctype>
#include <limits>

#include "harness/imap/command_syntax.hpp"
#include "harness/imap/url_grammar.hpp"

namespace referee::imap {
namespace {

using url_grammar::CharClass;
using url_grammar::problem;
using Step = boost::system::result<void, UrlProblem>;

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         });
}

class UrlParser {
 public:
  explicit UrlParser(std::string_view text) : text_(text) {}

  boost::system::result<ImapUrl, UrlProblem> parse() {
    if (auto step = parse_scheme(); !step) return step.error();
    if (auto step = parse_iserver(); !step) return step.error();
    if (auto step = parse_ipath_query(); !step) return step.error();
    return url_;
  }

 private:
  std::string_view rest() const { return text_.substr(position_); }
  bool at_end() const { return position_ == text_.size(); }

  // Consumes ";NAME=" (parameter names are case-insensitive: "Strings are not case sensitive").
  bool consume(std::string_view token) {
    if (!starts_with_ignoring_case(rest(), token)) return false;
    position_ += token.size();
    return true;
  }

  // imapurl = "imap://" iserver ipath-query
  Step parse_scheme() {
    if (consume("imap://")) return {};
    const bool relative = !text_.empty() && (text_[0] == '/' || text_[0] == ';' || text_[0] == '.');
    return problem(
        "scheme",
        relative ? "relative IMAP URL \"" + std::string(text_) +
                       "\": an absolute \"imap://\" URL is required"
                 : "\"" + std::string(text_.substr(0, 16)) + "\" does not start with \"imap://\"",
        0);
  }

  // iserver = [iuserinfo "@"] host [ ":" port ]
  Step parse_iserver() {
    const std::size_t end = std::min(text_.find_first_of("/?#", position_), text_.size());
    const std::string_view authority = text_.substr(position_, end - position_);
    const std::size_t at = authority.rfind('@');
    if (at != std::string_view::npos) {
      if (auto step = parse_iuserinfo(authority.substr(0, at), position_); !step) return step;
      position_ += at + 1;
    }
    if (auto step = parse_host_port(text_.substr(position_, end - position_)); !step) return step;
    position_ = end;
    return {};
  }

  // iuserinfo = enc-user [iauth] / [enc-user] iauth
  // iauth     = ";AUTH=" ( "*" / enc-auth-type )
  Step parse_iuserinfo(std::string_view userinfo, std::size_t offset) {
    const std::size_t semicolon = std::min(userinfo.find(';'), userinfo.size());
    if (userinfo.empty()) {
      return problem("iuserinfo", "'@' follows an empty userinfo: enc-user or ;AUTH= required",
                     offset);
    }
    auto user = url_grammar::decode_component(userinfo.substr(0, semicolon), CharClass::achar,
                                              "enc-user", offset);
    if (!user) return user.error();
    url_.user = std::move(*user);
    if (semicolon == userinfo.size()) return {};
    return parse_iauth(userinfo.substr(semicolon), offset + semicolon);
  }

  Step parse_iauth(std::string_view iauth, std::size_t offset) {
    if (!starts_with_ignoring_case(iauth, ";AUTH=")) {
      return problem("iauth", "\"" + std::string(iauth) + "\" in userinfo is not \";AUTH=\"",
                     offset);
    }
    const std::string_view value = iauth.substr(6);
    if (value == "*") {
      url_.auth = "*";
      return {};
    }
    // enc-auth-type = 1*achar   ; %-encoded version of [IMAP4] "auth-type" (an atom)
    if (value.empty())
      return problem("enc-auth-type", "empty mechanism after \";AUTH=\"", offset + 6);
    auto mechanism =
        url_grammar::decode_component(value, CharClass::achar, "enc-auth-type", offset + 6);
    if (!mechanism) return mechanism.error();
    if (*mechanism == "*") {
      return problem("iauth",
                     "\";AUTH=%2A\" is not \";AUTH=*\": the '*' \"MUST NOT be "
                     "percent-encoded in this usage\" (RFC 5092 §3.2)",
                     offset + 6);
    }
    if (!is_atom(*mechanism)) {
      return problem("enc-auth-type", "mechanism \"" + *mechanism + "\" is not an IMAP atom",
                     offset + 6);
    }
    url_.auth = std::move(*mechanism);
    return {};
  }

  // host and port as in RFC 3986 §3.2.2 and §3.2.3.
  Step parse_host_port(std::string_view host_port) {
    const std::size_t offset = position_;
    if (host_port.empty() || host_port[0] == ':') {
      return problem("iserver", "no host after \"imap://\"", offset);
    }
    auto authority = boost::urls::parse_authority(host_port);
    if (!authority || authority->has_userinfo() ||
        authority->host_type() == boost::urls::host_type::ipvfuture) {
      return UrlProblem{"host", "RFC 3986", "3.2.2",
                        "\"" + std::string(host_port) + "\" is not a valid host[:port]", offset};
    }
    if (authority->host_type() == boost::urls::host_type::name &&
        !is_dns_name(authority->encoded_host())) {
      return UrlProblem{"host", "RFC 3986", "3.2.2",
                        "\"" + std::string(authority->encoded_host()) +
                            "\" is not a host name (\"A registered name intended for lookup in "
                            "the DNS uses the syntax defined in Section 3.5 of [RFC1034]\")",
                        offset};
    }
    url_.ipv6 = authority->host_type() == boost::urls::host_type::ipv6;
    url_.host = url_.ipv6 ? authority->host_ipv6_address().to_string()
                          : std::string(authority->encoded_host());
    if (!authority->has_port() || authority->port().empty()) return {};
    return parse_port(authority->port(), offset + host_port.rfind(':') + 1);
  }

  // Letters, digits, '-', '.' (RFC 1034 §3.5), and '_' which deployed names use. Anything
  // else RFC 3986's reg-name allows (";", "=", "%"...) is a mangled URL in practice.
  static bool is_dns_name(std::string_view host) {
    return std::all_of(host.begin(), host.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_';
    });
  }

  // port = *DIGIT; a TCP port fits 16 bits.
  Step parse_port(std::string_view digits, std::size_t offset) {
    std::uint32_t value = 0;
    for (char c : digits) {
      value = value * 10 + static_cast<std::uint32_t>(c - '0');
      if (value > std::numeric_limits<std::uint16_t>::max()) {
        return UrlProblem{"port", "RFC 3986", "3.2.3",
                          "port " + std::string(digits) + " is above 65535", offset};
      }
    }
    url_.port = static_cast<std::uint16_t>(value);
    return {};
  }

  // ipath-query = ["/" [ icommand ]]
  Step parse_ipath_query() {
    if (at_end()) return {};
    if (text_[position_] != '/') {
      return problem("ipath-query",
                     "expected '/' after the server, found \"" + std::string(rest()) + "\"",
                     position_);
    }
    ++position_;
    if (at_end()) return {};
    return parse_icommand();
  }

  // icommand     = imessagelist / imessagepart [iurlauth]
  // imessagelist = imailbox-ref [ "?" enc-search ]
  // imessagepart = imailbox-ref iuid [isection] [ipartial]
  Step parse_icommand() {
    if (auto step = parse_imailbox_ref(); !step) return step;
    if (url_.list_type) return expect_end();
    if (!at_end() && text_[position_] == '?') return parse_search();
    if (consume("/;UID=")) return parse_imessagepart();
    return expect_end();
  }

  Step parse_imessagepart() {
    auto uid = parse_nz_number("iuid");
    if (!uid) return uid.error();
    url_.uid = *uid;
    // isection = "/" isection-only ;  isection-only = ";SECTION=" enc-section
    if (consume("/;SECTION=")) {
      const std::size_t start = position_;
      auto section = url_grammar::decode_component(take_until_parameter(), CharClass::bchar,
                                                   "enc-section", start);
      if (!section) return section.error();
      if (section->empty()) return problem("isection", "empty ;SECTION=", start);
      url_.section = std::move(*section);
    }
    if (consume("/;PARTIAL=")) {
      if (auto step = parse_partial_range(); !step) return step;
    }
    if (auto step = parse_iurlauth(); !step) return step;
    return expect_end();
  }

  // imailbox-ref = enc-mailbox [uidvalidity]
  Step parse_imailbox_ref() {
    const std::size_t start = position_;
    auto mailbox = url_grammar::decode_component(take_until_parameter(), CharClass::bchar,
                                                 "enc-mailbox", start);
    if (!mailbox) return mailbox.error();
    url_.mailbox = std::move(*mailbox);
    if (consume(";TYPE=")) return parse_list_type();
    if (url_.mailbox.empty()) {
      return problem("enc-mailbox", "no mailbox before \"" + std::string(rest()) + "\"", start);
    }
    if (!consume(";UIDVALIDITY=")) return {};
    // uidvalidity = ";UIDVALIDITY=" nz-number
    auto uidvalidity = parse_nz_number("uidvalidity");
    if (!uidvalidity) return uidvalidity.error();
    url_.uidvalidity = *uidvalidity;
    return {};
  }

  // RFC 2192 §12: imailboxlist = [enc_list_mailbox] ";TYPE=" list_type
  //               list_type    = "LIST" / "LSUB"
  Step parse_list_type() {
    for (std::string_view type : {"LIST", "LSUB"}) {
      if (consume(type)) {
        url_.list_type = std::string(type);
        return {};
      }
    }
    return UrlProblem{"list_type", "RFC 2192", "12",
                      "\";TYPE=\" is followed by \"" + std::string(rest()) + "\", not LIST or LSUB",
                      position_};
  }

  // "?" enc-search ; enc-search = 1*bchar
  Step parse_search() {
    ++position_;
    const std::size_t start = position_;
    auto search = url_grammar::decode_component(rest(), CharClass::bchar, "enc-search", start);
    if (!search) return search.error();
    if (search->empty()) return problem("enc-search", "empty search after '?'", start);
    url_.search = std::move(*search);
    position_ = text_.size();
    return {};
  }

  // The text of a bchar component: up to the next ';', '?' or '#'. A '/' just before
  // ";UID=", ";SECTION=" or ";PARTIAL=" is the "/" of iuid, isection or ipartial, not text.
  std::string_view take_until_parameter() {
    const std::size_t end = std::min(text_.find_first_of(";?#", position_), text_.size());
    std::size_t component_end = end;
    if (end < text_.size() && text_[end] == ';' && end > position_ && text_[end - 1] == '/') {
      const std::string_view parameter = text_.substr(end);
      for (std::string_view name : {";UID=", ";SECTION=", ";PARTIAL="}) {
        if (starts_with_ignoring_case(parameter, name)) component_end = end - 1;
      }
    }
    const std::string_view component = text_.substr(position_, component_end - position_);
    position_ = component_end;
    return component;
  }

  // partial-range = number ["." nz-number]
  Step parse_partial_range() {
    const std::size_t start = position_;
    auto offset = parse_number("ipartial", /*nonzero=*/false);
    if (!offset) return offset.error();
    if (!at_end() && text_[position_] == '.') {
      ++position_;
      auto length = parse_number("ipartial", /*nonzero=*/true);
      if (!length) return length.error();
    }
    url_.partial = std::string(text_.substr(start, position_ - start));
    return {};
  }

  // iurlauth-rump = [expire] ";URLAUTH=" access ;  expire = ";EXPIRE=" date-time
  // iurlauth      = iurlauth-rump iua-verifier ; the rump alone is accepted too (it is what
  // GENURLAUTH is given, RFC 4467).
  Step parse_iurlauth() {
    const std::size_t start = position_;
    if (consume(";EXPIRE=")) {
      const std::size_t date_start = position_;
      position_ = std::min(text_.find(';', position_), text_.size());
      url_.expire = std::string(text_.substr(date_start, position_ - date_start));
      if (!url_grammar::is_date_time(*url_.expire)) {
        return problem("expire", "\"" + *url_.expire + "\" is not a date-time", date_start);
      }
    }
    if (!consume(";URLAUTH=")) {
      if (url_.expire) return problem("iurlauth", "\";EXPIRE=\" without \";URLAUTH=\"", start);
      return {};
    }
    const std::size_t value_start = position_;
    url_.urlauth = std::string(rest());
    position_ = text_.size();
    if (!url_grammar::is_urlauth(*url_.urlauth)) {
      return problem("iurlauth",
                     "\"" + *url_.urlauth + "\" is not access [\":\" mechanism \":\" 32*HEXDIG]",
                     value_start);
    }
    return {};
  }

  // number = 1*DIGIT ; nz-number = digit-nz *DIGIT ; both "unsigned 32-bit" (RFC 3501 §9)
  boost::system::result<std::uint32_t, UrlProblem> parse_number(std::string_view rule,
                                                                bool nonzero) {
    const std::size_t start = position_;
    std::uint64_t value = 0;
    while (!at_end() && std::isdigit(static_cast<unsigned char>(text_[position_])) &&
           value <= std::numeric_limits<std::uint32_t>::max()) {
      value = value * 10 + static_cast<std::uint64_t>(text_[position_++] - '0');
    }
    const std::string_view digits = text_.substr(start, position_ - start);
    if (digits.empty() || value > std::numeric_limits<std::uint32_t>::max() ||
        (nonzero && digits[0] == '0')) {
      const std::size_t end = std::min(text_.find_first_of("/;?#.", start + 1), text_.size());
      return problem(rule,
                     "\"" + std::string(text_.substr(start, end - start)) + "\" is not " +
                         (nonzero ? "an nz-number (1 to 4294967295, no leading zero)"
                                  : "a number (0 to 4294967295)"),
                     start);
    }
    return static_cast<std::uint32_t>(value);
  }

  boost::system::result<std::uint32_t, UrlProblem> parse_nz_number(std::string_view rule) {
    return parse_number(rule, /*nonzero=*/true);
  }

  Step expect_end() {
    if (at_end()) return {};
    return problem("icommand", "unexpected \"" + std::string(rest()) + "\"", position_);
  }

  std::string_view text_;
  std::size_t position_ = 0;
  ImapUrl url_;
};

}  // namespace

boost::system::result<ImapUrl, UrlProblem> parse_imap_url(std::string_view text) {
  return UrlParser(text).parse();
}

}  // namespace referee::imap
