// PreventUserExistenceErrors: whether an app client's answers can tell
// someone who tries usernames which users exist. Everything the setting
// changes is here, one function per disguise; the operations call them.
//
// With ENABLED (what the console sets), for a user that does not exist:
//   - InitiateAuth with a password flow answers NotAuthorizedException
//     "Incorrect username or password.", as a wrong password does;
//   - USER_SRP_AUTH answers a made-up PASSWORD_VERIFIER challenge, the same
//     every time for the same name, and the answer to it fails as a wrong
//     password does;
//   - ForgotPassword and ResendConfirmationCode answer made-up
//     CodeDeliveryDetails and send nothing (also for a disabled user, and
//     ForgotPassword for a user with no verified contact);
//   - ConfirmForgotPassword answers CodeMismatchException, as a wrong code
//     does (also for a disabled user).
// With LEGACY (the API's default), each says UserNotFoundException.
//
// Source: Amazon Cognito Developer Guide, "Managing user existence error
// responses".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/api/operation.h"
#include "core/crypto/srp.h"
#include "core/model/app_client.h"
#include "core/model/user_pool.h"

namespace userpool::user_existence {

// Sign-in with a password for a user that does not exist.
[[noreturn]] void unknown_user_at_sign_in(const AppClient& client);

// USER_SRP_AUTH for a user that does not exist: the made-up verifier the
// challenge is computed from, and the USER_ID_FOR_SRP it names. Throws as
// unknown_user_at_sign_in() when the client reveals unknown users.
srp::PasswordVerifier made_up_srp_user(OpContext& ctx, const UserPool& pool, const AppClient& client,
                                       const std::string& username, std::string& user_id);
// The answer to a made-up challenge (its user does not exist).
[[noreturn]] void made_up_challenge_answered();

// ForgotPassword or ResendConfirmationCode that would reveal the user (it
// does not exist, is disabled, or has no verified contact): the made-up
// CodeDeliveryDetails to answer, or nullopt when the client reveals it (the
// operation then fails with its own error). `why` says which case it is.
std::optional<Json> made_up_delivery(OpContext& ctx, const UserPool& pool, const AppClient& client,
                                     std::string_view username, std::string_view why);

// ConfirmForgotPassword for a user that does not exist, or is disabled.
// Returns only when the client reveals a disabled user (the operation then
// says "User is disabled.").
void confirm_forgot_password_unknown_user(const AppClient& client, bool user_exists);

}  // namespace userpool::user_existence
