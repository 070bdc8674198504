// What a signed-in user does with their access token: GetUser,
// UpdateUserAttributes, DeleteUserAttributes, GetUserAttributeVerificationCode,
// VerifyUserAttribute, DeleteUser, GlobalSignOut; and RevokeToken
// (API Reference: GetUser, UpdateUserAttributes, VerifyUserAttribute, GlobalSignOut, RevokeToken).
#include <algorithm>

#include "core/api/api_error.h"
#include "core/rules/quotas.h"
#include "core/ops/attribute_updates.h"
#include "core/ops/common.h"
#include "core/api/registry.h"
#include "core/ops/token_grants.h"

namespace userpool::ops {
namespace {

const AppClient& caller_client(Caller& caller) { return *caller.pool.find_client(caller.client_id); }


Json get_user(OpContext& ctx, const Request& r) {
  Caller caller = authorize_access_token(ctx, r.string("AccessToken", shapes::kToken));
  const AppClient& client = caller_client(caller);
  const PoolConfig& c = caller.pool.config;
  Json out = {{"Username", caller.user.username},
              {"UserAttributes", attributes_json(caller.user, [&](std::string_view n) { return client.can_read(c, n); })}};
  add_mfa_settings(out, caller.user);
  return out;
}

Json update_user_attributes(OpContext& ctx, const Request& r) {
  const auto attributes = r.optional_attributes("UserAttributes");
  if (!attributes) fail_validation("userAttributes", "null", "Member must not be null");
  Caller caller = authorize_access_token(ctx, r.string("AccessToken", shapes::kToken));
  // The schema is checked first: changing `sub` is refused as an invalid
  // parameter whatever the client may write.
  check_attribute_values(caller.pool.config.schema, *attributes, false);
  check_client_can_write(caller.pool, caller_client(caller), *attributes);
  return Json{{"CodeDeliveryDetailsList", apply_attribute_updates(ctx, caller.pool, caller.user, *attributes, false)}};
}

Json delete_user_attributes(OpContext& ctx, const Request& r) {
  const auto names = r.optional_string_list("UserAttributeNames", shapes::kAttributeName);
  if (!names) fail_validation("userAttributeNames", "null", "Member must not be null");
  Caller caller = authorize_access_token(ctx, r.string("AccessToken", shapes::kToken));
  AttributeList removals;
  for (const auto& n : *names) removals.emplace_back(n, "");
  check_attribute_values(caller.pool.config.schema, removals, false);
  check_client_can_write(caller.pool, caller_client(caller), removals);
  apply_attribute_updates(ctx, caller.pool, caller.user, removals, false);
  return Json::object();
}

Json get_user_attribute_verification_code(OpContext& ctx, const Request& r) {
  const std::string attribute = r.string("AttributeName", shapes::kAttributeName);
  Caller caller = authorize_access_token(ctx, r.string("AccessToken", shapes::kToken));
  check_attribute_can_be_verified(caller.user, attribute);
  check_hourly_limit(ctx, caller.user, "GetUserAttributeVerificationCode", quotas::kAttributeVerificationCodesPerHour);
  return Json{{"CodeDeliveryDetails", send_attribute_code(ctx, caller.pool, caller.user, attribute)}};
}

Json verify_user_attribute(OpContext& ctx, const Request& r) {
  const std::string attribute = r.string("AttributeName", shapes::kAttributeName);
  const std::string code = r.string("Code", shapes::kConfirmationCode);
  Caller caller = authorize_access_token(ctx, r.string("AccessToken", shapes::kToken));
  verify_attribute(ctx, caller.pool, caller.user, attribute, code);
  ctx.rule(attribute + " is verified");
  return Json::object();
}

Json delete_user(OpContext& ctx, const Request& r) {
  Caller caller = authorize_access_token(ctx, r.string("AccessToken", shapes::kToken));
  ctx.rule("The user deleted their own account; the username can be used again");
  caller.pool.users.remove(caller.user);
  return Json::object();
}

Json global_sign_out(OpContext& ctx, const Request& r) {
  Caller caller = authorize_access_token(ctx, r.string("AccessToken", shapes::kToken));
  revoke_all_tokens(ctx, caller.user);
  return Json::object();
}

Json revoke_token(OpContext& ctx, const Request& r) {
  const std::string token = r.string("Token", shapes::kToken);
  PoolClient pc = require_client(ctx, r.string("ClientId", shapes::kClientId));
  UserPool& pool = pc.pool;
  AppClient& client = pc.client;
  const auto secret = r.optional_string("ClientSecret");
  if (client.has_secret() && (!secret || !constant_time_equal(std::string_view(*secret), std::string_view(client.client_secret))))
    fail("UnauthorizedException", "Invalid client credentials.", "A client with a secret revokes tokens with its ClientSecret");
  if (!client.enable_token_revocation)
    fail("UnsupportedOperationException", "Token revocation is not enabled for this app client.",
         "EnableTokenRevocation is false on the app client");
  // A refresh token has five parts (a JWE); anything else (an ID or access
  // token, or text that is no token at all) is the wrong kind of token.
  if (std::count(token.begin(), token.end(), '.') != 4)
    fail("UnsupportedTokenTypeException", "Unsupported token type. Only refresh tokens can be revoked.",
         "RevokeToken takes a refresh token; revoking it also revokes the access tokens minted from it");
  auto claims = open_refresh_token(token, pool.keys.refresh_token);
  if (!claims) {
    // RFC 7009: revoking a token the server does not know is not an error.
    ctx.rule("Not a refresh token of this pool: nothing to revoke");
    return Json::object();
  }
  if (claims->client_id != client.client_id)
    fail("UnauthorizedException", "Invalid client credentials.", "The refresh token was issued to another app client");
  User* user = pool.users.by_username(claims->username);
  if (user != nullptr) {
    ctx.event.username = user->username;
    for (auto& l : user->lineages)
      if (l.origin_jti == claims->origin_jti) l.revoked = true;
    ctx.rule("The refresh token and every access token from the same sign-in (origin_jti) are revoked; other sign-ins are not");
  }
  return Json::object();
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& self_service_operations() {
  static const OperationTable table = {
      {"GetUser", get_user, OperationKind::kRead},
      {"UpdateUserAttributes", update_user_attributes, OperationKind::kChange},
      {"DeleteUserAttributes", delete_user_attributes, OperationKind::kChange},
      {"GetUserAttributeVerificationCode", get_user_attribute_verification_code, OperationKind::kChange, "it sends a verification code"},
      {"VerifyUserAttribute", verify_user_attribute, OperationKind::kChange},
      {"DeleteUser", delete_user, OperationKind::kChange},
      {"GlobalSignOut", global_sign_out, OperationKind::kChange},
      {"RevokeToken", revoke_token, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::ops
