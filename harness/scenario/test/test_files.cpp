#include "harness/scenario/test/test_files.hpp"

#include <cstdlib>
#include <stdexcept>

#include "harness/scenario/requirement_loader.hpp"

namespace referee::scenario::test {

std::filesystem::path source_dir() {
  const char* dir = std::getenv("REFEREE_SOURCE_DIR");
  if (dir == nullptr) throw std::logic_error("REFEREE_SOURCE_DIR is not set (run through ctest)");
  return dir;
}

std::filesystem::path data_dir() { return source_dir() / "harness/scenario/test/data"; }

const RequirementCatalogue& catalogue() {
  static const RequirementCatalogue loaded = [] {
    auto result = load_requirements(source_dir() / "scenarios/requirements.xml");
    if (!result) throw std::logic_error("catalogue does not load: " + describe(result.diagnostics));
    return *result.value;
  }();
  return loaded;
}

std::string scenario_document(const std::vector<std::string>& steps,
                              const std::vector<std::string>& clients) {
  std::string text =
      "<scenario xmlns=\"urn:referee:scenario:1\" id=\"rfc2180/3/test\">\n"
      "  <title>test</title>\n"
      "  <rfc number=\"2180\" section=\"3\"/>\n"
      "  <clients>\n";
  const std::vector<std::string> default_clients{
      R"(<client id="C1" server="main" user="local"/>)",
      R"(<client id="C2" server="main" user="local"/>)"};
  for (const std::string& client : clients.empty() ? default_clients : clients) {
    text += "    " + client + "\n";
  }
  text += "  </clients>\n  <steps>\n";
  for (const std::string& step : steps) text += "    " + step + "\n";
  text += "  </steps>\n</scenario>\n";
  return text;
}

std::string describe(const Diagnostics& diagnostics) {
  std::string text;
  for (const Diagnostic& diagnostic : diagnostics) text += format_diagnostic(diagnostic) + "\n";
  return text.empty() ? "(no diagnostics)" : text;
}

::testing::AssertionResult has_diagnostic(const Diagnostics& diagnostics, Severity severity,
                                          unsigned line, unsigned column, std::string_view text) {
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.severity == severity && diagnostic.line == line &&
        diagnostic.column == column && diagnostic.message.find(text) != std::string::npos) {
      return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure()
         << "no " << (severity == Severity::error ? "error" : "warning") << " at " << line << ':'
         << column << " containing \"" << text << "\" among:\n"
         << describe(diagnostics);
}

}  // namespace referee::scenario::test
