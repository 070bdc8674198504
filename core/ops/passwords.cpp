// Passwords: ForgotPassword, ConfirmForgotPassword, ChangePassword,
// AdminSetUserPassword, AdminResetUserPassword (API Reference: ForgotPassword, ConfirmForgotPassword, ChangePassword,
// API Reference: AdminSetUserPassword, AdminResetUserPassword).
#include "core/api/api_error.h"
#include "core/rules/user_existence.h"
#include "core/rules/quotas.h"
#include "core/base/identifiers.h"
#include "core/ops/common.h"
#include "core/ops/delivery.h"
#include "core/api/registry.h"
#include "core/ops/token_grants.h"

namespace userpool::ops {
namespace {

constexpr const char* kNoRecoveryContact =
    "Cannot reset password for the user as there is no registered/verified email or phone_number";

// Where a reset code goes: the first recovery mechanism (by priority) the
// user can receive on. SMS is not used for a user with SMS MFA (Developer Guide: "Recovering user accounts").
// UNVERIFIED: with admin_only, AdminResetUserPassword is refused too, like
// ForgotPassword: its reset code would have nowhere to go, and an
// administrator sets the password with AdminSetUserPassword instead.
std::optional<Destination> recovery_destination(OpContext& ctx, const PoolConfig& config, const User& user) {
  const auto mechanisms = recovery_mechanisms(config);
  for (const auto& m : mechanisms) {
    if (m.name == "admin_only") {
      ctx.rule("AccountRecoverySetting is admin_only: users cannot reset their own password");
      return std::nullopt;
    }
    if (m.name == "verified_email" && user.attribute("email") != nullptr && user.attribute_is_true("email_verified"))
      return destination_of(user, "email");
    if (m.name == "verified_phone_number" && user.attribute("phone_number") != nullptr &&
        user.attribute_is_true("phone_number_verified") && !user.sms_mfa_enabled)
      return destination_of(user, "phone_number");
  }
  ctx.rule(config.account_recovery ? "No recovery mechanism of the pool reaches this user (the contact must be verified)"
                                   : "No AccountRecoverySetting: the legacy order is a verified phone, then a verified email");
  return std::nullopt;
}

void send_reset_code(OpContext& ctx, UserPool& pool, User& user, const Destination& to, Json* details) {
  const std::string code = generate_confirmation_code(ctx.random());
  const Json d = deliver_code(ctx, pool, user, to, CodePurpose::kForgotPassword, code);
  user.reset_code = Code{code, ctx.now + quotas::kPasswordResetCodeLifetime, to.attribute};
  if (details != nullptr) *details = d;
  ctx.rule("The reset code is valid for 1 hour; the password and status stay as they are until it is used");
}


Json forgot_password(OpContext& ctx, const Request& r) {
  const PublicClientRequest request = read_public_client_request(ctx, r);
  UserPool& pool = request.pool;
  const AppClient& client = request.client;
  const std::string& username = request.username;
  request.check_secret_hash(ctx);
  User* user = find_user(pool, username);
  if (user == nullptr) {
    if (auto made_up = user_existence::made_up_delivery(ctx, pool, client, username, "the user does not exist")) return *made_up;
    fail_user_not_found("Username/client id combination not found.");
  }
  ctx.event.username = user->username;
  if (!user->enabled) {
    if (auto made_up = user_existence::made_up_delivery(ctx, pool, client, username, "the user is disabled")) return *made_up;
    fail_not_authorized("User is disabled.");
  }
  if (user->status == status::kForceChangePassword)
    fail_not_authorized("User password cannot be reset in the current state.",
                        "A user with a temporary password signs in with it and sets a new one (NEW_PASSWORD_REQUIRED)");
  const auto to = recovery_destination(ctx, pool.config, *user);
  if (!to) {
    if (auto made_up = user_existence::made_up_delivery(ctx, pool, client, username, "the user has no verified contact"))
      return *made_up;
    fail_invalid_parameter(kNoRecoveryContact);
  }
  check_hourly_limit(ctx, *user, "ForgotPassword", quotas::kForgotPasswordPerHour);
  Json details;
  send_reset_code(ctx, pool, *user, *to, &details);
  return Json{{"CodeDeliveryDetails", details}};
}

Json confirm_forgot_password(OpContext& ctx, const Request& r) {
  const PublicClientRequest request = read_public_client_request(ctx, r);
  UserPool& pool = request.pool;
  const AppClient& client = request.client;
  const std::string& username = request.username;
  const std::string code = r.string("ConfirmationCode", shapes::kConfirmationCode);
  const std::string password = r.string("Password", shapes::kPassword);
  request.check_secret_hash(ctx);
  User* user = find_user(pool, username);
  if (user == nullptr || !user->enabled) {
    user_existence::confirm_forgot_password_unknown_user(client, user != nullptr);
    fail_not_authorized("User is disabled.");
  }
  ctx.event.username = user->username;
  // Cognito allows 5 to 20 attempts an hour depending on risk; the sandbox uses 10.
  check_hourly_limit(ctx, *user, "ConfirmForgotPassword", quotas::kConfirmForgotPasswordPerHour);
  if (!user->reset_code)
    fail("ExpiredCodeException", "Invalid code provided, please request a code again.", "No reset code was requested (ForgotPassword)");
  if (!constant_time_equal(std::string_view(code), std::string_view(user->reset_code->value)))
    fail("CodeMismatchException", "Invalid verification code provided, please try again.");
  if (ctx.now > user->reset_code->expires_at)
    fail("ExpiredCodeException", "Invalid code provided, please request a code again.",
         "Reset codes are valid for 1 hour; this one expired " + format_duration(ctx.now - user->reset_code->expires_at) + " ago");
  set_password(ctx, pool, *user, password, PolicyWording::kDidNotConformWith);
  user->reset_code.reset();
  if (user->status == status::kResetRequired) user->status = status::kConfirmed;
  user->failed_sign_ins = 0;
  user->locked_until = {};
  ctx.rule("Password reset; the user is " + user->status + " and any lockout is lifted");
  return Json::object();
}

Json change_password(OpContext& ctx, const Request& r) {
  const auto previous = r.optional_string("PreviousPassword", shapes::kPassword);
  const std::string proposed = r.string("ProposedPassword", shapes::kPassword);
  Caller caller = authorize_access_token(ctx, r.string("AccessToken", shapes::kToken));
  check_hourly_limit(ctx, caller.user, "ChangePassword", quotas::kChangePasswordPerHour);
  if (caller.user.password && (!previous || !password_matches(caller.pool, caller.user, *previous)))
    fail_not_authorized("Incorrect username or password.", "PreviousPassword is not the user's current password");
  set_password(ctx, caller.pool, caller.user, proposed, PolicyWording::kDoesNotConformTo);
  ctx.rule("Password changed; tokens already issued stay valid");
  return Json::object();
}

Json admin_set_user_password(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  User& user = require_user(ctx, pool, r.string("Username", shapes::kUsername));
  const std::string password = r.string("Password", shapes::kPassword);
  const bool permanent = r.optional_bool("Permanent").value_or(false);
  set_password(ctx, pool, user, password, PolicyWording::kDoesNotConformTo);
  user.status = permanent ? status::kConfirmed : status::kForceChangePassword;
  ctx.rule(permanent ? "A permanent password: the user is CONFIRMED"
                     : "A temporary password: the user must set a new one at the next sign-in (FORCE_CHANGE_PASSWORD)");
  return Json::object();
}

Json admin_reset_user_password(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  User& user = require_user(ctx, pool, r.string("Username", shapes::kUsername));
  if (user.status == status::kForceChangePassword)
    fail_not_authorized("User password cannot be reset in the current state.");
  const auto to = recovery_destination(ctx, pool.config, user);
  if (!to) fail_invalid_parameter(kNoRecoveryContact);
  send_reset_code(ctx, pool, user, *to, nullptr);
  user.status = status::kResetRequired;
  user.last_modified = ctx.now;
  ctx.rule("The user is RESET_REQUIRED: signing in fails until ConfirmForgotPassword sets a new password");
  return Json::object();
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& password_operations() {
  static const OperationTable table = {
      {"ForgotPassword", forgot_password, OperationKind::kChange},
      {"ConfirmForgotPassword", confirm_forgot_password, OperationKind::kChange},
      {"ChangePassword", change_password, OperationKind::kChange},
      {"AdminSetUserPassword", admin_set_user_password, OperationKind::kChange},
      {"AdminResetUserPassword", admin_reset_user_password, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::ops
