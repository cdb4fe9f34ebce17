#pragma once
// Test mailboxes at the level of the whole run. Each scenario deletes its own (isolation.hpp);
// what is left after the last one (a scenario stopped half-way, an interrupted run) goes here:
// every "<prefix><delimiter><run id>-*" on every server that held test mailboxes, and the
// prefix itself when this run created it and nothing else lives below it. Nothing is left
// behind on any server.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>

#include "harness/engine/result.hpp"
#include "harness/profile/model.hpp"
#include "harness/scenario/model.hpp"

namespace referee::engine {

// A server where this run makes test mailboxes, and as whom.
struct TestArea {
  const profile::Server* server = nullptr;
  const profile::User* creator = nullptr;
  std::string prefix;
  std::optional<char> delimiter;
  bool prefix_existed = true;  // surveyed before the first scenario
};

// One area per (server, creator, prefix) that the scenarios' setups use.
std::vector<TestArea> test_areas(const profile::Profile& profile,
                                 const std::vector<scenario::Scenario>& scenarios,
                                 const std::vector<ServerNamespace>& namespaces,
                                 const std::string& run_id);

// Before the run: does each prefix exist already? (Only a prefix this run created is removed.)
boost::asio::awaitable<void> survey_test_area(boost::asio::any_io_executor executor, TestArea& area,
                                              std::shared_ptr<boost::asio::ssl::context> tls,
                                              std::chrono::milliseconds timeout);

// After the run: deletes this run's leftovers in `area`; what could not be deleted is returned.
boost::asio::awaitable<std::vector<RunProblem>> remove_run_leftovers(
    boost::asio::any_io_executor executor, const TestArea& area, const std::string& run_id,
    std::shared_ptr<boost::asio::ssl::context> tls, std::chrono::milliseconds timeout);

}  // namespace referee::engine
