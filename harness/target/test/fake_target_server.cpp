// A stand-in for a launched IMAP server, driven by its arguments (tests of harness/target):
//   --listen ID           listen on 127.0.0.1, port 0, and announce it as ID=127.0.0.1:PORT
//   --listen-port PORT    listen on 127.0.0.1:PORT (ready-by-connect tests)
//   --ready TEXT          print "TEXT id=host:port ..." once listening
//   --print-env NAME      print "ENV NAME=value"
//   --print-cwd           print "CWD path"
//   --stderr TEXT         write TEXT to stderr
//   --ignore-sigterm      survive SIGTERM (stop must escalate to SIGKILL)
//   --exit N              exit with status N instead of waiting for a signal
//   --pid-file PATH       write the pid to PATH (for stop commands)
// Every other argument is printed as "ARG value". It first prints "PID n".
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

// Returns the bound port; the socket stays open (and listening) until the process ends.
int listen_on(int port) {
  int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  int yes = 1;
  ::setsockopt(socket_fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(socket_fd, 16) != 0) {
    std::perror("listen");
    std::exit(90);
  }
  socklen_t length = sizeof address;
  ::getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length);
  return ntohs(address.sin_port);
}

struct Plan {
  std::string announced;
  std::string ready_text;
  bool ignore_sigterm = false;
  int exit_status = -1;
};

Plan follow_arguments(int argc, char** argv) {
  Plan plan;
  for (int index = 1; index < argc; ++index) {
    std::string argument = argv[index];
    const char* value = index + 1 < argc ? argv[index + 1] : "";
    if (argument == "--listen") {
      plan.announced += std::string(" ") + value + "=127.0.0.1:" + std::to_string(listen_on(0));
    } else if (argument == "--listen-port") {
      listen_on(std::atoi(value));
    } else if (argument == "--ready") {
      plan.ready_text = value;
    } else if (argument == "--print-env") {
      const char* found = std::getenv(value);
      std::printf("ENV %s=%s\n", value, found ? found : "(unset)");
    } else if (argument == "--stderr") {
      std::fprintf(stderr, "%s\n", value);
    } else if (argument == "--pid-file") {
      if (std::FILE* file = std::fopen(value, "w")) {
        std::fprintf(file, "%d\n", static_cast<int>(::getpid()));
        std::fclose(file);
      }
    } else if (argument == "--exit") {
      plan.exit_status = std::atoi(value);
    } else if (argument == "--ignore-sigterm" || argument == "--print-cwd") {
      if (argument == "--ignore-sigterm") plan.ignore_sigterm = true;
      if (argument == "--print-cwd") std::printf("CWD %s\n", get_current_dir_name());
      continue;
    } else {
      std::printf("ARG %s\n", argument.c_str());
      continue;
    }
    ++index;  // the option's value
  }
  return plan;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::printf("PID %d\n", static_cast<int>(::getpid()));
  Plan plan = follow_arguments(argc, argv);
  if (plan.ignore_sigterm) std::signal(SIGTERM, SIG_IGN);
  if (!plan.ready_text.empty()) std::printf("%s%s\n", plan.ready_text.c_str(), plan.announced.c_str());
  if (plan.exit_status >= 0) return plan.exit_status;
  for (;;) ::pause();  // until a signal ends the process
}
