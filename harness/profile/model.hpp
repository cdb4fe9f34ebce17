#pragma once
// The target profile: the system under test (docs/PROFILE.md). Plain data built by the loader.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "harness/scenario/model.hpp"

namespace referee::profile {

using scenario::SourceLocation;

enum class Tls { none, starttls, implicit };

struct Server {
  std::string id;                          // "alpha"
  std::vector<std::string> roles;          // "main", "other", "retired"
  std::string host;                        // "127.0.0.1"
  std::optional<std::uint16_t> port;       // nullopt: announced by the launch hook's ready line
  Tls tls = Tls::none;
  std::vector<std::string> referral_names; // extra "host[:port]" names referral URLs may use for it
  // The namespace as the profile states it; Referee discovers what is not given.
  std::optional<std::optional<char>> delimiter;  // nullopt: not given; inner nullopt: NIL (flat)
  std::optional<std::string> personal_namespace; // "" or "INBOX."
  SourceLocation where;
};

struct User {
  std::string id;
  std::vector<std::string> roles;          // "local", "homed-elsewhere", ...
  std::string login;
  std::string password;                    // resolved (inline or from the environment)
  std::string password_env;                // the variable's name when given that way
  std::string home_server;                 // server id
  SourceLocation where;
};

struct Mailbox {
  std::string name;                        // as on the wire (modified UTF-7)
  std::vector<std::string> roles;          // "remote", "replicated", ...
  std::string server;                      // hosting server id
  SourceLocation where;
};

// <test-mailboxes><server id prefix creator/>: where, and as whom, test mailboxes are made on
// one server (a back end where only an administrator may create, or only below a prefix).
struct TestMailboxServer {
  std::string server;                      // server id
  std::optional<std::string> prefix;       // as on the wire: "INBOX.referee-test"
  std::optional<std::string> creator_role; // user role that creates and deletes them
  SourceLocation where;
};

// A command run with Boost.Process (launch, reset, stop hooks).
struct Hook {
  std::string command;
  std::vector<std::string> args;
  std::map<std::string, std::string> env;
  std::string working_dir;
  std::optional<std::string> ready_line;   // launch: ready when a stdout line starts with this...
  bool ready_on_connect = false;           // ...or when a TCP connect to every server succeeds
  std::chrono::milliseconds deadline{10000};
  std::chrono::milliseconds stop_grace{3000};  // SIGTERM, then SIGKILL after this
  SourceLocation where;
};

struct Profile {
  std::string name;
  std::string file;
  std::vector<Server> servers;
  std::vector<User> users;
  std::vector<Mailbox> mailboxes;
  // Parent of the test mailboxes; nullopt: the personal namespace prefix + "referee-test".
  std::optional<std::string> test_prefix;
  std::vector<TestMailboxServer> test_servers;
  bool destructive_allowed = false;
  std::optional<Hook> launch;
  std::optional<Hook> reset;
  std::optional<Hook> stop;
};

}  // namespace referee::profile
