#include "scenarios/test/expected_results.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace referee::catalogue_test {
namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  for (std::string part; std::getline(stream, part, separator);) parts.push_back(part);
  return parts;
}

std::vector<std::string> arguments_for(const std::string& configuration) {
  if (configuration == "default") return {};
  auto space = configuration.find(' ');
  std::string kind = configuration.substr(0, space);
  std::string value = space == std::string::npos ? "" : configuration.substr(space + 1);
  if (kind == "strategy" && !value.empty()) return {"--fixture-strategy", value};
  if (kind == "fault" && !value.empty()) return {"--fixture-fault", value};
  throw std::runtime_error("unknown configuration \"" + configuration + "\"");
}

Configuration& configuration_named(std::vector<Configuration>& all, const std::string& name) {
  for (auto& configuration : all)
    if (configuration.name == name) return configuration;
  all.push_back({name, arguments_for(name), {}});
  return all.back();
}

}  // namespace

std::vector<Configuration> read_expected_results(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(file.string() + ": cannot be read");
  std::vector<Configuration> all;
  unsigned line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    auto fields = split(line, '\t');
    if (fields.size() < 3 || fields.size() > 4)
      throw std::runtime_error(file.string() + ":" + std::to_string(line_number) +
                               ": expected 3 or 4 tab-separated fields");
    ExpectedResult expected{fields[1], {}, std::nullopt, line_number};
    for (auto& outcome : split(fields[2], ',')) expected.outcomes.insert(outcome);
    if (fields.size() == 4 && !fields[3].empty()) expected.strategy = fields[3];
    try {
      configuration_named(all, fields[0]).expected.push_back(expected);
    } catch (const std::runtime_error& error) {
      throw std::runtime_error(file.string() + ":" + std::to_string(line_number) + ": " + error.what());
    }
  }
  return all;
}

}  // namespace referee::catalogue_test
