// libFuzzer target: the target-profile loader (XML, XSD validation, hook variables, checks).
// Any document must load or be refused with diagnostics; the environment is not read.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "harness/profile/profile_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  referee::profile::ProfileLoadOptions options{
      .environment = [](std::string_view) -> std::optional<std::string> { return std::nullopt; },
      .fallback_variables = {{"REFEREE_SOURCE_DIR", "/src"}, {"REFEREE_BINARY_DIR", "/build"}}};
  std::string text(reinterpret_cast<const char*>(data), size);
  auto loaded = referee::profile::load_profile_text("fuzz.xml", std::move(text), options);
  if (!loaded && loaded.diagnostics.empty()) std::abort();  // refused without saying why
  return 0;
}
