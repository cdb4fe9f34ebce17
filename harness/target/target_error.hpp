#pragma once
// What can go wrong when Referee launches, readies, resets or stops a target (routine outcomes
// of a vendor's profile or a misbehaving server process, so error_code, not exceptions).

#include <string>
#include <type_traits>

#include <boost/assert/source_location.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>

namespace referee::target {

enum class target_error {
  command_not_found = 1,      // the hook's command is not an executable file, nor found on PATH
  spawn_failed,           // fork/exec failed (working directory missing, permissions, ...)
  exited_before_ready,    // the launched process ended before it was ready
  not_ready_in_time,      // the launch deadline passed before the process was ready
  malformed_ready_line,   // the ready line announces something other than id=host:port tokens
  port_unknown,           // a server has no port, and the ready line did not announce one
  hook_failed,            // a reset or stop hook exited with a non-zero status
  hook_timed_out,         // a reset or stop hook did not finish before its deadline
};

const boost::system::error_category& target_error_category();
boost::system::error_code make_error_code(target_error error);

// An error and the sentence a user reads: which hook, where it is written, what happened.
struct TargetProblem {
  boost::system::error_code code;
  std::string message;
};

template <typename T>
using TargetResult = boost::system::result<T, TargetProblem>;

// Lets TargetResult<T>::value() throw (a caller that did not check the result: a bug).
[[noreturn]] void throw_exception_from_error(const TargetProblem& problem,
                                             const boost::source_location& where);

}  // namespace referee::target

template <>
struct boost::system::is_error_code_enum<referee::target::target_error> : std::true_type {};
