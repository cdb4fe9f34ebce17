#pragma once
// Problems found in a scenario, catalogue or profile file. Loaders never throw for a bad file:
// they return every problem they found, each naming file:line:column, so `referee validate`
// can list them all at once.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "harness/scenario/model.hpp"

namespace referee::scenario {

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;
  unsigned line = 0;      // 1-based; 0 when the problem concerns the whole file
  unsigned column = 0;    // 1-based byte column
  std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

// "file:line:column: error: message" (the compilers' format, so editors can jump to it).
std::string format_diagnostic(const Diagnostic& diagnostic);

bool has_errors(const Diagnostics& diagnostics);

// Adds a diagnostic located at `where`.
void report(Diagnostics& diagnostics, Severity severity, const SourceLocation& where,
            std::string message);

// What a loader returns: the value when no error was found, and every diagnostic (warnings
// accompany a value; errors replace it).
template <class T>
struct LoadResult {
  std::optional<T> value;
  Diagnostics diagnostics;

  explicit operator bool() const { return value.has_value(); }
  bool has_value() const { return value.has_value(); }
};

template <class T>
LoadResult<T> make_load_result(T value, Diagnostics diagnostics) {
  LoadResult<T> result;
  if (!has_errors(diagnostics)) result.value = std::move(value);
  result.diagnostics = std::move(diagnostics);
  return result;
}

}  // namespace referee::scenario
