#pragma once
// One complete server response (RFC 3501 §9 "response-data", "response-tagged",
// "continue-req", "greeting") with the exact bytes it came from.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/imap/response_code.hpp"
#include "harness/imap/value.hpp"

namespace referee::imap {

enum class ResponseKind { tagged, untagged, continuation };
enum class Status { none, ok, no, bad, preauth, bye };  // none = untagged data, not a status response

struct Response {
  ResponseKind kind = ResponseKind::untagged;
  std::string tag;               // tagged only
  Status status = Status::none;  // OK/NO/BAD/PREAUTH/BYE responses
  std::optional<ResponseCode> code;
  std::string text;              // human-readable text (resp-text without the code);
                                 // for a continuation, everything after "+ " (text or base64)
  // untagged data: "* 5 EXISTS" -> number=5, name="EXISTS"; "* LIST (...) "/" INBOX" -> name="LIST",
  // data=[list, "/", "INBOX"]; "* 3 FETCH (...)" -> number=3, name="FETCH", data=[list]
  std::optional<std::uint32_t> number;
  std::string name;              // upper-cased keyword; for status responses "OK", "NO", ...
  std::vector<Value> data;
  std::string raw;               // exact bytes as received, CRLF and literals included

  bool is_status() const;
  bool is_tagged(std::string_view t) const;
  // True for untagged data (or untagged status) whose name equals `keyword` ignoring case.
  bool is_untagged(std::string_view keyword) const;

  friend bool operator==(const Response&, const Response&) = default;
};

std::string_view to_string(Status status);
std::string_view to_string(ResponseKind kind);

}  // namespace referee::imap
