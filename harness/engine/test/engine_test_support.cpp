#include "harness/engine/test/engine_test_support.hpp"

#include "harness/engine/match/outcome.hpp"

namespace referee::engine::test {

profile::Profile fake_profile(std::uint16_t alpha_port, std::uint16_t beta_port) {
  profile::Profile profile;
  profile.name = "fake";
  profile.file = "fake.xml";
  // The namespace is stated, so the engine discovers nothing (the fake servers' scripts
  // would have to answer it); test_mailbox_plan_test covers discovery.
  profile.servers.push_back({.id = "alpha", .roles = {"main"}, .host = "127.0.0.1", .port = alpha_port,
                             .delimiter = '/', .personal_namespace = ""});
  if (beta_port != 0) {
    profile.servers.push_back({.id = "beta", .roles = {"other"}, .host = "127.0.0.1", .port = beta_port,
                               .delimiter = '/', .personal_namespace = ""});
  }
  profile.users.push_back({.id = "alice", .roles = {"local"}, .login = "alice",
                           .password = "alice-pw", .home_server = "alpha"});
  profile.users.push_back({.id = "bob", .roles = {"homed-elsewhere"}, .login = "bob",
                           .password = "bob-pw", .home_server = "beta"});
  profile.mailboxes.push_back({.name = "remote/projects", .roles = {"remote"}, .server = "beta"});
  profile.destructive_allowed = true;
  return profile;
}

RequirementCatalogue test_catalogue() {
  RequirementCatalogue catalogue;
  auto add = [&](std::string id, std::string rfc, std::string section, Level level) {
    catalogue[id] = Requirement{id, rfc, section, level, "sentence of " + id};
  };
  add("rfc2193-4.1-mailbox-referral", "2193", "4.1", Level::may);
  add("rfc2193-3-no-referral-loop", "2193", "3", Level::must_not);
  add("rfc2193-3-referral-is-tagged-no", "2193", "3", Level::must);
  add("rfc2221-3-client-max-10-hops", "2221", "3", Level::must_not);
  add("rfc2221-3-no-referral-to-referral", "2221", "3", Level::should_not);
  add("rfc2221-4.1-login-referral", "2221", "4.1", Level::may);
  add("rfc2221-4.2-bye-referral", "2221", "4.2", Level::may);
  add("rfc2221-6-password-catching", "2221", "6", Level::must_not);
  add("rfc2193-4.3-rename-pair", "2193", "4.3", Level::must);
  add("rfc3501-6.1.2-noop-succeeds", "3501", "6.1.2", Level::must);
  add("rfc3501-3.4-bye-before-close", "3501", "3.4", Level::must_not);
  add("rfc3501-3.4-bye-on-logout", "3501", "3.4", Level::must);
  add("rfc3501-7.1.5-bye-greeting-closes", "3501", "7.1.5", Level::must);
  add("rfc3501-5.2-exists-never-decreases", "3501", "5.2", Level::must_not);
  add("rfc3501-5.2-size-updates", "3501", "5.2", Level::must);
  add("rfc3501-5.5-order-on-ambiguity", "3501", "5.5", Level::must);
  add("rfc3501-7.4.1-no-expunge-during-fetch-store-search", "3501", "7.4.1", Level::must_not);
  add("rfc3501-7.4.1-expunge-decrements", "3501", "7.4.1", Level::must);
  add("rfc3501-9-response-syntax", "3501", "9", Level::must);
  add("rfc5092-11-url-syntax", "5092", "11", Level::must);
  add("rfc5092-3.2-user-percent-encoded", "5092", "3.2", Level::must);
  add("rfc2180-3-delete-selected", "2180", "3", Level::may);
  add("rfc2180-3.2-ghost-delete", "2180", "3.2", Level::may);
  add("rfc2180-4.1.3-only-expunged-no", "2180", "4.1.3", Level::should);
  add("rfc2180-4.4.1-pending-expunge-to-copy", "2180", "4.4.1", Level::must);
  return catalogue;
}

ClientSpec client(std::string id, std::string server_role, std::optional<std::string> user_role) {
  return ClientSpec{.id = std::move(id), .server_role = std::move(server_role),
                    .user_role = std::move(user_role)};
}

Scenario scenario_with_c1(std::string name) {
  Scenario scenario;
  scenario.id = "test/" + name;
  scenario.title = name;
  scenario.rfc = "3501";
  scenario.section = "6";
  scenario.where.file = name + ".xml";
  scenario.clients.push_back(client("C1"));
  return scenario;
}

CommandStep command(std::string client, std::string text) {
  return CommandStep{.client = std::move(client), .send = {std::move(text)}};
}

CommandStep& expect_tagged(CommandStep& step, std::vector<std::string> statuses,
                           std::string requirement) {
  step.expect.tagged = TaggedPattern{.statuses = std::move(statuses),
                                     .requirement = {std::move(requirement)}};
  return step;
}

UntaggedPattern untagged(Presence presence, std::string name, std::string requirement,
                         std::optional<std::string> number) {
  return UntaggedPattern{.presence = presence, .name = std::move(name),
                         .number = std::move(number), .requirement = {std::move(requirement)}};
}

ScenarioResult run_one(const profile::Profile& profile, const Scenario& scenario,
                       std::chrono::milliseconds timeout) {
  RunOptions options{.default_timeout = timeout, .run_id = "run1"};
  RunResult run = run_scenarios(profile, {scenario}, test_catalogue(), options);
  return run.scenarios.at(0);
}

const CheckResult* find_check(const ScenarioResult& result, std::string_view requirement) {
  for (const auto& check : result.checks) {
    if (check.requirement == requirement) return &check;
  }
  return nullptr;
}

std::string dump(const ScenarioResult& result) {
  std::string text = "outcome " + std::string(to_string(result.outcome)) + " " + result.reason + "\n";
  for (const auto& check : result.checks) {
    text += "  [" + std::string(to_string(check.outcome)) + "] " + check.requirement + " " +
            check.summary + " | expected " + check.expected + " | observed " + check.observed + "\n";
  }
  for (const auto& line : result.transcript) {
    text += "  " + std::to_string(line.micros) + " " + line.client + " " + line.direction + " " +
            line.bytes + (line.bytes.ends_with('\n') ? "" : "\n");
  }
  return text;
}

}  // namespace referee::engine::test
