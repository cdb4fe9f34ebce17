#pragma once
// Where one scenario's test mailboxes live, who makes them, and what they are called
// (docs/PROFILE.md "Test mailboxes"): on the server of the <setup> client (else of the first
// client), created and deleted by that server's profile creator role (else the setup client's
// user), named from the namespace discovered for that server and user.

#include <optional>
#include <string>
#include <vector>

#include "harness/engine/match/variables.hpp"
#include "harness/engine/result.hpp"
#include "harness/profile/model.hpp"
#include "harness/scenario/model.hpp"

namespace referee::engine {

struct TestMailboxPlan {
  const profile::Server* server = nullptr;   // hosts the test mailboxes
  const profile::User* creator = nullptr;    // creates, seeds and deletes them
  scenario::TlsChoice tls = scenario::TlsChoice::profile;
  std::string prefix;                        // their common parent
  std::string leaf;                          // ${test.leaf}
  std::string root;                          // ${test.mailbox} = prefix + delimiter + leaf
  std::optional<char> delimiter;
  std::string problem;                       // why they cannot be named; "" when they can
};

TestMailboxPlan plan_test_mailboxes(const profile::Profile& profile,
                                    const scenario::Scenario& scenario,
                                    const std::vector<ServerNamespace>& namespaces,
                                    std::string_view run_id, unsigned repetition);

// test.mailbox, test.leaf and the delimiters ${name/child} joins with: the plan's for
// test.mailbox, the hosting server's for each mailbox.<role>.
void define_mailbox_variables(Variables& variables, const TestMailboxPlan& plan,
                              const profile::Profile& profile,
                              const std::vector<ServerNamespace>& namespaces);

}  // namespace referee::engine
