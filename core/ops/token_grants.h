// Issuing tokens for a sign-in or a refresh, and checking the tokens callers
// present: access tokens for the operations they authorise, refresh tokens
// for REFRESH_TOKEN_AUTH and RevokeToken.
#pragma once

#include <string>

#include "core/api/operation.h"
#include "core/tokens/refresh_token.h"

namespace userpool::ops {

// The AuthenticationResult of a new sign-in: ID, access and refresh tokens of
// a new lineage. `auth_time` is when the user authenticated.
Json issue_sign_in_tokens(OpContext& ctx, UserPool& pool, const AppClient& client, User& user, Timestamp auth_time);

// The AuthenticationResult of a refresh: new ID and access tokens in the same
// lineage (and a new refresh token only when the client rotates them).
Json issue_refreshed_tokens(OpContext& ctx, UserPool& pool, const AppClient& client, User& user, TokenLineage& lineage);

// Who an access token speaks for, after every check Cognito makes
// (signature, expiry, revocation, user, scope).
struct Caller {
  UserPool& pool;
  User& user;
  std::string client_id;
  Json claims;
};
Caller authorize_access_token(OpContext& ctx, const std::string& access_token);

// A refresh token opened and checked for this client.
struct RefreshGrant {
  User& user;
  TokenLineage& lineage;
  RefreshTokenClaims claims;
};
RefreshGrant check_refresh_token(OpContext& ctx, UserPool& pool, const AppClient& client, const std::string& token);

// Marks lineages revoked: all of a user's (global sign-out), or one.
void revoke_all_tokens(OpContext& ctx, User& user);

}  // namespace userpool::ops
