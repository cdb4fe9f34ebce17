#pragma once
// The user playing `homed-elsewhere` logs in on the `main` server and, when main announces
// LOGIN-REFERRALS (RFC 2221 §3), gets a referral to the profile server the profile says is
// their home: the login-referral scenarios follow it there.

#include <boost/asio/awaitable.hpp>

#include "harness/engine/doctor/doctor_context.hpp"

namespace referee::engine {

boost::asio::awaitable<void> check_login_referral(DoctorContext& context);

}  // namespace referee::engine
