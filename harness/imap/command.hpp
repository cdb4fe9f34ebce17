#pragma once
// The client side of the wire: a command as a name and typed arguments (RFC 3501 §9
// "command"), or as text written by a scenario author with literal parts in it.

#include <cstdint>
#include <string>
#include <vector>

#include "harness/imap/sequence_set.hpp"

namespace referee::imap {

// How a literal is announced. automatic follows SerializeOptions::literal_plus.
enum class LiteralMode {
  automatic,
  synchronizing,      // "{n}": the client waits for "+" before sending the bytes
  non_synchronizing,  // "{n+}" (RFC 2088 LITERAL+): the bytes follow at once
};

// One command argument. The factories check what a caller controls; breaking those checks is
// a programming error (std::invalid_argument). Scenarios that want to send broken syntax on
// purpose use raw().
class Argument {
 public:
  enum class Kind { atom, quoted, literal, astring, list_mailbox, list, sequence_set, raw };

  static Argument atom(std::string text);       // atom = 1*ATOM-CHAR
  static Argument flag(std::string text);       // "\Seen", "$Forwarded" (is_flag)
  static Argument number(std::uint32_t value);  // number, as an atom of digits
  static Argument quoted(std::string text);     // requires can_be_quoted(text)
  static Argument literal(std::string bytes, LiteralMode mode = LiteralMode::automatic);
  // astring: atom when 1*ASTRING-CHAR, else quoted when possible and not too long, else
  // literal (the choice is made when serializing; see SerializeOptions).
  static Argument astring(std::string text);
  // list-mailbox: as astring, but "%" and "*" may stay unquoted (LIST, LSUB, RLIST, RLSUB).
  static Argument list_mailbox(std::string text);
  static Argument list(std::vector<Argument> items);  // "(" items separated by SP ")"
  static Argument sequence(SequenceSet set);          // requires a non-empty set
  static Argument raw(std::string text);              // written exactly as given

  Kind kind() const { return kind_; }
  // The text of atom, quoted (unescaped), literal, astring, list_mailbox, raw; empty otherwise.
  const std::string& text() const { return text_; }
  const std::vector<Argument>& items() const { return items_; }      // list only
  const SequenceSet& sequence_set() const { return sequence_set_; }  // sequence_set only
  LiteralMode literal_mode() const { return literal_mode_; }         // literal only

 private:
  Argument(Kind kind, std::string text) : kind_(kind), text_(std::move(text)) {}

  Kind kind_;
  std::string text_;
  std::vector<Argument> items_;
  SequenceSet sequence_set_;
  LiteralMode literal_mode_ = LiteralMode::automatic;
};

// tag SP name *(SP argument) CRLF. name is written as given: "SELECT", "UID FETCH".
struct Command {
  std::string name;
  std::vector<Argument> arguments;
};

// A command as a scenario author wrote it, e.g. `APPEND ${mailbox} (\Seen) {literal}`: the
// engine substitutes the text and turns each literal placeholder into a literal Argument.
// Parts are concatenated as they are, no SP added; CRLF ends the command.
struct RawCommand {
  std::vector<Argument> parts;
};

}  // namespace referee::imap
