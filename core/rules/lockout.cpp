#include "core/rules/lockout.h"

#include <algorithm>

#include "core/api/api_error.h"

namespace userpool {

void check_not_locked_out(OpContext& ctx, User& user) {
  if (user.last_sign_in_attempt && ctx.now - *user.last_sign_in_attempt >= kLockoutResetAfter && user.failed_sign_ins > 0) {
    ctx.rule("15 minutes passed without a sign-in attempt, so the failed sign-in count (" +
             std::to_string(user.failed_sign_ins) + ") was reset");
    user.failed_sign_ins = 0;
    user.locked_until = {};
  }
  user.last_sign_in_attempt = ctx.now;
  if (ctx.now < user.locked_until)
    fail_not_authorized("Password attempts exceeded",
                        "Locked out after " + std::to_string(user.failed_sign_ins) + " failed sign-ins, for " +
                            format_duration(user.locked_until - ctx.now) + " more; attempts during the lock do not extend it");
}

void record_failed_sign_in(OpContext& ctx, User& user) {
  ++user.failed_sign_ins;
  if (user.failed_sign_ins < kFreeFailedSignIns) {
    ctx.rule("Failed sign-in " + std::to_string(user.failed_sign_ins) + " of " + std::to_string(kFreeFailedSignIns) +
             " before a lockout");
    return;
  }
  // 1 s after the fifth failure, doubling with each one after it.
  const int doublings = std::min(user.failed_sign_ins - kFreeFailedSignIns, 20);
  const Millis lock = std::min<Millis>(std::chrono::seconds(1) * (1LL << doublings), kMaxLock);
  user.locked_until = ctx.now + lock;
  ctx.rule("Failed sign-in " + std::to_string(user.failed_sign_ins) + ": the user is locked out for " +
           format_duration(lock) + " (2^(n-5) seconds, at most 15 minutes)");
}

void record_successful_sign_in(User& user) {
  user.failed_sign_ins = 0;
  user.locked_until = {};
}

}  // namespace userpool
