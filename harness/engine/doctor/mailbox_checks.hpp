#pragma once
// Every mailbox role of the profile exists where the profile says: LIST "" name on its server
// (STATUS when LIST does not show it), as the user scenarios reach it with (the `local` role,
// else a user homed there). A mailbox on another server than `main` is a remote mailbox: when
// main announces MAILBOX-REFERRALS, STATUS on main must refer to the profile's server for it
// (RFC 2193 §4.1).

#include <boost/asio/awaitable.hpp>

#include "harness/engine/doctor/doctor_context.hpp"

namespace referee::engine {

boost::asio::awaitable<void> check_mailboxes(DoctorContext& context);

}  // namespace referee::engine
