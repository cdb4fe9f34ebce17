#include "harness/imap/response_code.hpp"

#include <limits>

namespace referee::imap {
namespace {

std::vector<std::string> split_on_spaces(std::string_view text) {
  std::vector<std::string> words;
  std::size_t position = 0;
  while (position < text.size()) {
    const std::size_t space = text.find(' ', position);
    const std::size_t end = space == std::string_view::npos ? text.size() : space;
    if (end > position) words.emplace_back(text.substr(position, end - position));
    position = end + 1;
  }
  return words;
}

std::vector<std::string> strings_of(const std::vector<Value>& values, bool upper) {
  std::vector<std::string> strings;
  for (const Value& value : values) {
    if (auto text = value.as_string()) strings.push_back(upper ? to_upper(*text) : std::string(*text));
  }
  return strings;
}

}  // namespace

bool ResponseCode::is(std::string_view code_name) const { return iequals(name, code_name); }

// RFC 2193 §6: referral_response_code = "[" "REFERRAL" 1*(SPACE <url>) "]". URLs contain
// no spaces, so the raw text is split rather than the parsed args (a URL is not an atom:
// it may hold characters such as '%' or '*' that atoms exclude).
std::vector<std::string> ResponseCode::referral_urls() const {
  if (!is("REFERRAL")) return {};
  return split_on_spaces(text);
}

// RFC 2060 §7.1: NEWNAME followed by a mailbox name and a new mailbox name.
std::optional<std::pair<std::string, std::string>> ResponseCode::newname() const {
  if (!is("NEWNAME") || args.size() != 2) return std::nullopt;
  auto old_name = args[0].as_string();
  auto new_name = args[1].as_string();
  if (!old_name || !new_name) return std::nullopt;
  return std::pair{std::string(*old_name), std::string(*new_name)};
}

// RFC 3501 §9: resp-text-code =/ capability-data; capability-data = "CAPABILITY" *(SP capability) ...
std::vector<std::string> ResponseCode::capabilities() const {
  if (!is("CAPABILITY")) return {};
  return strings_of(args, true);
}

// RFC 3501 §9: "UIDNEXT" SP nz-number / "UIDVALIDITY" SP nz-number / "UNSEEN" SP nz-number
std::optional<std::uint32_t> ResponseCode::number() const {
  if (args.size() != 1) return std::nullopt;
  auto value = args[0].as_number();
  if (!value || *value == 0 || *value > std::numeric_limits<std::uint32_t>::max()) return std::nullopt;
  return static_cast<std::uint32_t>(*value);
}

// RFC 3501 §9: "PERMANENTFLAGS" SP "(" [flag-perm *(SP flag-perm)] ")"
std::vector<std::string> ResponseCode::flags() const {
  if (!is("PERMANENTFLAGS") || args.size() != 1 || !args[0].is_list()) return {};
  return strings_of(args[0].items, false);
}

}  // namespace referee::imap
