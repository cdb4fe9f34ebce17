#include "harness/engine/doctor/doctor.hpp"

#include <exception>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include "harness/engine/doctor/doctor_context.hpp"
#include "harness/engine/doctor/login_referral_check.hpp"
#include "harness/engine/doctor/mailbox_checks.hpp"
#include "harness/engine/doctor/namespace_checks.hpp"
#include "harness/engine/doctor/server_checks.hpp"
#include "harness/engine/doctor/test_mailbox_checks.hpp"
#include "harness/net/tls_context.hpp"

namespace referee::engine {
namespace {

boost::asio::awaitable<void> check_everything(DoctorContext& context,
                                              const std::vector<scenario::Scenario>& scenarios,
                                              const std::string& run_id) {
  for (const auto& server : context.profile.servers) co_await check_server(context, server);
  for (const auto& server : context.profile.servers) co_await check_home_logins(context, server);
  co_await check_login_referral(context);
  std::vector<ServerNamespace> namespaces = co_await check_namespaces(context, scenarios);
  co_await check_mailboxes(context);
  co_await check_test_mailboxes(context, scenarios, namespaces, run_id);
}

}  // namespace

std::vector<DoctorCheck> run_doctor(const profile::Profile& profile,
                                    const std::vector<scenario::Scenario>& scenarios,
                                    const DoctorOptions& options) {
  boost::asio::io_context io;
  DoctorContext context{.executor = io.get_executor(),
                        .profile = profile,
                        .tls_context = net::make_client_tls_context(),
                        .timeout = options.timeout};
  boost::asio::co_spawn(io, check_everything(context, scenarios, options.run_id),
                        [](std::exception_ptr failure) {
                          if (failure) std::rethrow_exception(failure);
                        });
  io.run();
  return std::move(context.checks);
}

}  // namespace referee::engine
