#include "harness/scenario/diagnostic.hpp"

#include <algorithm>

namespace referee::scenario {

std::string format_diagnostic(const Diagnostic& diagnostic) {
  std::string text = diagnostic.file;
  if (diagnostic.line != 0) {
    text += ':' + std::to_string(diagnostic.line) + ':' + std::to_string(diagnostic.column);
  }
  text += diagnostic.severity == Severity::error ? ": error: " : ": warning: ";
  text += diagnostic.message;
  return text;
}

bool has_errors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

void report(Diagnostics& diagnostics, Severity severity, const SourceLocation& where,
            std::string message) {
  diagnostics.push_back({severity, where.file, where.line, where.column, std::move(message)});
}

}  // namespace referee::scenario
