#pragma once
// Shared by the scenario layer's tests: where the source tree is, the real catalogue, and a
// document builder whose line numbers are easy to count.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "harness/scenario/diagnostic.hpp"
#include "harness/scenario/requirement.hpp"

namespace referee::scenario::test {

std::filesystem::path source_dir();          // $REFEREE_SOURCE_DIR
std::filesystem::path data_dir();            // harness/scenario/test/data
const RequirementCatalogue& catalogue();     // scenarios/requirements.xml, loaded once

// A scenario document:
//   line 1  <scenario ...>       line 2 <title>   line 3 <rfc/>   line 4 <clients>
//   line 5… one line per client (default: C1 and C2 on main as local)
//   then </clients>, <steps>, one line per step (indented 4: column 5), </steps>, </scenario>.
// With the two default clients the first step is on line 9.
std::string scenario_document(const std::vector<std::string>& steps,
                              const std::vector<std::string>& clients = {});

// The diagnostics as "line:column: severity: message" lines, for readable failures.
std::string describe(const Diagnostics& diagnostics);

// A diagnostic of this severity at line:column whose message contains `text`.
::testing::AssertionResult has_diagnostic(const Diagnostics& diagnostics, Severity severity,
                                          unsigned line, unsigned column, std::string_view text);

}  // namespace referee::scenario::test
