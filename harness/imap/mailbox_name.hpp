#pragma once
// Modified UTF-7 mailbox names (RFC 3501 §5.1.3), both ways.

#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>
#include <string>
#include <string_view>
#include <type_traits>

namespace referee::imap {

// Why a name is not in modified UTF-7; a server can send any of these (routine errors).
enum class mailbox_name_error {
  unencoded_byte = 1,  // a byte outside 0x20-0x7e outside BASE64 ("represented in modified BASE64")
  unterminated_base64,  // "&..." without "-": names "MUST end in US-ASCII"
  invalid_base64,       // a byte that is not modified BASE64 ("," replaces "/")
  nonzero_padding,      // leftover bits not zero, or a superfluous BASE64 character
  incomplete_utf16,     // BASE64 run that does not decode to whole 16-bit units
  unpaired_surrogate,   // UTF-16 high surrogate without low surrogate, or the reverse
  encoded_printable,    // "Modified BASE64 MUST NOT be used to represent any printing
                        // US-ASCII character which can represent itself"
  superfluous_shift,    // "-&" joining two BASE64 runs: "null shifts ... are not permitted"
};

const boost::system::error_category& mailbox_name_error_category();
boost::system::error_code make_error_code(mailbox_name_error error);

// UTF-8 to modified UTF-7. Invalid UTF-8 sequences are encoded as U+FFFD; callers that must
// reject them check is_valid_utf8 first.
std::string encode_mailbox_name(std::string_view utf8);

// Modified UTF-7 to UTF-8, rejecting every form RFC 3501 §5.1.3 does not allow.
boost::system::result<std::string> decode_mailbox_name(std::string_view mutf7);

// The Unicode (UTF-8) name of a mailbox the server names `wire_name`: decoded from modified
// UTF-7, or `wire_name` itself when it is not modified UTF-7 (a server may send any bytes).
// Scenario names, LIST names and referral URLs (RFC 5092 §8) are compared in this form.
std::string unicode_mailbox_name(std::string_view wire_name);

// Well-formed UTF-8 (RFC 3629): no overlong forms, surrogates or values above U+10FFFF.
bool is_valid_utf8(std::string_view text);

}  // namespace referee::imap

template <>
struct boost::system::is_error_code_enum<referee::imap::mailbox_name_error> : std::true_type {};
