#include "harness/engine/match/response_match.hpp"

#include <algorithm>
#include <charconv>

#include <re2/re2.h>

#include "harness/imap/untagged.hpp"
#include "harness/imap/value.hpp"

namespace referee::engine {
namespace {

checked<bool> number_matches(const std::string& expected, const imap::Response& response,
                             const Variables& variables) {
  auto text = variables.substitute(expected);
  if (!text) return text.error();
  std::uint32_t number = 0;
  auto [end, problem] = std::from_chars(text->data(), text->data() + text->size(), number);
  if (problem != std::errc() || end != text->data() + text->size()) {
    return ScenarioError{"number=\"" + *text + "\" is not a message number"};
  }
  return response.number == number;
}

checked<bool> list_mailbox_matches(const std::string& expected, const imap::Response& response,
                                   const Variables& variables) {
  auto mailbox = variables.substitute(expected);
  if (!mailbox) return mailbox.error();
  auto entry = imap::as_list(response);
  return entry && entry->mailbox == *mailbox;
}

std::string value_text(const imap::Value& value) {
  if (auto text = value.as_string()) return std::string(*text);
  return value.to_imap();
}

bool value_contains(const imap::Value& value, std::string_view wanted) {
  if (value.is_list()) {
    // FLAGS (\Seen \Deleted): flags and keywords are case-insensitive atoms.
    return std::any_of(value.items.begin(), value.items.end(), [&](const imap::Value& item) {
      return imap::iequals(value_text(item), wanted);
    });
  }
  return value_text(value).find(wanted) != std::string::npos;
}

checked<bool> field_matches(const scenario::FieldPattern& field, const imap::FetchData& fetch,
                            const Variables& variables) {
  auto item = fetch.items.find(imap::to_upper(field.name));
  if (item == fetch.items.end()) return false;
  if (field.equals) {
    auto wanted = variables.substitute(*field.equals);
    if (!wanted) return wanted.error();
    if (value_text(item->second) != *wanted && item->second.to_imap() != *wanted) return false;
  }
  if (field.contains) {
    auto wanted = variables.substitute(*field.contains);
    if (!wanted) return wanted.error();
    if (!value_contains(item->second, *wanted)) return false;
  }
  return true;
}

checked<bool> fields_match(const std::vector<scenario::FieldPattern>& fields,
                           const imap::Response& response, const Variables& variables) {
  if (fields.empty()) return true;
  auto fetch = imap::as_fetch(response);
  if (!fetch) return false;
  for (const auto& field : fields) {
    auto matched = field_matches(field, *fetch, variables);
    if (!matched || !*matched) return matched;
  }
  return true;
}

checked<std::unique_ptr<RE2>> compile(std::string_view pattern, const Variables& variables) {
  auto substituted = variables.substitute_in_regex(pattern);
  if (!substituted) return substituted.error();
  RE2::Options options;
  options.set_log_errors(false);
  auto regex = std::make_unique<RE2>(*substituted, options);
  if (!regex->ok()) {
    return ScenarioError{"regular expression \"" + std::string(pattern) +
                         "\" does not compile: " + regex->error()};
  }
  return regex;
}

}  // namespace

checked<bool> matches_untagged(const scenario::UntaggedPattern& pattern,
                               const imap::Response& response, const Variables& variables) {
  if (response.kind != imap::ResponseKind::untagged) return false;
  if (!pattern.name.empty() && !response.is_untagged(pattern.name)) return false;
  if (pattern.code && !(response.code && response.code->is(*pattern.code))) return false;
  using Test = checked<bool> (*)(const std::string&, const imap::Response&, const Variables&);
  const std::pair<const std::optional<std::string>*, Test> tests[] = {
      {&pattern.number, number_matches},
      {&pattern.list_mailbox, list_mailbox_matches},
  };
  for (const auto& [attribute, test] : tests) {
    if (!*attribute) continue;
    auto matched = test(**attribute, response, variables);
    if (!matched || !*matched) return matched;
  }
  if (auto matched = fields_match(pattern.fields, response, variables); !matched || !*matched) {
    return matched;
  }
  if (pattern.match) return regex_matches(*pattern.match, one_line(response), variables);
  return true;
}

bool status_matches(const std::vector<std::string>& statuses, const imap::Response* response) {
  if (statuses.empty()) return true;
  std::string_view actual = response ? imap::to_string(response->status) : "NONE";
  return std::any_of(statuses.begin(), statuses.end(),
                     [&](const std::string& status) { return imap::iequals(status, actual); });
}

checked<bool> regex_matches(std::string_view pattern, std::string_view text,
                            const Variables& variables) {
  auto regex = compile(pattern, variables);
  if (!regex) return regex.error();
  return RE2::PartialMatch(text, **regex);
}

checked<std::string> capture_value(const std::optional<std::string>& match, int group,
                                   const imap::Response& response, const Variables& variables) {
  std::string line = one_line(response);
  if (!match || group <= 0) return success(std::move(line));
  auto regex = compile(*match, variables);
  if (!regex) return regex.error();
  if (group > (*regex)->NumberOfCapturingGroups()) {
    return ScenarioError{"group=\"" + std::to_string(group) + "\" but \"" + *match + "\" has " +
                         std::to_string((*regex)->NumberOfCapturingGroups()) + " groups"};
  }
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(group) + 1);
  if (!(*regex)->Match(line, 0, line.size(), RE2::UNANCHORED, groups.data(),
                       static_cast<int>(groups.size()))) {
    return ScenarioError{"capture: \"" + *match + "\" does not match \"" + line + "\""};
  }
  return success(std::string(groups[static_cast<std::size_t>(group)]));
}

std::string describe(const scenario::UntaggedPattern& pattern) {
  std::string text = "untagged " + (pattern.name.empty() ? std::string("response") : pattern.name);
  if (pattern.number) text += " number=" + *pattern.number;
  if (pattern.list_mailbox) text += " mailbox=" + *pattern.list_mailbox;
  for (const auto& field : pattern.fields) {
    text += " " + field.name;
    if (field.equals) text += "=" + *field.equals;
    if (field.contains) text += " contains " + *field.contains;
  }
  if (pattern.code) text += " [" + *pattern.code + "]";
  if (pattern.match) text += " matching /" + *pattern.match + "/";
  return text;
}

std::string describe_statuses(const std::vector<std::string>& statuses) {
  if (statuses.empty()) return "any status";
  std::string text;
  for (const auto& status : statuses) text += (text.empty() ? "" : "|") + status;
  return text;
}

std::string one_line(const imap::Response& response) {
  std::string_view raw = response.raw;
  while (!raw.empty() && (raw.back() == '\n' || raw.back() == '\r')) raw.remove_suffix(1);
  return std::string(raw);
}

}  // namespace referee::engine
