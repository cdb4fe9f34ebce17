#pragma once
// One IMAP data item as a typed tree (Dovecot imap-arg style): read it through the typed
// accessors rather than by poking at `kind`.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace referee::imap {

enum class ValueKind { nil, atom, number, quoted, literal, list };

struct Value {
  ValueKind kind = ValueKind::nil;
  std::string text;          // atom text, decoded quoted string, literal bytes; number text too
  std::uint64_t number = 0;  // for ValueKind::number
  bool literal8 = false;     // ~{n} (RFC 3516 literal8)
  std::vector<Value> items;  // for lists

  static Value nil();
  static Value atom(std::string text);
  static Value number_value(std::uint64_t number);
  static Value quoted(std::string text);
  static Value literal(std::string bytes, bool literal8 = false);
  static Value list(std::vector<Value> items);

  // True for an atom whose text equals `name`, ignoring ASCII case.
  bool is_atom(std::string_view name) const;
  // astring/nstring view: the text of an atom, quoted string or literal (numbers count as
  // atoms too, since "1234" is a valid astring). nullopt for NIL and lists.
  std::optional<std::string_view> as_string() const;
  std::optional<std::uint64_t> as_number() const;
  bool is_nil() const;
  bool is_list() const;
  // Canonical re-serialisation for messages: quoted strings re-escaped, literals as {n}\r\n...
  std::string to_imap() const;

  friend bool operator==(const Value&, const Value&) = default;
};

// ASCII case-insensitive comparison, IMAP keywords are case-insensitive (RFC 3501 §9 note 3).
bool iequals(std::string_view a, std::string_view b);
std::string to_upper(std::string_view text);
// to_upper into an existing string, reusing its storage.
void assign_upper(std::string& out, std::string_view text);

}  // namespace referee::imap
