#pragma once
// Builders for engine tests: a profile of fake servers, scenarios written in C++ (the XML
// loader is tested in its own layer), a small requirements catalogue, and a one-call runner.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "harness/engine/engine.hpp"
#include "harness/engine/result.hpp"
#include "harness/profile/model.hpp"
#include "harness/scenario/model.hpp"
#include "harness/scenario/requirement.hpp"

namespace referee::engine::test {

using namespace scenario;

// Servers alpha (role main) and beta (role other) on 127.0.0.1; users alice (local, on
// alpha) and bob (homed-elsewhere, on beta), passwords user + "-pw"; mailbox remote/projects
// (role remote) on beta.
profile::Profile fake_profile(std::uint16_t alpha_port, std::uint16_t beta_port = 0);

// Every id the tests name, with the level the real catalogue gives it.
RequirementCatalogue test_catalogue();

// A scenario "test/<name>" with client C1 on main logged in as local (more via add_client).
Scenario scenario_with_c1(std::string name);
ClientSpec client(std::string id, std::string server_role = "main",
                  std::optional<std::string> user_role = "local");

CommandStep command(std::string client, std::string text);
CommandStep& expect_tagged(CommandStep& step, std::vector<std::string> statuses,
                           std::string requirement);
UntaggedPattern untagged(Presence presence, std::string name, std::string requirement,
                         std::optional<std::string> number = std::nullopt);

ScenarioResult run_one(const profile::Profile& profile, const Scenario& scenario,
                       std::chrono::milliseconds timeout = std::chrono::milliseconds(2000));

// The first check naming `requirement`; nullptr when none.
const CheckResult* find_check(const ScenarioResult& result, std::string_view requirement);
// All checks and the transcript, for failure messages.
std::string dump(const ScenarioResult& result);

}  // namespace referee::engine::test
