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
// The timer is armed only while an operation waits (release() cancels it), so an idle
// connection never keeps its io_context busy. One operation at a time, one thread.

#include <memory>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include "harness/net/deadline.hpp"

namespace referee::net {

class SocketWatchdog {
 public:
  explicit SocketWatchdog(boost::asio::any_io_executor executor);
  SocketWatchdog(const SocketWatchdog&) = delete;
  SocketWatchdog& operator=(const SocketWatchdog&) = delete;
  ~SocketWatchdog();

  // Until release(), the operations started on `socket` are cancelled once `deadline` passes.
  void guard(boost::asio::ip::tcp::socket& socket, Deadline deadline);
  void release();

 private:
  // Shared with the timer's handler, which may run after the watchdog is gone.
  struct State {
    explicit State(boost::asio::any_io_executor executor) : timer(std::move(executor)) {}
    boost::asio::steady_timer timer;
    boost::asio::ip::tcp::socket* socket = nullptr;  // guarded now; null otherwise
    Deadline deadline{};                               // the guarded operation's
  };

  std::shared_ptr<State> state_;
};

}  // namespace referee::net
