#include "harness/engine/match/url_user_encoding.hpp"

#include <algorithm>
#include <cstddef>

#include "harness/imap/url_grammar.hpp"

namespace referee::engine {
namespace {

using imap::url_grammar::CharClass;
using imap::url_grammar::hex_value;

// True when `text` holds "%XX" at `at`, XX being the hex of `octet` (either case).
bool encodes_at(std::string_view text, std::size_t at, char octet) {
  if (at + 2 >= text.size() || text[at] != '%') return false;
  const int high = hex_value(text[at + 1]);
  const int low = hex_value(text[at + 2]);
  return high >= 0 && low >= 0 && static_cast<unsigned char>(octet) == high * 16 + low;
}

// How a URL writes `login` as its user, from `at`.
struct WrittenUser {
  std::size_t end = 0;     // just past the user
  std::string left_as_is;  // octets that needed percent-encoding, written as they are (once each)
};

// Reads `login` at `at`, each octet as it is or percent-encoded; the user must then end the
// way enc-user does in iuserinfo: ";AUTH=" or the "@" before the host.
std::optional<WrittenUser> read_user(std::string_view text, std::size_t at, std::string_view login) {
  WrittenUser written;
  for (const char octet : login) {
    if (encodes_at(text, at, octet)) {
      at += 3;
      continue;
    }
    if (at >= text.size() || text[at] != octet) return std::nullopt;
    ++at;
    bool needed_encoding = !imap::url_grammar::allows(CharClass::achar, octet);
    if (needed_encoding && written.left_as_is.find(octet) == std::string::npos) {
      written.left_as_is += octet;
    }
  }
  if (at >= text.size() || (text[at] != ';' && text[at] != '@')) return std::nullopt;
  written.end = at;
  return written;
}

// " " (space), ";"
std::string describe_octets(std::string_view octets) {
  std::string text;
  for (const char octet : octets) {
    if (!text.empty()) text += ", ";
    text += "\"" + std::string(1, octet) + "\"";
    if (octet == ' ') text += " (space)";
  }
  return text;
}

}  // namespace

bool user_needs_encoding(std::string_view login) {
  return std::any_of(login.begin(), login.end(), [](char octet) {
    return !imap::url_grammar::allows(CharClass::achar, octet);
  });
}

std::optional<std::string> unencoded_user(std::string_view referral_text, std::string_view login) {
  if (!user_needs_encoding(login)) return std::nullopt;
  for (std::size_t scheme_end = referral_text.find("://"); scheme_end != std::string_view::npos;
       scheme_end = referral_text.find("://", scheme_end + 3)) {
    auto written = read_user(referral_text, scheme_end + 3, login);
    if (!written || written->left_as_is.empty()) continue;
    // The URL as the server meant it: from its scheme to the first space after the user.
    const std::size_t space_before = referral_text.rfind(' ', scheme_end);
    const std::size_t start = space_before == std::string_view::npos ? 0 : space_before + 1;
    const std::size_t end = std::min(referral_text.find(' ', written->end), referral_text.size());
    const std::string encoded = imap::url_grammar::encode_component(login, CharClass::achar);
    return "user name \"" + std::string(login) + "\" not percent-encoded in URL \"" +
           std::string(referral_text.substr(start, end - start)) + "\" (RFC 5092 §3.2: " +
           describe_octets(written->left_as_is) + " MUST be percent-encoded: \"" + encoded + "\")";
  }
  return std::nullopt;
}

}  // namespace referee::engine
