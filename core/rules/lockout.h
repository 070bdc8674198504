// Sign-in lockout (Developer Guide: "User pool authentication flow"): after 5 failed sign-ins the user is
// locked for 1 second, and each further failure doubles the lock, up to
// about 15 minutes. Attempts during a lock fail with "Password attempts
// exceeded" and do not extend it. Fifteen minutes without any sign-in
// attempt return the counter to zero. (Documented as subject to change.)
#pragma once

#include <chrono>

#include "core/api/operation.h"
#include "core/model/user.h"

namespace userpool {

inline constexpr int kFreeFailedSignIns = 5;
inline constexpr std::chrono::minutes kMaxLock{15};
inline constexpr std::chrono::minutes kLockoutResetAfter{15};

// Call before checking a password: throws NotAuthorizedException "Password
// attempts exceeded" while the user is locked. Records the attempt's time.
void check_not_locked_out(OpContext& ctx, User& user);
// A wrong password: counts it and, from the fifth, locks the user.
void record_failed_sign_in(OpContext& ctx, User& user);
// A right password: the counter starts again.
void record_successful_sign_in(User& user);

}  // namespace userpool
