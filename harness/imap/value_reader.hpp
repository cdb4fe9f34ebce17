#pragma once
// Reads IMAP data items (RFC 3501 §9 atom, number, string, NIL, parenthesised list) from one
// complete response held in memory. The ResponseParser frames responses first, so this
// reader never waits for bytes: running out of input is a syntax error here.
// Internal to the imap layer; users read Response and Value.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "harness/imap/parse_error.hpp"
#include "harness/imap/parser_limits.hpp"
#include "harness/imap/value.hpp"

namespace referee::imap {

struct SyntaxError {
  parse_error code = parse_error::unexpected_character;
  std::size_t offset = 0;
  std::string message;
};

// Inside a response code "]" ends the code, elsewhere it is an ASTRING-CHAR.
enum class AtomContext { data, response_code };

class ValueReader {
 public:
  ValueReader(std::string_view input, const ParserLimits& limits, AtomContext context = AtomContext::data);

  std::size_t position() const { return position_; }
  void skip(std::size_t bytes) { position_ += bytes; }
  bool at_end() const { return position_ >= input_.size(); }
  // At the CRLF that ends the line (or the end of input, for response code text).
  bool at_line_end() const {
    return at_end() || (input_[position_] == '\r' && position_ + 1 < input_.size() && input_[position_ + 1] == '\n');
  }
  char peek() const { return at_end() ? '\0' : input_[position_]; }
  std::string_view rest_of_line() const;

  // One value of any kind.
  bool read_value(Value& out);
  // *(SP value) up to the line end; a trailing SP before CRLF is tolerated.
  bool read_values_to_line_end(std::vector<Value>& out);
  // A run of atom characters (possibly empty) without NIL/number interpretation.
  std::string_view read_atom_text();
  // A response name or status word: atom characters, stopping at "[" and "]" too.
  std::string_view read_keyword_text();
  // Consumes one SP or fails with missing_space naming what it follows.
  bool expect_space(const char* after) {
    if (peek() != ' ') return fail_missing_space(after);
    ++position_;
    return true;
  }

  bool fail(parse_error code, std::string message);
  bool fail_at(std::size_t offset, parse_error code, std::string message);
  const SyntaxError& error() const { return error_; }

 private:
  bool read_list(Value& out, std::size_t depth);
  bool read_list_items(std::vector<Value>& items, std::size_t depth);
  bool read_value_at_depth(Value& out, std::size_t depth);
  bool read_quoted(Value& out);
  bool read_literal(Value& out);
  bool read_atom(Value& out);
  std::size_t section_end(std::size_t open_bracket) const;
  bool count_item() { return ++items_ <= limits_.max_items || fail_too_many_items(); }
  bool fail_too_many_items();
  bool fail_missing_space(const char* after);
  std::string describe_current() const;

  std::string_view input_;
  const ParserLimits& limits_;
  AtomContext context_;
  std::size_t position_ = 0;
  std::size_t items_ = 0;
  SyntaxError error_;
};

}  // namespace referee::imap
