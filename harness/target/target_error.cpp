#include "harness/target/target_error.hpp"

#include <string>

#include <boost/system/system_error.hpp>
#include <boost/throw_exception.hpp>

namespace referee::target {
namespace {

class TargetErrorCategory final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "referee.target"; }

  std::string message(int value) const override {
    switch (static_cast<target_error>(value)) {
      case target_error::command_not_found: return "hook command not found";
      case target_error::spawn_failed: return "could not start hook command";
      case target_error::exited_before_ready: return "launched process exited before it was ready";
      case target_error::not_ready_in_time: return "launched process not ready before the deadline";
      case target_error::malformed_ready_line: return "malformed ready line";
      case target_error::port_unknown: return "server port neither in the profile nor announced";
      case target_error::hook_failed: return "hook exited with a non-zero status";
      case target_error::hook_timed_out: return "hook did not finish before its deadline";
    }
    return "unknown referee.target error";
  }
};

}  // namespace

const boost::system::error_category& target_error_category() {
  static const TargetErrorCategory category;
  return category;
}

boost::system::error_code make_error_code(target_error error) {
  return {static_cast<int>(error), target_error_category()};
}

void throw_exception_from_error(const TargetProblem& problem, const boost::source_location& where) {
  boost::throw_exception(boost::system::system_error(problem.code, problem.message), where);
}

}  // namespace referee::target
