#pragma once
// RFC 5092 §3.2: "Note that if unsafe or reserved characters such as " " (space) or ";" are
// present in the user name or authentication mechanism, they MUST be percent-encoded as
// described in [URI-GEN]." A server that writes such a user name as it is breaks the URL in
// ways a URL parser reports obscurely: a space splits the REFERRAL code's argument into two
// "URLs", a ";" ends enc-user early, an "@" ends the userinfo. This recognises the user name
// in the referral as sent and says what is wrong in a vendor's words.

#include <optional>
#include <string>
#include <string_view>

namespace referee::engine {

// True when `login` holds an octet RFC 5092's enc-user may not hold as it is (not achar),
// e.g. "mary smith;sales" (space, ";"), "mary@example.com" ("@").
bool user_needs_encoding(std::string_view login);

// `referral_text` is the REFERRAL code's argument as the server sent it (its URLs joined by
// spaces). When it writes `login` as a URL's user (after "://", followed by ";" or "@") with
// at least one octet that needed percent-encoding left as it is, returns
//   user name "mary smith;sales" not percent-encoded in URL
//   "imap://mary smith;sales;AUTH=*@127.0.0.1:4002/" (RFC 5092 §3.2: " " (space) and ";"
//   MUST be percent-encoded: "mary%20smith%3Bsales")
// else nullopt (a user correctly encoded, another user, or no user at all).
std::optional<std::string> unencoded_user(std::string_view referral_text, std::string_view login);

}  // namespace referee::engine
