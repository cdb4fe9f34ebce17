// libFuzzer target: the scenario loader (XML, XSD validation, semantic checks). Any document
// must load or be refused with diagnostics; never crash or hang.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "harness/scenario/requirement_loader.hpp"
#include "harness/scenario/scenario_loader.hpp"

namespace {

const referee::scenario::RequirementCatalogue& catalogue() {
  static const auto loaded = referee::scenario::load_requirements(REFEREE_FUZZ_REQUIREMENTS);
  if (!loaded) std::abort();  // the fuzzer needs the real catalogue to reach the checks
  return *loaded.value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto loaded = referee::scenario::load_scenario_text("fuzz.xml", std::move(text), catalogue());
  if (!loaded && loaded.diagnostics.empty()) std::abort();  // refused without saying why
  return 0;
}
