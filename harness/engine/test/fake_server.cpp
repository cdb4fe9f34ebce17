#include "harness/engine/test/fake_server.hpp"

#include <algorithm>
#include <chrono>
#include <random>
#include <sys/socket.h>

#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <re2/re2.h>

namespace referee::engine::test {

using boost::asio::ip::tcp;

FakeServer::FakeServer(std::vector<Script> scripts)
    : scripts_(std::move(scripts)),
      acceptor_(io_, tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0)) {
  port_ = acceptor_.local_endpoint().port();
  acceptor_thread_ = std::thread([this] { accept_loop(); });
}

FakeServer::~FakeServer() { finish(); }

void FakeServer::set_scripts(std::vector<Script> scripts) {
  std::lock_guard lock(mutex_);
  scripts_ = std::move(scripts);
}

void FakeServer::accept_loop() {
  for (;;) {
    boost::system::error_code failed;
    tcp::socket socket(io_);
    acceptor_.accept(socket, failed);
    if (failed) return;  // finish() shut the acceptor down
    std::lock_guard lock(mutex_);
    std::size_t index = accepted_++;
    connections_.emplace_back([this, index, s = std::move(socket)]() mutable {
      play(index, std::move(s));
    });
  }
}

std::vector<std::string> FakeServer::finish() {
  std::lock_guard finishing(finish_mutex_);
  if (!finished_) {
    finished_ = true;
    ::shutdown(acceptor_.native_handle(), SHUT_RDWR);
    acceptor_thread_.join();
    std::vector<std::thread> threads;
    {
      std::lock_guard lock(mutex_);
      threads.swap(connections_);
    }
    for (auto& thread : threads) thread.join();
    if (accepted_ < scripts_.size()) {
      error(std::to_string(scripts_.size() - accepted_) + " script(s) never got a connection");
    }
  }
  std::lock_guard lock(mutex_);
  return errors_;
}

void FakeServer::error(std::string message) {
  std::lock_guard lock(mutex_);
  errors_.push_back(std::move(message));
}

void FakeServer::signal(const std::string& name) {
  std::lock_guard lock(mutex_);
  signals_.insert(name);
  signalled_.notify_all();
}

bool FakeServer::wait(const std::string& name) {
  std::unique_lock lock(mutex_);
  return signalled_.wait_for(lock, std::chrono::seconds(10),
                             [&] { return signals_.count(name) > 0; });
}

namespace {

// One line without its CRLF; false at the end of the input.
bool read_line(tcp::socket& socket, boost::asio::streambuf& buffer, std::string& line) {
  boost::system::error_code failed;
  std::size_t size = boost::asio::read_until(socket, buffer, "\r\n", failed);
  if (failed) return false;
  line.assign(boost::asio::buffers_begin(buffer.data()),
              boost::asio::buffers_begin(buffer.data()) + static_cast<std::ptrdiff_t>(size - 2));
  buffer.consume(size);
  return true;
}

// `split`: one write per byte with Nagle off, so the engine reads the response in pieces.
void send_line(tcp::socket& socket, const std::string& text, bool split) {
  boost::system::error_code ignored;
  std::string bytes = text + "\r\n";
  if (!split) {
    boost::asio::write(socket, boost::asio::buffer(bytes), ignored);
    return;
  }
  for (char byte : bytes) boost::asio::write(socket, boost::asio::buffer(&byte, 1), ignored);
}

// Writes `bytes` `count` times in writes of up to 64 KiB; false once the client is gone.
bool send_repeated(tcp::socket& socket, const std::string& bytes, std::size_t count) {
  std::string batch;
  std::size_t per_batch = std::max<std::size_t>(1, 65536 / std::max<std::size_t>(1, bytes.size()));
  while (count > 0) {
    std::size_t now = std::min(count, per_batch);
    batch.clear();
    for (std::size_t i = 0; i < now; ++i) batch += bytes;
    boost::system::error_code failed;
    boost::asio::write(socket, boost::asio::buffer(batch), failed);
    if (failed) return false;
    count -= now;
  }
  return true;
}

// The bytes one at a time, `every` apart, over and over until the client is gone. Sleeping
// is the misbehaviour being simulated (a server that trickles), not a way to order events.
// `once`: stop after the last byte instead of starting over.
void drip(tcp::socket& socket, const std::string& bytes, std::chrono::milliseconds every,
          bool once = false) {
  boost::system::error_code failed;
  socket.set_option(tcp::no_delay(true), failed);
  for (std::size_t i = 0; !failed; i = (i + 1) % bytes.size()) {
    boost::asio::write(socket, boost::asio::buffer(&bytes[i], 1), failed);
    if (once && i + 1 == bytes.size()) return;
    std::this_thread::sleep_for(every);
  }
}

void wait_for_client_close(tcp::socket& socket) {
  char byte;
  boost::system::error_code failed;
  while (!failed) socket.read_some(boost::asio::buffer(&byte, 1), failed);
}

// "WORD rest": the rest after the word and one space.
std::string argument(const std::string& step) {
  auto space = step.find(' ');
  return space == std::string::npos ? "" : step.substr(space + 1);
}

}  // namespace

bool FakeServer::misbehave(const std::string& step, tcp::socket& socket) {
  std::string rest = argument(step);
  if (step.starts_with("RAW ")) {
    send_repeated(socket, rest, 1);
  } else if (step.starts_with("DRIP ")) {
    drip(socket, argument(rest), std::chrono::milliseconds(std::stoul(rest)));
  } else if (step.starts_with("TRICKLE ")) {
    drip(socket, argument(rest), std::chrono::milliseconds(std::stoul(rest)), /*once=*/true);
  } else if (step.starts_with("FLOOD ")) {
    send_repeated(socket, argument(rest) + "\r\n", std::stoul(rest));
  } else if (step.starts_with("FILL ")) {
    send_repeated(socket, argument(rest), std::stoul(rest));
  } else if (step.starts_with("GARBAGE ")) {
    std::mt19937 random(20261203);
    std::string bytes(std::stoul(rest), '\0');
    for (char& byte : bytes) byte = static_cast<char>(random() & 0xff);
    send_repeated(socket, bytes, 1);
  } else if (step.starts_with("PAUSE ")) {
    // A slow server, as above: the delay is what is simulated.
    std::this_thread::sleep_for(std::chrono::milliseconds(std::stoul(rest)));
  } else if (step == "SILENCE") {
    wait_for_client_close(socket);
  } else {
    return false;
  }
  return true;
}

void FakeServer::play(std::size_t index, tcp::socket socket) {
  std::string name = "connection " + std::to_string(index + 1);
  Script script;
  {
    std::lock_guard lock(mutex_);
    if (index < scripts_.size()) script = scripts_[index];
  }
  if (script.empty()) return error(name + ": no script for it");
  boost::asio::streambuf buffer;
  std::string line;
  bool split = false;
  for (const std::string& step : script) {
    if (step.starts_with("S: ")) {
      send_line(socket, step.substr(3), split);
    } else if (step == "SPLIT") {
      split = true;
      boost::system::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
    } else if (step.starts_with("C: ") || step.starts_with("C~ ")) {
      if (!read_line(socket, buffer, line)) return error(name + ": client closed, expected " + step);
      bool same = step[1] == ':' ? line == step.substr(3) : RE2::FullMatch(line, step.substr(3));
      if (!same) return error(name + ": expected \"" + step + "\", got \"" + line + "\"");
    } else if (step == "CLOSE") {
      return;
    } else if (step.starts_with("SIGNAL ")) {
      signal(step.substr(7));
    } else if (step.starts_with("WAIT ")) {
      if (!wait(step.substr(5))) return error(name + ": " + step + " timed out");
    } else if (!misbehave(step, socket)) {
      return error(name + ": bad script line \"" + step + "\"");
    }
  }
  // After the script: a polite LOGOUT, or the client closing.
  while (read_line(socket, buffer, line)) {
    std::size_t space = line.find(' ');
    if (space != std::string::npos && line.substr(space + 1) == "LOGOUT") {
      send_line(socket, "* BYE fake server logging out", split);
      send_line(socket, line.substr(0, space) + " OK LOGOUT completed", split);
      return;
    }
    return error(name + ": unexpected line after the script: \"" + line + "\"");
  }
}

}  // namespace referee::engine::test
