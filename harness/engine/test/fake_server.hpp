#pragma once
// A scripted fake IMAP server for engine tests, in the C:/S: style of KDE KIMAP's fakeserver:
// each accepted connection plays the next script, line by line.
//
//   FakeServer server({{
//       "S: * OK fake ready",
//       "C: A1 LOGIN alice alice-pw",     // what the client must send (exact line)
//       "S: A1 OK logged in",
//       "C~ A2 FETCH .*",                 // RE2 full match on the line
//       "S: A2 OK done",
//   }});
//
// Other lines: "SPLIT" makes every later server byte a write of its own (the engine then reads
// each response in pieces), "CLOSE" closes the connection at once (a disconnect without BYE), "SIGNAL x"
// and "WAIT x" order two connections' scripts.
// Misbehaviours (each runs until the client goes away, unless it has a count):
//   "RAW text"          the text's bytes as they are, no CRLF added
//   "DRIP ms text"      the text's bytes one at a time, one every `ms` milliseconds, repeated
//   "TRICKLE ms text"   the same, once: a slow answer that does end
//   "FLOOD n text"      text + CRLF, n times, in large writes
//   "FILL n c"          n bytes `c` (no CRLF), in large writes
//   "GARBAGE n"         n pseudo-random bytes (a fixed seed: every run sends the same)
//   "PAUSE ms"          nothing for `ms` milliseconds (a slow server), then the next line
//   "SILENCE"           nothing, until the client closes After the script, a LOGOUT is answered with
// BYE + OK; anything else the client sends is an error. Listens on 127.0.0.1, port 0; runs
// on its own threads with blocking sockets, so it never shares the engine's io_context.

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

namespace referee::engine::test {

using Script = std::vector<std::string>;

// A connection of the fake profile's user: the greeting, alice's LOGIN answered OK, then `lines`.
inline Script alice(std::vector<std::string> lines = {}) {
  Script script = {"S: * OK fake ready", "C: A1 LOGIN alice alice-pw", "S: A1 OK logged in"};
  script.insert(script.end(), lines.begin(), lines.end());
  return script;
}

class FakeServer {
 public:
  explicit FakeServer(std::vector<Script> scripts);
  ~FakeServer();
  FakeServer(const FakeServer&) = delete;
  FakeServer& operator=(const FakeServer&) = delete;

  std::uint16_t port() const { return port_; }
  // Replaces the scripts before any client connects: for two servers whose scripts name each
  // other's ports.
  void set_scripts(std::vector<Script> scripts);
  // Stops accepting, waits for every connection's script to end, and returns the mismatches
  // (empty: the client did exactly what the scripts say). Also reports unused scripts.
  std::vector<std::string> finish();

 private:
  void accept_loop();
  void play(std::size_t index, boost::asio::ip::tcp::socket socket);
  // One misbehaviour line; false when `step` is none of them.
  bool misbehave(const std::string& step, boost::asio::ip::tcp::socket& socket);
  void error(std::string message);
  void signal(const std::string& name);
  bool wait(const std::string& name);

  std::vector<Script> scripts_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::uint16_t port_ = 0;
  std::thread acceptor_thread_;
  std::mutex finish_mutex_;
  std::mutex mutex_;
  std::condition_variable signalled_;
  std::set<std::string> signals_;
  std::vector<std::string> errors_;
  std::vector<std::thread> connections_;
  std::size_t accepted_ = 0;
  bool finished_ = false;
};

}  // namespace referee::engine::test
