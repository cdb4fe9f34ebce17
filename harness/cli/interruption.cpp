#include "harness/cli/interruption.hpp"

#include <signal.h>

#include <cstdlib>

#include "harness/cli/exit_code.hpp"

namespace referee::cli {

Interruption::Interruption(std::ostream& err) : err_(err), signals_(io_, SIGINT, SIGTERM, SIGHUP) {
  await_signal();
  thread_ = std::thread([this] { io_.run(); });
}

Interruption::~Interruption() {
  io_.stop();
  thread_.join();
  // Removing the set gives the signals their default dispositions back.
  boost::system::error_code ignored;
  signals_.clear(ignored);
}

std::string Interruption::signal_name() const {
  switch (signal_number_.load()) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    case SIGHUP: return "SIGHUP";
    case 0: return "";
  }
  return "signal " + std::to_string(signal_number_.load());
}

void Interruption::await_signal() {
  signals_.async_wait([this](boost::system::error_code error, int signal_number) {
    if (error) return;
    on_signal(signal_number);
    await_signal();
  });
}

void Interruption::on_signal(int signal_number) {
  if (interrupted_.exchange(true)) {
    // The second one: the user wants out now. The target must not outlive referee.
    if (int pid = target_pid_.load(); pid > 0) ::kill(pid, SIGKILL);
    std::_Exit(as_int(ExitCode::interrupted));
  }
  signal_number_ = signal_number;
  err_ << "\nreferee: " << signal_name()
       << ": finishing the running steps, tearing down, writing results (again to exit at once)"
       << std::endl;
}

}  // namespace referee::cli
