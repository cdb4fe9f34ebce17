#pragma once
// Per server: it answers as the profile says (TCP, TLS or STARTTLS) with a greeting, and its
// capabilities before login; then every user homed there logs in, and the capabilities after
// login. A server greeting with BYE is fine only for the `retired` role (RFC 2221 §4.2).

#include <boost/asio/awaitable.hpp>

#include "harness/engine/doctor/doctor_context.hpp"

namespace referee::engine {

boost::asio::awaitable<void> check_server(DoctorContext& context, const profile::Server& server);

boost::asio::awaitable<void> check_home_logins(DoctorContext& context, const profile::Server& server);

}  // namespace referee::engine
