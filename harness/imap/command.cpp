#include "harness/imap/command.hpp"

#include <stdexcept>

#include "harness/imap/command_syntax.hpp"

namespace referee::imap {

Argument Argument::atom(std::string text) {
  if (!is_atom(text))
    throw std::invalid_argument("Argument::atom: \"" + text + "\" is not an atom");
  return Argument(Kind::atom, std::move(text));
}

Argument Argument::flag(std::string text) {
  if (!is_flag(text)) throw std::invalid_argument("Argument::flag: \"" + text + "\" is not a flag");
  return Argument(Kind::atom, std::move(text));
}

Argument Argument::number(std::uint32_t value) {
  return Argument(Kind::atom, std::to_string(value));
}

Argument Argument::quoted(std::string text) {
  if (!can_be_quoted(text)) {
    throw std::invalid_argument("Argument::quoted: text has CR, LF, NUL or 8-bit bytes");
  }
  return Argument(Kind::quoted, std::move(text));
}

Argument Argument::literal(std::string bytes, LiteralMode mode) {
  Argument argument(Kind::literal, std::move(bytes));
  argument.literal_mode_ = mode;
  return argument;
}

Argument Argument::astring(std::string text) { return Argument(Kind::astring, std::move(text)); }

Argument Argument::list_mailbox(std::string text) {
  return Argument(Kind::list_mailbox, std::move(text));
}

Argument Argument::list(std::vector<Argument> items) {
  Argument argument(Kind::list, {});
  argument.items_ = std::move(items);
  return argument;
}

Argument Argument::sequence(SequenceSet set) {
  if (set.empty()) throw std::invalid_argument("Argument::sequence: empty sequence set");
  Argument argument(Kind::sequence_set, {});
  argument.sequence_set_ = std::move(set);
  return argument;
}

Argument Argument::raw(std::string text) { return Argument(Kind::raw, std::move(text)); }

}  // namespace referee::imap
