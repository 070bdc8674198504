// Issuing tokens for a sign-in or a refresh, and checking the tokens callers
// present: access tokens for the operations they authorise, refresh tokens
// for REFRESH_TOKEN_AUTH and RevokeToken.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api/operation.h"
#include "core/tokens/refresh_token.h"

namespace userpool::ops {

// The AuthenticationResult of a new sign-in: ID, access and refresh tokens of
// a new lineage. `auth_time` is when the user authenticated.
Json issue_sign_in_tokens(OpContext& ctx, UserPool& pool, const AppClient& client, User& user, Timestamp auth_time);

// The AuthenticationResult of a refresh: new ID and access tokens in the same
// lineage (and a new refresh token only when the client rotates them).
Json issue_refreshed_tokens(OpContext& ctx, UserPool& pool, const AppClient& client, User& user, TokenLineage& lineage);

// The tokens of a sign-in through the OAuth 2.0 endpoints (the hosted UI's
// code and implicit grants): the access token carries the granted scopes,
// the ID token (only when "openid" is granted) the nonce and at_hash; a
// refresh token only when `with_refresh_token` (not for the implicit grant).
// Returns {"AccessToken", "IdToken"?, "RefreshToken"?, "ExpiresIn"}.
struct OAuthSignIn {
  std::vector<std::string> scopes;
  std::optional<std::string> nonce;
  bool with_refresh_token = true;
};
Json issue_oauth_tokens(OpContext& ctx, UserPool& pool, const AppClient& client, User& user, Timestamp auth_time,
                        const OAuthSignIn& sign_in);

// The space-separated scope claim of granted scopes.
std::string scope_claim(const std::vector<std::string>& scopes);

// Who an access token speaks for, after every check Cognito makes
// (signature, expiry, revocation, user, scope).
struct Caller {
  UserPool& pool;
  User& user;
  std::string client_id;
  Json claims;
};
// `required_scope` is the scope the operation needs (the self-service
// operations need aws.cognito.signin.user.admin; /oauth2/userInfo, openid).
Caller authorize_access_token(OpContext& ctx, const std::string& access_token,
                              std::string_view required_scope = "aws.cognito.signin.user.admin");

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
