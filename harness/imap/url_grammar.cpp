#include "harness/imap/url_grammar.hpp"

#include <algorithm>
#include <boost/url/encode.hpp>
#include <boost/url/grammar/lut_chars.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <cctype>

namespace referee::imap::url_grammar {
namespace {

// sub-delims-sh = "!" / "$" / "'" / "(" / ")" / "*" / "+" / ","
// uchar         = unreserved / sub-delims-sh / pct-encoded
// achar         = uchar / "&" / "="
constexpr boost::urls::grammar::lut_chars achars = boost::urls::unreserved_chars + "!$'()*+,&=";
// bchar         = achar / ":" / "@" / "/"
constexpr boost::urls::grammar::lut_chars bchars = achars + ":@/";

const boost::urls::grammar::lut_chars& chars_of(CharClass char_class) {
  return char_class == CharClass::achar ? achars : bchars;
}

std::string printable(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte > 0x20 && byte < 0x7f) return std::string{'\'', c, '\''};
  static constexpr char digits[] = "0123456789ABCDEF";
  return std::string{"byte 0x"} + digits[byte >> 4] + digits[byte & 0xf];
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

// Checks `text` against a picture where 'd' is a digit and any other byte stands for itself
// (compared case-insensitively, for "T" and "Z").
bool matches_picture(std::string_view text, std::string_view picture) {
  if (text.size() != picture.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (picture[i] == 'd' ? !std::isdigit(c) : std::toupper(c) != picture[i]) return false;
  }
  return true;
}

bool is_access(std::string_view access) {
  // access = ("submit+" enc-user) / ("user+" enc-user) / "authuser" / "anonymous"
  const auto is_enc_user = [](std::string_view user) {
    return !user.empty() && std::all_of(user.begin(), user.end(), [](char c) {
      return allows(CharClass::achar, c) || c == '%';
    });
  };
  const auto lower = [](std::string_view text) {
    std::string lowered(text);
    for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lowered;
  };
  const std::string lowered = lower(access);
  if (lowered == "authuser" || lowered == "anonymous") return true;
  if (lowered.starts_with("submit+")) return is_enc_user(access.substr(7));
  return lowered.starts_with("user+") && is_enc_user(access.substr(5));
}

}  // namespace

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool is_date_time(std::string_view text) {
  // full-date = date-fullyear "-" date-month "-" date-mday ; partial-time = HH ":" MM ":" SS
  // [time-secfrac] ; time-offset = "Z" / time-numoffset
  if (text.size() < 20 || !matches_picture(text.substr(0, 19), "dddd-dd-ddTdd:dd:dd")) {
    return false;
  }
  std::string_view rest = text.substr(19);
  if (rest[0] == '.') {
    const std::size_t end = std::min(rest.find_first_not_of("0123456789", 1), rest.size());
    if (!all_digits(rest.substr(1, end - 1))) return false;
    rest = rest.substr(end);
  }
  if (matches_picture(rest, "Z")) return true;
  return (rest.starts_with('+') || rest.starts_with('-')) &&
         matches_picture(rest.substr(1), "dd:dd");
}

bool is_urlauth(std::string_view text) {
  // iua-verifier = ":" uauth-mechanism ":" enc-urlauth
  // uauth-mechanism = "INTERNAL" / 1*(ALPHA / DIGIT / "-" / ".") ; enc-urlauth = 32*HEXDIG
  const std::size_t colon = std::min(text.find(':'), text.size());
  if (!is_access(text.substr(0, colon))) return false;
  if (colon == text.size()) return true;
  const std::string_view verifier = text.substr(colon + 1);
  const std::size_t second = verifier.find(':');
  if (second == std::string_view::npos || second == 0) return false;
  const std::string_view mechanism = verifier.substr(0, second);
  const std::string_view token = verifier.substr(second + 1);
  const auto mechanism_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
  };
  return std::all_of(mechanism.begin(), mechanism.end(), mechanism_char) && token.size() >= 32 &&
         std::all_of(token.begin(), token.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

bool allows(CharClass char_class, char c) { return chars_of(char_class)(c); }

UrlProblem problem(std::string_view rule, std::string message, std::size_t offset) {
  return UrlProblem{std::string(rule), "RFC 5092", "11", std::move(message), offset};
}

// pct-encoded = "%" HEXDIG HEXDIG   (RFC 3986 §2.1)
boost::system::result<std::string, UrlProblem> decode_component(std::string_view encoded,
                                                                CharClass char_class,
                                                                std::string_view rule,
                                                                std::size_t offset) {
  std::string decoded;
  decoded.reserve(encoded.size());
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    const char c = encoded[i];
    if (c != '%') {
      if (!allows(char_class, c)) {
        return problem(rule, printable(c) + " must be percent-encoded in " + std::string(rule),
                       offset + i);
      }
      decoded += c;
      continue;
    }
    const int high = i + 1 < encoded.size() ? hex_value(encoded[i + 1]) : -1;
    const int low = i + 2 < encoded.size() ? hex_value(encoded[i + 2]) : -1;
    if (high < 0 || low < 0) {
      return problem(rule, "'%' not followed by two hex digits in " + std::string(rule),
                     offset + i);
    }
    decoded += static_cast<char>(high * 16 + low);
    i += 2;
  }
  // in_place_value: UrlProblem, an aggregate, is constructible from a std::string too.
  return {boost::system::in_place_value, std::move(decoded)};
}

std::string encode_component(std::string_view decoded, CharClass char_class) {
  return boost::urls::encode(decoded, chars_of(char_class));
}

}  // namespace referee::imap::url_grammar
