#pragma once
// Character classes and percent-encoding of RFC 5092 §11, shared by the IMAP URL parser,
// formatter and tests.

#include <boost/system/result.hpp>
#include <cstddef>
#include <string>
#include <string_view>

#include "harness/imap/imap_url.hpp"

namespace referee::imap::url_grammar {

// Which unencoded characters a component allows; '%' always starts a pct-encoded octet.
enum class CharClass {
  achar,  // achar = uchar / "&" / "="     (enc-user, enc-auth-type)
  bchar,  // bchar = achar / ":" / "@" / "/"   (enc-mailbox, enc-search, enc-section)
};

bool allows(CharClass char_class, char c);

// The value of one hex digit of a pct-encoded octet (either case); -1 for any other character.
int hex_value(char c);

// Decodes `encoded`, a component found at `offset` in the URL. A character outside the
// class, or a '%' not followed by two hex digits, is reported against `rule`.
boost::system::result<std::string, UrlProblem> decode_component(std::string_view encoded,
                                                                CharClass char_class,
                                                                std::string_view rule,
                                                                std::size_t offset);

// Percent-encodes every octet outside the class (upper-case hex, as RFC 3986 §2.1 advises).
std::string encode_component(std::string_view decoded, CharClass char_class);

// date-time (RFC 3339 §5.6): full-date "T" full-time, e.g. "2026-11-23T13:00:00Z",
// "2026-11-23T13:00:00.5+01:00". "T" and "Z" may be lower case.
bool is_date_time(std::string_view text);

// The text after ";URLAUTH=": access [ ":" uauth-mechanism ":" enc-urlauth ].
bool is_urlauth(std::string_view text);

// A problem against a RFC 5092 §11 rule.
UrlProblem problem(std::string_view rule, std::string message, std::size_t offset);

}  // namespace referee::imap::url_grammar
