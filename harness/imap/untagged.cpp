#include "harness/imap/untagged.hpp"

#include <limits>

namespace referee::imap {
namespace {

std::optional<std::uint32_t> nz_number(const Value& value) {
  const auto number = value.as_number();
  if (!number || *number == 0 || *number > std::numeric_limits<std::uint32_t>::max()) return std::nullopt;
  return static_cast<std::uint32_t>(*number);
}

// The atoms of a flag or attribute list, as sent; nullopt if an item is not an atom.
std::optional<std::vector<std::string>> atoms_of(const Value& list) {
  if (!list.is_list()) return std::nullopt;
  std::vector<std::string> atoms;
  atoms.reserve(list.items.size());
  for (const Value& item : list.items) {
    if (item.kind != ValueKind::atom) return std::nullopt;
    atoms.push_back(item.text);
  }
  return atoms;
}

// RFC 3501 §9: mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
// False when the value is neither NIL nor a one-character quoted string.
bool read_delimiter(const Value& value, std::optional<char>& delimiter) {
  if (value.is_nil()) {
    delimiter.reset();
    return true;
  }
  if (value.kind != ValueKind::quoted || value.text.size() != 1) return false;
  delimiter = value.text[0];
  return true;
}

bool is_modseq_item(const Value& value) {
  return value.is_list() && value.items.size() == 2 && value.items[0].is_atom("MODSEQ") && value.items[1].as_number();
}

}  // namespace

std::optional<ListEntry> as_list(const Response& response) {
  if (!(response.is_untagged("LIST") || response.is_untagged("LSUB")) || response.data.size() != 3) return std::nullopt;
  ListEntry entry;
  auto attributes = atoms_of(response.data[0]);
  const auto mailbox = response.data[2].as_string();
  if (!attributes || !mailbox || !read_delimiter(response.data[1], entry.delimiter)) return std::nullopt;
  entry.attributes = std::move(*attributes);
  entry.mailbox = std::string(*mailbox);
  return entry;
}

// RFC 3501 §9: "STATUS" SP mailbox SP "(" [status-att-list] ")"
//   status-att-list = status-att SP number *(SP status-att SP number)
std::optional<std::map<std::string, std::uint64_t>> as_status(const Response& response, std::string* mailbox) {
  if (!response.is_untagged("STATUS") || response.data.size() != 2 || !response.data[1].is_list()) return std::nullopt;
  const auto name = response.data[0].as_string();
  const auto& items = response.data[1].items;
  if (!name || items.size() % 2 != 0) return std::nullopt;
  std::map<std::string, std::uint64_t> attributes;
  for (std::size_t i = 0; i < items.size(); i += 2) {
    const auto value = items[i + 1].as_number();
    if (items[i].kind != ValueKind::atom || !value) return std::nullopt;
    attributes[to_upper(items[i].text)] = *value;
  }
  if (mailbox != nullptr) *mailbox = std::string(*name);
  return attributes;
}

// RFC 3501 §9: mailbox-data =/ "SEARCH" *(SP nz-number); RFC 7162 may append "(MODSEQ n)".
std::optional<std::vector<std::uint32_t>> as_search(const Response& response) {
  if (!response.is_untagged("SEARCH")) return std::nullopt;
  std::vector<std::uint32_t> numbers;
  numbers.reserve(response.data.size());
  for (std::size_t i = 0; i < response.data.size(); ++i) {
    const bool last = i + 1 == response.data.size();
    if (last && is_modseq_item(response.data[i])) break;
    const auto number = nz_number(response.data[i]);
    if (!number) return std::nullopt;
    numbers.push_back(*number);
  }
  return numbers;
}

// RFC 3501 §9: capability-data = "CAPABILITY" *(SP capability) SP "IMAP4rev1" *(SP capability)
// and resp-text-code =/ capability-data ("* OK [CAPABILITY ...]", "A1 OK [CAPABILITY ...]").
std::optional<std::vector<std::string>> as_capabilities(const Response& response) {
  if (response.is_status() && response.code && response.code->is("CAPABILITY")) return response.code->capabilities();
  if (!response.is_untagged("CAPABILITY") || response.is_status()) return std::nullopt;
  std::vector<std::string> capabilities;
  for (const Value& item : response.data) {
    if (item.kind != ValueKind::atom && item.kind != ValueKind::number) return std::nullopt;
    capabilities.push_back(to_upper(item.text));
  }
  return capabilities;
}

// RFC 3501 §9: mailbox-data = "FLAGS" SP flag-list
std::optional<std::vector<std::string>> as_flags(const Response& response) {
  if (!response.is_untagged("FLAGS") || response.data.size() != 1) return std::nullopt;
  return atoms_of(response.data[0]);
}

namespace {

std::optional<std::vector<NamespaceEntry>> namespace_entries(const Value& value) {
  std::vector<NamespaceEntry> entries;
  if (value.is_nil()) return entries;
  if (!value.is_list() || value.items.empty()) return std::nullopt;
  for (const Value& item : value.items) {
    if (!item.is_list() || item.items.size() < 2) return std::nullopt;
    auto prefix = item.items[0].as_string();
    if (!prefix) return std::nullopt;
    NamespaceEntry entry{.prefix = std::string(*prefix), .delimiter = std::nullopt};
    if (!item.items[1].is_nil()) {
      auto delimiter = item.items[1].as_string();
      if (!delimiter || delimiter->size() != 1) return std::nullopt;
      entry.delimiter = (*delimiter)[0];
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

std::optional<Namespaces> as_namespace(const Response& response) {
  if (!response.is_untagged("NAMESPACE") || response.is_status() || response.data.size() != 3) {
    return std::nullopt;
  }
  auto personal = namespace_entries(response.data[0]);
  auto other_users = namespace_entries(response.data[1]);
  auto shared = namespace_entries(response.data[2]);
  if (!personal || !other_users || !shared) return std::nullopt;
  return Namespaces{std::move(*personal), std::move(*other_users), std::move(*shared)};
}

// RFC 3501 §9: message-data = nz-number SP "FETCH" SP msg-att
//   msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP (msg-att-dynamic / msg-att-static)) ")"
// Each item is a name (atom, "BODY[...]<n>" included) followed by its value.
std::optional<FetchData> as_fetch(const Response& response) {
  if (!response.is_untagged("FETCH") || !response.number || *response.number == 0 || response.data.size() != 1 ||
      !response.data[0].is_list()) {
    return std::nullopt;
  }
  const auto& items = response.data[0].items;
  if (items.size() % 2 != 0) return std::nullopt;
  FetchData fetch{*response.number, {}};
  for (std::size_t i = 0; i < items.size(); i += 2) {
    if (items[i].kind != ValueKind::atom) return std::nullopt;
    fetch.items.insert_or_assign(to_upper(items[i].text), items[i + 1]);
  }
  return fetch;
}

}  // namespace referee::imap
