#include "harness/engine/match/referral_judge.hpp"

#include <charconv>

#include "harness/engine/match/profile_roles.hpp"
#include "harness/engine/match/url_user_encoding.hpp"
#include "harness/imap/mailbox_name.hpp"
#include "harness/imap/value.hpp"

namespace referee::engine {
namespace {

std::string describe_pattern(const scenario::UrlPattern& pattern) {
  std::string text = "url";
  if (pattern.server) text += " server=" + *pattern.server;
  if (pattern.not_server) text += " not-server=" + *pattern.not_server;
  if (pattern.user) text += " user=" + *pattern.user;
  if (pattern.auth) text += " auth=" + *pattern.auth;
  if (pattern.mailbox) text += " mailbox=" + *pattern.mailbox;
  return text;
}

std::string describe_pattern(const scenario::ReferralPattern& pattern) {
  if (pattern.count == "0") return "no REFERRAL response code";
  std::string text = pattern.count == "pairs" ? std::string("REFERRAL with pairs of URLs")
                                              : "REFERRAL with " + pattern.count + " URL(s)";
  for (const auto& url : pattern.urls) text += "; " + describe_pattern(url);
  return text;
}

bool auth_matches(std::string_view wanted, const std::optional<std::string>& auth) {
  if (wanted == "absent") return !auth;
  if (wanted == "any") return auth.has_value();
  return auth && imap::iequals(*auth, wanted);
}

// RFC 5092 §8: "IMAP's modified UTF-7 encoding for mailboxes MUST be converted to UTF-8",
// then percent-encoded (§5: " " (space), ";", or "?" ... "MUST be percent-encoded"). The URL's
// mailbox, percent-decoded, must be the Unicode name of the mailbox the scenario names in the
// server's modified UTF-7: a URL that keeps the modified UTF-7, or whose raw "%" decodes to
// something else, names another mailbox.
std::string mailbox_difference(const imap::ImapUrl& url, const std::string& wire_name) {
  const std::string wanted = imap::unicode_mailbox_name(wire_name);
  if (url.mailbox == wanted) return "";
  std::string difference = "its mailbox decodes to \"" + url.mailbox + "\", not \"" + wanted + "\"";
  if (wanted != wire_name) difference += " (\"" + wire_name + "\" in IMAP's modified UTF-7)";
  if (url.mailbox == wire_name) {
    difference += ": the modified UTF-7 was not converted to UTF-8 (RFC 5092 §8)";
  }
  return difference;
}

// The profile server a pattern's server="…" or not-server="…" names (a role or an id).
checked<const profile::Server*> named_server(const std::string& name, const profile::Profile& profile,
                                             const Variables& variables) {
  auto role = variables.substitute(name);
  if (!role) return role.error();
  const profile::Server* server = find_server(profile, *role);
  if (server == nullptr) return ScenarioError{"the profile has no server \"" + *role + "\""};
  return server;
}

// The first attribute of `pattern` that `url` does not satisfy, or "" when all do.
checked<std::string> first_difference(const scenario::UrlPattern& pattern, const CheckedUrl& url,
                                      const profile::Profile& profile,
                                      const Variables& variables) {
  if (!url.url) return success("it does not parse: " + url.problem->message);
  if (pattern.server) {
    auto wanted = named_server(*pattern.server, profile, variables);
    if (!wanted) return wanted.error();
    if (url.server != *wanted) return success("its host is not server " + (*wanted)->id);
  }
  if (pattern.not_server) {
    auto unwanted = named_server(*pattern.not_server, profile, variables);
    if (!unwanted) return unwanted.error();
    if (url.server == *unwanted) return success("its host is server " + (*unwanted)->id);
  }
  if (pattern.user) {
    auto user = variables.substitute(*pattern.user);
    if (!user) return user.error();
    if (url.url->user != *user) {
      return success("its user is \"" + url.url->user + "\", not \"" + *user + "\"");
    }
  }
  if (pattern.auth && !auth_matches(*pattern.auth, url.url->auth)) {
    return success("its ;AUTH= is \"" + url.url->auth.value_or("absent") + "\", not " +
                   *pattern.auth);
  }
  if (pattern.mailbox) {
    auto mailbox = variables.substitute(*pattern.mailbox);
    if (!mailbox) return mailbox.error();
    return success(mailbox_difference(*url.url, *mailbox));
  }
  return success(std::string());
}

// RFC 5092 §3.2: a user name with " " (space), ";"... "MUST be percent-encoded". When a
// pattern names a user and the referral writes that user as it is, the referral does not
// match, whatever else it holds, and the reason says so (the parser alone would only say
// that "imap://mary" names no profile server and "smith;sales;AUTH=*@..." is no URL).
checked<std::optional<std::string>> unencoded_pattern_user(const scenario::ReferralPattern& pattern,
                                                           const std::vector<CheckedUrl>& urls,
                                                           const Variables& variables) {
  // The code's argument as sent: the parser split it on spaces.
  std::string sent;
  for (const auto& url : urls) sent += (sent.empty() ? "" : " ") + url.text;
  for (const auto& url_pattern : pattern.urls) {
    if (!url_pattern.user) continue;
    auto login = variables.substitute(*url_pattern.user);
    if (!login) return login.error();
    if (auto problem = unencoded_user(sent, *login)) return success(std::move(problem));
  }
  return success(std::optional<std::string>());
}

}  // namespace

std::string CheckedUrl::describe() const {
  if (server != nullptr) return text + " (server " + server->id + ")";
  if (url) return text + " (host not in the profile)";
  return text + " (does not parse)";
}

std::vector<CheckedUrl> check_referral_urls(const std::vector<std::string>& urls,
                                            bool mailbox_referral,
                                            const profile::Profile& profile) {
  std::vector<CheckedUrl> checked_urls;
  for (const auto& text : urls) {
    CheckedUrl checked{.text = text};
    auto parsed = imap::parse_imap_url(text);
    if (parsed) {
      checked.findings = imap::lint_referral_url(*parsed, mailbox_referral);
      checked.server = server_for_url(profile, *parsed);
      checked.url = std::move(*parsed);
    } else {
      checked.problem = parsed.error();
    }
    checked_urls.push_back(std::move(checked));
  }
  return checked_urls;
}

bool count_matches(std::string_view count, std::size_t urls) {
  if (count.empty() || count == "any") return true;
  // RFC 2193 §4.3: RENAME "with one or more pairs of IMAP mailbox referrals".
  if (count == "pairs") return urls >= 2 && urls % 2 == 0;
  bool at_least = count.ends_with('+');
  if (at_least) count.remove_suffix(1);
  std::size_t wanted = 0;
  auto [end, problem] = std::from_chars(count.data(), count.data() + count.size(), wanted);
  if (problem != std::errc() || end != count.data() + count.size()) return false;
  return at_least ? urls >= wanted : urls == wanted;
}

checked<ReferralMatch> match_referral(const scenario::ReferralPattern& pattern,
                                      const std::vector<CheckedUrl>& urls,
                                      const profile::Profile& profile,
                                      const Variables& variables) {
  ReferralMatch match{.expected = describe_pattern(pattern)};
  for (const auto& url : urls) match.observed += (match.observed.empty() ? "" : "; ") + url.describe();
  if (urls.empty()) match.observed = "no REFERRAL response code";
  auto unencoded = unencoded_pattern_user(pattern, urls, variables);
  if (!unencoded) return unencoded.error();
  if (*unencoded) {
    match.observed = **unencoded + "; received: " + match.observed;
    return match;
  }
  // count="0" is the one pattern a response without a REFERRAL code satisfies (a proxied
  // answer, a failed login); any other count needs the code.
  bool wants_none = pattern.count == "0";
  if (urls.empty() != wants_none || !count_matches(pattern.count, urls.size())) return match;
  if (pattern.urls.size() > urls.size()) {
    match.observed += " — fewer URLs than the pattern names";
    return match;
  }
  for (std::size_t i = 0; i < pattern.urls.size(); ++i) {
    auto difference = first_difference(pattern.urls[i], urls[i], profile, variables);
    if (!difference) return difference.error();
    if (!difference->empty()) {
      match.observed += " — URL " + std::to_string(i + 1) + ": " + *difference;
      return match;
    }
  }
  match.matched = true;
  return match;
}

}  // namespace referee::engine
