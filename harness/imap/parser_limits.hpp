#pragma once
// Explicit bounds on what one response may cost: exceeding one is a typed parse_error,
// never unbounded memory.

#include <cstddef>

namespace referee::imap {

struct ParserLimits {
  std::size_t max_line = 64 * 1024;            // bytes in one line, literals excluded, CRLF included
  std::size_t max_literal = 64 * 1024 * 1024;  // bytes in one literal
  std::size_t max_depth = 32;                  // nesting of parenthesised lists
  std::size_t max_items = 100000;              // values (atoms, strings, lists) in one response
  // All bytes of one response, literals included; checked when a literal is announced
  // (the lines themselves are bounded by max_line).
  std::size_t max_response = 256 * 1024 * 1024;
};

}  // namespace referee::imap
