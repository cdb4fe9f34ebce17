#include "reports/junit/junit_report.hpp"

#include <unistd.h>

#include <map>

#include <fmt/format.h>

#include "reports/junit/junit_case.hpp"
#include "reports/junit/xml_writer.hpp"

namespace referee::reports::junit {
namespace {

struct Suite {
  std::string name;  // "rfc2193"
  std::vector<const engine::ScenarioResult*> scenarios;
  std::vector<CaseVerdict> verdicts;
  std::chrono::microseconds time{0};

  std::size_t count(CaseKind kind) const {
    return static_cast<std::size_t>(std::count_if(verdicts.begin(), verdicts.end(),
                                                  [kind](const auto& v) { return v.kind == kind; }));
  }
};

// One suite per RFC, in RFC order; scenarios keep the run's order inside each.
std::vector<Suite> suites_of(const engine::RunResult& run, bool strict) {
  std::map<long, Suite> by_rfc;
  for (const auto& scenario : run.scenarios) {
    auto& suite = by_rfc[std::atol(scenario.rfc.c_str())];
    suite.name = "rfc" + scenario.rfc;
    suite.scenarios.push_back(&scenario);
    suite.verdicts.push_back(case_verdict(run, scenario, strict));
    suite.time += scenario.duration;
  }
  std::vector<Suite> suites;
  for (auto& [rfc, suite] : by_rfc) suites.push_back(std::move(suite));
  return suites;
}

std::string host_name() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0) return "localhost";
  return name;
}

void write_case(XmlWriter& xml, const engine::ScenarioResult& scenario, const CaseVerdict& verdict) {
  auto testcase = xml.element("testcase");
  testcase.attribute("classname", case_classname(scenario))
      .attribute("name", case_name(scenario))
      .attribute("time", seconds_text(scenario.duration));
  static constexpr std::string_view kElement[] = {"", "failure", "error", "skipped"};
  if (verdict.kind != CaseKind::passed) {
    auto element = xml.element(kElement[static_cast<int>(verdict.kind)]);
    element.attribute("type", verdict.type).attribute("message", verdict.message);
    if (!verdict.details.empty()) xml.text(verdict.details);
  }
  auto output = xml.element("system-out");
  xml.cdata(case_output(scenario));
}

// What CI shows next to the tests (Jenkins lists suite properties): which target, which
// Referee, which run and shard.
void write_properties(XmlWriter& xml, const engine::RunResult& run) {
  auto properties = xml.element("properties");
  auto shard = std::to_string(run.shard.index) + "/" + std::to_string(run.shard.total);
  for (const auto& [name, value] : {std::pair<std::string_view, std::string_view>{"target", run.target},
                                    {"referee_version", run.suite_version},
                                    {"referee_commit", run.git_commit},
                                    {"catalogue_version", run.catalogue_version},
                                    {"run_id", run.run_id},
                                    {"shard", shard}}) {
    xml.element("property").attribute("name", name).attribute("value", value);
  }
}

void write_suite(XmlWriter& xml, const Suite& suite, const engine::RunResult& run,
                 const std::string& host) {
  auto element = xml.element("testsuite");
  element.attribute("name", suite.name)
      .attribute("tests", std::to_string(suite.verdicts.size()))
      .attribute("failures", std::to_string(suite.count(CaseKind::failure)))
      .attribute("errors", std::to_string(suite.count(CaseKind::error)))
      .attribute("skipped", std::to_string(suite.count(CaseKind::skipped)))
      .attribute("time", seconds_text(suite.time))
      .attribute("timestamp", timestamp_text(run.started_at))
      .attribute("hostname", host);
  write_properties(xml, run);
  for (std::size_t i = 0; i < suite.scenarios.size(); ++i) write_case(xml, *suite.scenarios[i], suite.verdicts[i]);
}

// A run whose target could not be launched or reached has no scenario results; one error
// testcase says so, so CI shows the run as broken rather than as zero tests.
void write_fatal_error(XmlWriter& xml, const engine::RunResult& run, const std::string& host) {
  auto suite = xml.element("testsuite");
  suite.attribute("name", "referee").attribute("tests", "1").attribute("failures", "0")
      .attribute("errors", "1").attribute("skipped", "0").attribute("time", seconds_text(run.duration))
      .attribute("timestamp", timestamp_text(run.started_at)).attribute("hostname", host);
  auto testcase = xml.element("testcase");
  testcase.attribute("classname", "referee.target").attribute("name", "target reachable").attribute("time", "0.000");
  {
    auto error = xml.element("error");
    error.attribute("type", "target").attribute("message", "the target could not be launched or reached");
    xml.text(run.fatal_error);
  }
  std::string output;
  for (const auto& line : run.launch_output) output += line + "\n";
  auto system_out = xml.element("system-out");
  xml.cdata(output);
}

}  // namespace

std::string seconds_text(std::chrono::microseconds duration) {
  auto millis = (duration.count() + 500) / 1000;
  return fmt::format("{}.{:03}", millis / 1000, millis % 1000);
}

std::string timestamp_text(std::string_view started_at) {
  std::string text(started_at.substr(0, 19));  // drop fractions and any zone suffix
  return text;
}

void JunitReportWriter::write(const engine::RunResult& run, std::ostream& out) const {
  bool strict = strict_ || run.strict;
  auto suites = suites_of(run, strict);
  bool fatal = !run.fatal_error.empty();
  std::size_t tests = fatal ? 1 : 0, failures = 0, errors = fatal ? 1 : 0;
  for (const auto& suite : suites) {
    tests += suite.verdicts.size();
    failures += suite.count(CaseKind::failure);
    errors += suite.count(CaseKind::error);
  }
  XmlWriter xml(out);
  auto root = xml.element("testsuites");
  root.attribute("name", "referee " + run.target)
      .attribute("tests", std::to_string(tests))
      .attribute("failures", std::to_string(failures))
      .attribute("errors", std::to_string(errors))
      .attribute("time", seconds_text(run.duration));
  auto host = host_name();
  if (fatal) write_fatal_error(xml, run, host);
  for (const auto& suite : suites) write_suite(xml, suite, run, host);
}

}  // namespace referee::reports::junit
