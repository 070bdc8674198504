// The steps of a sign-in after the user proved their password (API
// Reference: InitiateAuth): the user's status (unconfirmed, reset required,
// temporary password), then multi-factor authentication, then tokens. Each
// step answers with a challenge and a Session, or with the tokens.
#pragma once

#include <string>
#include <vector>

#include "core/api/operation.h"

namespace userpool::ops {

// After a right password (USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH,
// PASSWORD_VERIFIER): status checks, then NEW_PASSWORD_REQUIRED, MFA or tokens.
Json after_password(OpContext& ctx, UserPool& pool, const AppClient& client, User& user);

// After the password is settled: the MFA challenge the pool and user call
// for (SMS_MFA, SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE, MFA_SETUP), or tokens.
Json mfa_or_tokens(OpContext& ctx, UserPool& pool, const AppClient& client, User& user);

// Starts the named MFA challenge (sends the SMS code for SMS_MFA).
Json start_mfa_challenge(OpContext& ctx, UserPool& pool, const AppClient& client, User& user, const std::string& challenge);

// The end of a sign-in that succeeded: the tokens, or what the caller set
// in OpContext::finish_sign_in (the hosted UI's redirect).
Json signed_in(OpContext& ctx, UserPool& pool, const AppClient& client, User& user);

// {"ChallengeName", "Session", "ChallengeParameters"}
Json challenge_response(const std::string& challenge, const std::string& session, Json parameters);
// {"ChallengeParameters": {}, "AuthenticationResult": ...}
Json tokens_response(Json authentication_result);

// The MFA factors a user can be challenged with in this pool.
std::vector<std::string> enabled_mfa_factors(const UserPool& pool, const User& user);

}  // namespace userpool::ops
