#pragma once
// Bounds the waiting reads and writes of one connection by their deadlines with one timer that
// the connection keeps, instead of a watchdog coroutine raced against every operation
// (deadline.hpp's with_deadline: two coroutine frames, a parallel group and a new timer each
// time, a few microseconds per IMAP command; docs/PERFORMANCE.md).
//
//   guard(socket, deadline) ── the operation waits on the socket ── release()
//        └─ timer: if it fires first, the socket's operations are cancelled and complete with
//           operation_aborted, which the connection reports as a timeout.
//
// The timer is armed lazily, because arming it for every IMAP command costs a system call
// (timerfd_settime) and cancelling it a handler through the event loop, about 2 µs a command
// (docs/PERFORMANCE.md). release() leaves it armed; guard() re-arms it only when the new
// deadline comes before the armed expiry. It expires at the guarded deadline or `idle_bound`
// after arming, whichever comes first; then it cancels the operation if its deadline passed,
// re-arms if an operation is still guarded, and otherwise stays disarmed. So an idle open
// connection keeps its io_context's run() going for at most `idle_bound`, and none at all once
// stop() (close, end of input) disarmed it. One operation at a time, one thread.

#include <chrono>
#include <memory>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include "harness/net/deadline.hpp"

namespace referee::net {

class SocketWatchdog {
 public:
  static constexpr Clock::duration idle_bound = std::chrono::milliseconds(250);

  explicit SocketWatchdog(boost::asio::any_io_executor executor);
  SocketWatchdog(const SocketWatchdog&) = delete;
  SocketWatchdog& operator=(const SocketWatchdog&) = delete;
  ~SocketWatchdog();

  // Until release(), the operations started on `socket` are cancelled once `deadline` passes.
  void guard(boost::asio::ip::tcp::socket& socket, Deadline deadline);
  void release();
  // Disarms the timer at once: nothing is left for the io_context to wait for.
  void stop();

 private:
  // Shared with the timer's handler, which may run after the watchdog is gone.
  struct State {
    explicit State(boost::asio::any_io_executor executor) : timer(std::move(executor)) {}
    boost::asio::steady_timer timer;
    boost::asio::ip::tcp::socket* socket = nullptr;  // guarded now; null otherwise
    Deadline deadline{};                               // the guarded operation's
    bool armed = false;                                // a wait on the timer is pending
    unsigned generation = 0;                           // of the pending wait; older ones ignored
  };

  static void arm(const std::shared_ptr<State>& state);

  std::shared_ptr<State> state_;
};

}  // namespace referee::net
