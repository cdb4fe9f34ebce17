#pragma once
// Structural matching of server responses against scenario patterns: status, response code,
// message number, name, LIST mailbox, FETCH fields, and RE2 on the raw line. Server text is
// untrusted, so regular expressions are RE2 (linear time), never std::regex.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/engine/match/scenario_error.hpp"
#include "harness/engine/match/variables.hpp"
#include "harness/imap/response.hpp"
#include "harness/scenario/model.hpp"

namespace referee::engine {

// Whether an untagged response satisfies every attribute the pattern gives. A ScenarioError
// when a variable is undefined or the regex does not compile.
checked<bool> matches_untagged(const scenario::UntaggedPattern& pattern,
                               const imap::Response& response, const Variables& variables);

// Whether a status ("OK", "NO", "BAD", "PREAUTH", "BYE", or "NONE" for no response at all) is
// among `statuses`; an empty list accepts any.
bool status_matches(const std::vector<std::string>& statuses, const imap::Response* response);

// RE2 partial match of `pattern` (variables substituted and quoted) on `text`.
checked<bool> regex_matches(std::string_view pattern, std::string_view text,
                            const Variables& variables);

// The value capture="var" takes: group `group` of `match` when both are given, else the line.
checked<std::string> capture_value(const std::optional<std::string>& match, int group,
                                   const imap::Response& response, const Variables& variables);

// For messages: "untagged EXISTS number=3", "tagged OK|NO [TRYCREATE]".
std::string describe(const scenario::UntaggedPattern& pattern);
std::string describe_statuses(const std::vector<std::string>& statuses);
// A response as one readable line: its raw bytes without the final CRLF, literals kept.
std::string one_line(const imap::Response& response);

}  // namespace referee::engine
