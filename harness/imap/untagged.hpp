#pragma once
// Typed views of untagged data. Each returns nullopt when the response is not of that kind
// or its data is malformed for that kind.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "harness/imap/response.hpp"
#include "harness/imap/value.hpp"

namespace referee::imap {

struct ListEntry {
  std::vector<std::string> attributes;  // as sent, e.g. "\\Noselect"
  std::optional<char> delimiter;        // nullopt for NIL (flat namespace)
  std::string mailbox;                  // as sent (modified UTF-7 not decoded)
};

// LIST and LSUB; RLIST/RLSUB are answered with LIST/LSUB (RFC 2193 §5).
std::optional<ListEntry> as_list(const Response& response);
// "* STATUS mailbox (MESSAGES 3 UIDNEXT 4)": items upper-cased; mailbox stored if non-null.
std::optional<std::map<std::string, std::uint64_t>> as_status(const Response& response,
                                                              std::string* mailbox = nullptr);
std::optional<std::vector<std::uint32_t>> as_search(const Response& response);
// "* CAPABILITY ..." or a status response with [CAPABILITY ...]; atoms upper-cased.
std::optional<std::vector<std::string>> as_capabilities(const Response& response);
// "* FLAGS (...)"
std::optional<std::vector<std::string>> as_flags(const Response& response);

// RFC 2342 §5: Namespace = nil / "(" 1*( "(" string SP (<"> QUOTED_CHAR <"> / nil) ")" ) ")"
struct NamespaceEntry {
  std::string prefix;                   // "INBOX." or ""
  std::optional<char> delimiter;        // nullopt for NIL (flat)
};
struct Namespaces {
  std::vector<NamespaceEntry> personal, other_users, shared;
};
// "* NAMESPACE personal other shared" (each NIL or a list of entries; extensions ignored).
std::optional<Namespaces> as_namespace(const Response& response);

struct FetchData {
  std::uint32_t sequence = 0;
  // Keys upper-cased: "FLAGS", "UID", "BODY[]", "BODY[HEADER.FIELDS (FROM)]", "BODY[]<0>"...
  std::map<std::string, Value> items;
};
std::optional<FetchData> as_fetch(const Response& response);

}  // namespace referee::imap
