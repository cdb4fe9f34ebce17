#pragma once
// Builds the scenario model from a document that passed scenario-1.xsd. Problems the schema
// cannot see while reading (a second <tagged>, a zero timeout) are added to `diagnostics`;
// cross-references are checked afterwards by check_scenario (scenario_checks.hpp).
#include "harness/scenario/diagnostic.hpp"
#include "harness/scenario/model.hpp"
#include "harness/scenario/xml_file.hpp"

namespace referee::scenario {

Scenario read_scenario(const XmlFile& file, Diagnostics& diagnostics);

}  // namespace referee::scenario
