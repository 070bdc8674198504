// Starting a sign-in: InitiateAuth and AdminInitiateAuth (API Reference: InitiateAuth,
// API Reference: AdminInitiateAuth) with the password, SRP and refresh-token flows.
#include "core/api/api_error.h"
#include "core/rules/user_existence.h"
#include "core/crypto/digest.h"
#include "core/base/identifiers.h"
#include "core/rules/lockout.h"
#include "core/ops/common.h"
#include "core/api/registry.h"
#include "core/ops/sign_in.h"
#include "core/ops/token_grants.h"
#include "core/crypto/secret_hash.h"

namespace userpool::ops {
namespace {

using Params = std::map<std::string, std::string>;

const std::string& required_param(const Params& p, const std::string& name) {
  const auto it = p.find(name);
  if (it == p.end() || it->second.empty()) fail_invalid_parameter("Missing required parameter " + name);
  return it->second;
}

std::optional<std::string> param(const Params& p, const std::string& name) {
  const auto it = p.find(name);
  return it == p.end() ? std::nullopt : std::optional<std::string>(it->second);
}

void require_flow(OpContext& ctx, const AppClient& client, const std::string& flow) {
  if (client.allows_flow(flow)) {
    ctx.rule(flow + " is in the app client's ExplicitAuthFlows");
    return;
  }
  fail_invalid_parameter(flow == "USER_PASSWORD_AUTH" ? "USER_PASSWORD_AUTH flow not enabled for this client"
                                                      : "Auth flow not enabled for this client",
                         flow + " is not in the app client's ExplicitAuthFlows");
}

// USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH.
Json password_flow(OpContext& ctx, UserPool& pool, const AppClient& client, const Params& p) {
  const std::string& username = required_param(p, "USERNAME");
  const std::string& password = required_param(p, "PASSWORD");
  ctx.event.username = username;
  check_secret_hash(ctx, client, username, param(p, "SECRET_HASH"));
  User* found = find_user(pool, username);
  if (found == nullptr) user_existence::unknown_user_at_sign_in(client);
  User& user = *found;
  ctx.event.username = user.username;
  check_not_locked_out(ctx, user);
  if (!user.enabled) fail_not_authorized("User is disabled.", "An administrator disabled the user (AdminDisableUser)");
  if (!password_matches(pool, user, password)) {
    record_failed_sign_in(ctx, user);
    fail_not_authorized("Incorrect username or password.");
  }
  record_successful_sign_in(user);
  return after_password(ctx, pool, client, user);
}

Json srp_flow(OpContext& ctx, UserPool& pool, const AppClient& client, const Params& p) {
  const std::string& username = required_param(p, "USERNAME");
  const std::string& srp_a = required_param(p, "SRP_A");
  ctx.event.username = username;
  check_secret_hash(ctx, client, username, param(p, "SECRET_HASH"));
  User* user = find_user(pool, username);
  std::string user_id;
  srp::PasswordVerifier verifier;
  if (user != nullptr && user->password) {
    user_id = user->username;
    verifier = *user->password;
    ctx.event.username = user_id;
  } else {
    verifier = user_existence::made_up_srp_user(ctx, pool, client, pool.users.fold(username), user_id);
  }
  const srp::Server server(pool.id, pool.keys.sealing_key);
  const auto challenge = server.begin(user_id, verifier, srp_a, ctx.now, ctx.random());
  if (!challenge) fail_invalid_parameter(std::string(srp::describe(challenge.error())));
  ctx.rule("SRP step 1: the pool answers SRP_A with SRP_B, the user's SALT and a SECRET_BLOCK; the client proves the "
           "password with PASSWORD_VERIFIER (the password never travels)");
  return challenge_response("PASSWORD_VERIFIER", "",
                            Json{{"SALT", challenge->salt}, {"SECRET_BLOCK", challenge->secret_block},
                                 {"SRP_B", challenge->srp_b}, {"USERNAME", user_id}, {"USER_ID_FOR_SRP", user_id}});
}

Json refresh_flow(OpContext& ctx, UserPool& pool, const AppClient& client, const Params& p) {
  const std::string& token = required_param(p, "REFRESH_TOKEN");
  RefreshGrant grant = check_refresh_token(ctx, pool, client, token);
  // SECRET_HASH names the user by the internal username (for pools with
  // email or phone usernames, the sub): the refresh token does not say
  // which alias the user typed.
  check_secret_hash(ctx, client, grant.user.username, param(p, "SECRET_HASH"));
  if (!grant.user.enabled) fail_not_authorized("User is disabled.");
  return tokens_response(issue_refreshed_tokens(ctx, pool, client, grant.user, grant.lineage));
}

Json start_sign_in(OpContext& ctx, UserPool& pool, const AppClient& client, const std::string& flow, const Params& p,
                   bool admin) {
  if (flow == "USER_SRP_AUTH") {
    require_flow(ctx, client, flow);
    return srp_flow(ctx, pool, client, p);
  }
  if (flow == "REFRESH_TOKEN_AUTH" || flow == "REFRESH_TOKEN") {
    require_flow(ctx, client, "REFRESH_TOKEN_AUTH");
    return refresh_flow(ctx, pool, client, p);
  }
  if (flow == "USER_PASSWORD_AUTH" && !admin) {
    require_flow(ctx, client, flow);
    return password_flow(ctx, pool, client, p);
  }
  if ((flow == "ADMIN_USER_PASSWORD_AUTH" || flow == "ADMIN_NO_SRP_AUTH") && admin) {
    require_flow(ctx, client, "ADMIN_USER_PASSWORD_AUTH");
    return password_flow(ctx, pool, client, p);
  }
  if (flow == "CUSTOM_AUTH") {
    require_flow(ctx, client, flow);
    fail_not_authorized("Custom auth lambda trigger is not configured for the user pool.",
                        "CUSTOM_AUTH runs the pool's Lambda triggers, which the sandbox does not run");
  }
  if (flow == "USER_AUTH") {
    require_flow(ctx, client, flow);
    fail_invalid_parameter("This sandbox does not simulate choice-based sign-in (USER_AUTH); use USER_SRP_AUTH or USER_PASSWORD_AUTH.");
  }
  fail_invalid_parameter("Initiate Auth method not supported.",
                         admin ? "AdminInitiateAuth takes ADMIN_USER_PASSWORD_AUTH, not USER_PASSWORD_AUTH"
                               : "The ADMIN_* flows belong to AdminInitiateAuth (which needs AWS credentials)");
}

std::string read_flow(const Request& r) {
  const std::string flow = r.string("AuthFlow");
  for (const char* f : {"USER_SRP_AUTH", "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN", "CUSTOM_AUTH", "ADMIN_NO_SRP_AUTH",
                        "USER_PASSWORD_AUTH", "ADMIN_USER_PASSWORD_AUTH", "USER_AUTH"})
    if (flow == f) return flow;
  fail_validation("authFlow", "'" + flow + "'",
                  "Member must satisfy enum value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, "
                  "ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]");
}


Json initiate_auth(OpContext& ctx, const Request& r) {
  const std::string flow = read_flow(r);
  PoolClient pc = require_client(ctx, r.string("ClientId", shapes::kClientId));
  UserPool& pool = pc.pool;
  AppClient& client = pc.client;
  return start_sign_in(ctx, pool, client, flow, r.string_map("AuthParameters"), false);
}

Json admin_initiate_auth(OpContext& ctx, const Request& r) {
  const std::string flow = read_flow(r);
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  AppClient& client = require_client_in(ctx, pool, r.string("ClientId", shapes::kClientId));
  return start_sign_in(ctx, pool, client, flow, r.string_map("AuthParameters"), true);
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& auth_operations() {
  static const OperationTable table = {
      {"InitiateAuth", initiate_auth, OperationKind::kChange},
      {"AdminInitiateAuth", admin_initiate_auth, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::ops
