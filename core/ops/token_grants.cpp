#include "core/ops/token_grants.h"
#include "core/rules/quotas.h"

#include <algorithm>

#include "core/api/api_error.h"
#include "core/base/identifiers.h"
#include "core/tokens/jwt.h"
#include "core/tokens/tokens.h"
#include "core/tokens/well_known.h"

namespace userpool::ops {
namespace {

constexpr const char* kAdminScope = "aws.cognito.signin.user.admin";

TokenSubject subject_of(const UserPool& pool, const AppClient& client, const User& user) {
  TokenSubject s;
  s.sub = user.sub;
  s.username = user.username;
  // cognito:groups in precedence order (lowest first), then by name.
  std::vector<const Group*> groups;
  for (const auto& name : user.groups)
    for (const auto& g : pool.groups)
      if (g.name == name) groups.push_back(&g);
  // UNVERIFIED: ties (and groups without a precedence) go by name, so the
  // claim does not depend on the order the user joined the groups.
  std::sort(groups.begin(), groups.end(), [](const Group* a, const Group* b) {
    const auto pa = a->precedence.value_or(INT64_MAX), pb = b->precedence.value_or(INT64_MAX);
    return pa != pb ? pa < pb : a->name < b->name;
  });
  for (const Group* g : groups) s.groups.push_back(g->name);
  // The groups' IAM roles (Developer Guide: "Adding groups to a user pool"):
  // all of them in cognito:roles; the one of the group with the lowest
  // precedence in cognito:preferred_role, unless two groups with roles share
  // that precedence (a group without one comes after every group with one).
  const Group* preferred = nullptr;
  bool tied = false;
  for (const Group* g : groups) {
    if (g->role_arn.empty()) continue;
    if (std::find(s.roles.begin(), s.roles.end(), g->role_arn) == s.roles.end()) s.roles.push_back(g->role_arn);
    if (preferred == nullptr) preferred = g;
    else if (g->precedence == preferred->precedence && g->role_arn != preferred->role_arn) tied = true;
  }
  if (preferred != nullptr && !tied) s.preferred_role = preferred->role_arn;
  // UNVERIFIED: a federated user's identities claim comes whatever the
  // client's ReadAttributes say: clients the console makes list every
  // readable attribute without identities, and their tokens for Google
  // users carry the claim all the same.
  for (const auto& [name, value] : user.attributes)
    if (name != "sub" && (name == "identities" || client.can_read(pool.config, name))) s.attributes[name] = attribute_claim(name, value);
  return s;
}

TokenGrant grant_of(OpContext& ctx, const UserPool& pool, const AppClient& client, const TokenLineage& lineage) {
  TokenGrant g;
  if (lineage.oauth_scopes) {
    g.oauth = true;
    g.scope = scope_claim(*lineage.oauth_scopes);
  }
  g.user_pool_id = pool.id;
  g.issuer = issuer_for(pool.id, ctx.account.issuer_origin);
  g.client_id = client.client_id;
  g.auth_time = lineage.auth_time;
  g.issued_at = ctx.now;
  g.event_id = lineage.event_ids.back();
  if (client.enable_token_revocation) g.origin_jti = lineage.origin_jti;
  g.id_validity = client.id_token_lifetime();
  g.access_validity = client.access_token_lifetime();
  return g;
}

std::string seal_refresh(OpContext& ctx, const UserPool& pool, const AppClient& client, const User& user,
                         TokenLineage& lineage) {
  RefreshTokenClaims r;
  r.user_pool_id = pool.id;
  r.client_id = client.client_id;
  r.username = user.username;
  r.sub = user.sub;
  r.jti = generate_uuid_v4(ctx.random());
  r.origin_jti = lineage.origin_jti;
  r.auth_time = lineage.auth_time;
  r.issued_at = ctx.now;
  r.expires_at = lineage.refresh_expires_at;
  lineage.previous_refresh_jti = lineage.refresh_jti;
  lineage.refresh_jti = r.jti;
  lineage.rotated_at = ctx.now;
  return seal_refresh_token(r, pool.keys.refresh_token, ctx.random());
}

bool grants(const TokenLineage& lineage, std::string_view scope) {
  return !lineage.oauth_scopes || std::find(lineage.oauth_scopes->begin(), lineage.oauth_scopes->end(), scope) != lineage.oauth_scopes->end();
}

Json authentication_result(OpContext& ctx, const UserPool& pool, const AppClient& client, const User& user,
                           TokenLineage& lineage, bool with_refresh_token, std::optional<std::string> nonce = std::nullopt) {
  const TokenSubject subject = subject_of(pool, client, user);
  TokenGrant grant = grant_of(ctx, pool, client, lineage);
  Json result = Json::object();
  const std::string access_token =
      sign_token(access_token_claims(subject, grant, generate_uuid_v4(ctx.random())), pool.keys.access_token);
  result["AccessToken"] = access_token;
  result["ExpiresIn"] = client.access_token_lifetime().count();
  result["TokenType"] = "Bearer";
  if (with_refresh_token) result["RefreshToken"] = seal_refresh(ctx, pool, client, user, lineage);
  // Through the OAuth endpoints an ID token comes only with the openid scope.
  if (grants(lineage, "openid")) {
    if (grant.oauth) {
      grant.nonce = std::move(nonce);
      grant.at_hash = access_token_hash(access_token);
    }
    result["IdToken"] = sign_token(id_token_claims(subject, grant, generate_uuid_v4(ctx.random())), pool.keys.id_token);
  }
  return result;
}

bool rotates(const AppClient& client) {
  return client.refresh_token_rotation.is_object() && client.refresh_token_rotation.value("Feature", "") == "ENABLED";
}

}  // namespace

namespace {

TokenLineage& new_lineage(OpContext& ctx, const AppClient& client, User& user, Timestamp auth_time) {
  // Lineages whose refresh token expired a day ago can hold no live token.
  std::erase_if(user.lineages, [&](const TokenLineage& l) { return l.refresh_expires_at + quotas::kExpiredLineageKeptFor < ctx.now; });
  TokenLineage lineage;
  lineage.origin_jti = generate_uuid_v4(ctx.random());
  lineage.client_id = client.client_id;
  lineage.auth_time = auth_time;
  lineage.refresh_expires_at = ctx.now + client.refresh_token_lifetime();
  lineage.event_ids.push_back(generate_uuid_v4(ctx.random()));
  return user.lineages.emplace_back(std::move(lineage));
}

}  // namespace

std::string scope_claim(const std::vector<std::string>& scopes) {
  std::string out;
  for (const auto& s : scopes) out += (out.empty() ? "" : " ") + s;
  return out;
}

Json issue_oauth_tokens(OpContext& ctx, UserPool& pool, const AppClient& client, User& user, Timestamp auth_time,
                        const OAuthSignIn& sign_in) {
  TokenLineage& lineage = new_lineage(ctx, client, user, auth_time);
  lineage.oauth_scopes = sign_in.scopes;
  ctx.rule("Tokens through the OAuth endpoints: the access token's scope is what was granted (" + scope_claim(sign_in.scopes) +
           ")" + (grants(lineage, "openid") ? "; an ID token because openid was granted" : "; no ID token without the openid scope"));
  return authentication_result(ctx, pool, client, user, lineage, sign_in.with_refresh_token, sign_in.nonce);
}

Json issue_sign_in_tokens(OpContext& ctx, UserPool& pool, const AppClient& client, User& user, Timestamp auth_time) {
  new_lineage(ctx, client, user, auth_time);
  ctx.rule("Signed in: ID and access tokens valid for " + format_duration(client.id_token_lifetime()) + " and " +
           format_duration(client.access_token_lifetime()) + ", refresh token for " +
           format_duration(client.refresh_token_lifetime()) + " (the app client's settings)");
  return authentication_result(ctx, pool, client, user, user.lineages.back(), true);
}

Json issue_refreshed_tokens(OpContext& ctx, UserPool& pool, const AppClient& client, User& user, TokenLineage& lineage) {
  lineage.event_ids.push_back(generate_uuid_v4(ctx.random()));
  const bool rotate = rotates(client);
  ctx.rule(rotate ? "Refresh token rotation is on: a new refresh token replaces the old one"
                  : "Refreshed: new ID and access tokens; the refresh token stays the same, auth_time and origin_jti carry over");
  return authentication_result(ctx, pool, client, user, lineage, rotate);
}

Caller authorize_access_token(OpContext& ctx, const std::string& token, std::string_view required_scope) {
  const auto invalid = [](const std::string& why) { fail_not_authorized("Invalid Access Token", why); };
  const auto jwt = decode_jwt(token);
  if (!jwt) invalid("The access token is not a JWT: " + jwt.error().message);
  const Json& claims = jwt->payload;
  const std::string iss = claims.value("iss", "");
  const auto slash = iss.rfind('/');
  UserPool* pool = slash == std::string::npos ? nullptr : ctx.account.find_pool(iss.substr(slash + 1));
  if (pool == nullptr || iss != issuer_for(pool->id, ctx.account.issuer_origin)) invalid("The token's issuer is not a user pool of this sandbox");
  ctx.event.user_pool_id = pool->id;
  if (jwt->header.value("kid", "") != pool->keys.access_token.kid || jwt->header.value("alg", "") != "RS256" ||
      !pool->keys.access_token.key.verify_rs256(bytes_of(jwt->signing_input()), jwt->signature))
    invalid("The signature does not verify with the pool's access token key");
  if (claims.value("token_use", "") != "access") invalid("This is not an access token (token_use is not \"access\")");
  const auto exp = claims.find("exp");
  if (exp == claims.end() || !exp->is_number()) invalid("The token has no exp claim");
  if (to_epoch_seconds(ctx.now) > exp->get<double>())
    fail_not_authorized("Access Token has expired", "The access token expired at " +
                                                       to_iso8601(from_epoch_millis(static_cast<std::int64_t>(exp->get<double>() * 1000))));
  User* user = pool->users.by_username(claims.value("username", ""));
  if (user == nullptr || user->sub != claims.value("sub", "")) fail_user_not_found("User does not exist.");
  ctx.event.username = user->username;
  const std::string client_id = claims.value("client_id", "");
  ctx.event.client_id = client_id;
  if (pool->find_client(client_id) == nullptr) invalid("The app client that issued the token no longer exists");
  // The sign-in the token belongs to: by event_id (API tokens), else by
  // origin_jti, else (OAuth tokens of a client without token revocation) by
  // client and auth_time.
  const std::string event_id = claims.value("event_id", "");
  const std::string origin_jti = claims.value("origin_jti", "");
  const auto auth_time = claims.value("auth_time", std::int64_t{0});
  const auto lineage = std::find_if(user->lineages.begin(), user->lineages.end(), [&](const TokenLineage& l) {
    if (!event_id.empty()) return std::find(l.event_ids.begin(), l.event_ids.end(), event_id) != l.event_ids.end();
    if (!origin_jti.empty()) return l.origin_jti == origin_jti;
    return l.client_id == client_id && to_epoch_whole_seconds(l.auth_time) == auth_time;
  });
  if (lineage == user->lineages.end() || lineage->revoked)
    fail_not_authorized("Access Token has been revoked",
                        "The token's sign-in was signed out or revoked (GlobalSignOut, RevokeToken or a disabled user)");
  const std::string scope = " " + claims.value("scope", "") + " ";
  if (scope.find(" " + std::string(required_scope) + " ") == std::string::npos)
    fail_not_authorized("Access Token does not have required scopes",
                        required_scope == kAdminScope ? std::string("Operations on the user's own profile need the ") + kAdminScope + " scope"
                                                      : "This needs the " + std::string(required_scope) + " scope");
  return {*pool, *user, client_id, claims};
}

RefreshGrant check_refresh_token(OpContext& ctx, UserPool& pool, const AppClient& client, const std::string& token) {
  auto claims = open_refresh_token(token, pool.keys.refresh_token);
  if (!claims) fail_not_authorized("Invalid Refresh Token", "Not a refresh token of this user pool: " + claims.error());
  if (claims->user_pool_id != pool.id || claims->client_id != client.client_id)
    fail_not_authorized("Invalid Refresh Token", "The refresh token was issued to another app client");
  if (ctx.now > claims->expires_at)
    fail_not_authorized("Refresh Token has expired", "The refresh token expired at " + to_iso8601(claims->expires_at) +
                                                          " (the app client's refresh token validity)");
  User* user = pool.users.by_username(claims->username);
  if (user == nullptr || user->sub != claims->sub)
    fail_not_authorized("Invalid Refresh Token", "The user the refresh token was issued to no longer exists");
  ctx.event.username = user->username;
  const auto lineage = std::find_if(user->lineages.begin(), user->lineages.end(),
                                    [&](const TokenLineage& l) { return l.origin_jti == claims->origin_jti; });
  if (lineage == user->lineages.end() || lineage->revoked)
    fail_not_authorized("Refresh Token has been revoked", "The sign-in was signed out or its refresh token revoked");
  if (claims->jti != lineage->refresh_jti) {
    // A rotated-out refresh token keeps working for the rotation's grace period.
    const auto grace = std::chrono::seconds(
        rotates(client) ? client.refresh_token_rotation.value("RetryGracePeriodSeconds", 0) : 0);
    if (claims->jti != lineage->previous_refresh_jti || ctx.now - lineage->rotated_at > grace)
      fail_not_authorized("Invalid Refresh Token", "A newer refresh token replaced this one (rotation)");
  }
  return {*user, *lineage, std::move(*claims)};
}

void revoke_all_tokens(OpContext& ctx, User& user) {
  int revoked = 0;
  for (auto& l : user.lineages)
    if (!l.revoked) {
      l.revoked = true;
      ++revoked;
    }
  ctx.rule(std::to_string(revoked) + " sign-in(s) revoked: their refresh tokens stop working and their access "
           "tokens are refused by Cognito's APIs (they still verify offline until they expire)");
}

}  // namespace userpool::ops
