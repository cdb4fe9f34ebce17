#pragma once
// A response code "[NAME args]" (RFC 3501 §7.1): the generic structure plus typed accessors
// for the codes Referee judges.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/imap/value.hpp"

namespace referee::imap {

struct ResponseCode {
  std::string name;         // upper-cased: "REFERRAL", "NEWNAME", "CAPABILITY", "UIDVALIDITY", ...
  std::string text;         // raw text after the name up to ']' (untouched, without the separating space)
  std::vector<Value> args;  // parsed args when they parse, else empty

  // REFERRAL: one or more URLs, space separated (RFC 2193 §4: "[REFERRAL" SP 1#<imap url> "]").
  std::vector<std::string> referral_urls() const;
  // NEWNAME old new (RFC 2060 §7.1); nullopt when not NEWNAME or malformed.
  std::optional<std::pair<std::string, std::string>> newname() const;
  // CAPABILITY atoms, upper-cased.
  std::vector<std::string> capabilities() const;
  // UIDVALIDITY, UIDNEXT, UNSEEN: the nz-number argument.
  std::optional<std::uint32_t> number() const;
  // PERMANENTFLAGS: the flags inside the parenthesised list, as sent.
  std::vector<std::string> flags() const;
  // Case-insensitive name test: READ-ONLY, TRYCREATE, RFC 5530 codes...
  bool is(std::string_view code_name) const;

  friend bool operator==(const ResponseCode&, const ResponseCode&) = default;
};

}  // namespace referee::imap
