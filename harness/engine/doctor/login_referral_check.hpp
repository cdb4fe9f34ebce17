#pragma once
// The users playing `homed-elsewhere`, `homed-elsewhere-reserved-login` and
// `reads-public-here` log in on the `main` server and, when main announces LOGIN-REFERRALS
// (RFC 2221 §3), get a referral to the profile server the profile says is their home: the
// login-referral scenarios follow it there. reads-public-here is let in with it (OK
// [REFERRAL], RFC 2221 §4); a NO or no referral at all makes its scenario info, said as warn.

#include <boost/asio/awaitable.hpp>

#include "harness/engine/doctor/doctor_context.hpp"

namespace referee::engine {

boost::asio::awaitable<void> check_login_referral(DoctorContext& context);

}  // namespace referee::engine
