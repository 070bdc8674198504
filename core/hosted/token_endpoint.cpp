// The OAuth 2.0 endpoints apps call directly (Developer Guide: "Token
// endpoint", "UserInfo endpoint", "Revoke endpoint"): /oauth2/token for the
// authorization_code, refresh_token and client_credentials grants,
// /oauth2/userInfo, /oauth2/revoke. Their errors are OAuth's: a JSON
// {"error": ...} with HTTP 400 (401 for a client that fails to
// authenticate at revoke; WWW-Authenticate at userInfo).
#include <algorithm>

#include "core/api/api_error.h"
#include "core/api/registry.h"
#include "core/base/encoding.h"
#include "core/base/identifiers.h"
#include "core/crypto/digest.h"
#include "core/hosted/authorization.h"
#include "core/ops/common.h"
#include "core/ops/token_grants.h"
#include "core/tokens/tokens.h"
#include "core/tokens/well_known.h"

namespace userpool::hosted {
namespace {

Reply oauth_error(OpContext& ctx, int status, const std::string& error, const std::string& why,
                  const std::string& description = {}) {
  ctx.rule(why);
  Json body = {{"error", error}};
  if (!description.empty()) body["error_description"] = description;
  return json_reply(status, body);
}

// Who is calling: client_secret_basic (Authorization: Basic
// base64(client_id:client_secret)) or client_secret_post (client_id and
// client_secret in the body); a public client sends its client_id alone.
struct ClientAuthentication {
  AppClient* client = nullptr;
  std::string problem;  // why it failed, empty when it did not
};

ClientAuthentication authenticate_client(OpContext& ctx, const Site& site, const HostedRequest& request) {
  std::string id = request.param("client_id"), secret = request.param("client_secret");
  bool secret_sent = request.has("client_secret");
  if (request.authorization.starts_with("Basic ")) {
    const auto decoded = base64_decode(std::string_view(request.authorization).substr(6));
    const std::string pair = decoded ? to_string(*decoded) : std::string();
    const auto colon = pair.find(':');
    if (colon == std::string::npos) return {nullptr, "The Authorization header is not Basic base64(client_id:client_secret)"};
    // RFC 6749 2.3.1: each half is form-encoded before base64.
    id = url_decode(pair.substr(0, colon)).value_or(pair.substr(0, colon));
    secret = url_decode(pair.substr(colon + 1)).value_or(pair.substr(colon + 1));
    secret_sent = true;
  }
  ctx.event.client_id = id;
  AppClient* client = site.pool.find_client(id);
  if (client == nullptr) return {nullptr, id.empty() ? "No client_id (in the body or a Basic Authorization header)" : "client_id " + id + " is not an app client of this pool"};
  if (client->has_secret()) {
    if (!secret_sent) return {nullptr, "The app client has a secret: the request must send it (Basic header or client_secret)"};
    if (!constant_time_equal(std::string_view(secret), std::string_view(client->client_secret))) return {nullptr, "The client secret is wrong"};
  }
  return {client, {}};
}

// {"access_token", "id_token"?, "refresh_token"?, "expires_in", "token_type"}
Json oauth_tokens(const Json& result) {
  Json out = Json::object();
  if (result.contains("IdToken")) out["id_token"] = result["IdToken"];
  out["access_token"] = result["AccessToken"];
  if (result.contains("RefreshToken")) out["refresh_token"] = result["RefreshToken"];
  out["expires_in"] = result["ExpiresIn"];
  out["token_type"] = "Bearer";
  return out;
}

Reply authorization_code_grant(OpContext& ctx, const Site& site, const HostedRequest& request, AppClient& client) {
  const std::string code_value = request.param("code");
  if (code_value.empty()) return oauth_error(ctx, 400, "invalid_request", "The authorization_code grant needs the code");
  if (!client.allows_oauth_flow("code")) return oauth_error(ctx, 400, "unauthorized_client", "The app client does not allow the code grant");
  UserPool& pool = site.pool;
  const auto it = pool.authorization_codes.find(code_value);
  if (it == pool.authorization_codes.end() || it->second.client_id != client.client_id)
    return oauth_error(ctx, 400, "invalid_grant", "The code is not one this pool gave this app client");
  AuthorizationCode& code = it->second;
  if (code.used) return oauth_error(ctx, 400, "invalid_grant", "The code was already exchanged: a code works once");
  if (code.expires_at <= ctx.now) return oauth_error(ctx, 400, "invalid_grant", "The code expired: codes are valid for 5 minutes");
  if (request.param("redirect_uri") != code.redirect_uri)
    return oauth_error(ctx, 400, "unauthorized_client",
                       "redirect_uri must be exactly the one the authorize request sent (" + code.redirect_uri + ")", "invalid_redirect");
  if (!code.code_challenge.empty()) {
    const std::string verifier = request.param("code_verifier");
    // UNVERIFIED: invalid_grant for a missing or wrong verifier (RFC 7636's choice).
    if (verifier.empty()) return oauth_error(ctx, 400, "invalid_grant", "PKCE: the code was issued for a code_challenge, so the code_verifier is required");
    if (pkce_challenge(verifier) != code.code_challenge)
      return oauth_error(ctx, 400, "invalid_grant", "PKCE: BASE64URL(SHA256(code_verifier)) is not the code_challenge the authorize request sent");
    ctx.rule("PKCE: SHA-256 of the code_verifier matches the code_challenge, so this is the app that started the sign-in");
  }
  code.used = true;
  User* user = pool.users.by_username(code.username);
  if (user == nullptr || !user->enabled) return oauth_error(ctx, 400, "invalid_grant", "The user is gone or disabled");
  ctx.event.username = user->username;
  ctx.rule("The code is exchanged once for tokens");
  const Json result = ops::issue_oauth_tokens(ctx, pool, client, *user, code.auth_time, {code.scopes, code.nonce, true});
  return json_reply(200, oauth_tokens(result));
}

Reply refresh_token_grant(OpContext& ctx, const Site& site, const HostedRequest& request, AppClient& client) {
  const std::string token = request.param("refresh_token");
  if (token.empty()) return oauth_error(ctx, 400, "invalid_request", "The refresh_token grant needs the refresh_token");
  try {
    ops::RefreshGrant grant = ops::check_refresh_token(ctx, site.pool, client, token);
    if (!grant.user.enabled) return oauth_error(ctx, 400, "invalid_grant", "The user is disabled");
    return json_reply(200, oauth_tokens(ops::issue_refreshed_tokens(ctx, site.pool, client, grant.user, grant.lineage)));
  } catch (const ApiException& e) {
    return oauth_error(ctx, 400, "invalid_grant", e.error().rule.empty() ? e.error().message : e.error().rule);
  }
}

// client_credentials (machine to machine): the app client itself, with its
// secret, for custom scopes only; an access token and nothing else.
Reply client_credentials_grant(OpContext& ctx, const Site& site, const HostedRequest& request, AppClient& client) {
  if (!client.has_secret()) return oauth_error(ctx, 400, "invalid_client", "client_credentials needs an app client with a secret");
  if (!client.allows_oauth_flow("client_credentials"))
    return oauth_error(ctx, 400, "unauthorized_client", "The app client does not allow the client_credentials grant");
  const std::vector<std::string> allowed = client.allowed_oauth_scopes.value_or(std::vector<std::string>{});
  std::vector<std::string> scopes;
  const std::vector<std::string> asked = request.has("scope") ? split_scopes(request.param("scope")) : allowed;
  for (const std::string& scope : asked) {
    if (std::find(allowed.begin(), allowed.end(), scope) == allowed.end())
      return oauth_error(ctx, 400, "invalid_scope", "The scope " + scope + " is not one the app client allows");
    // Only custom scopes, and only those still defined (a removed one is left out).
    if (site.pool.defines_scope(scope)) scopes.push_back(scope);
  }
  if (scopes.empty()) return oauth_error(ctx, 400, "invalid_scope", "No custom scope to grant (client_credentials gives custom scopes only)");
  MachineGrant grant;
  grant.issuer = issuer_for(site.pool.id, ctx.account.issuer_origin);
  grant.client_id = client.client_id;
  grant.issued_at = ctx.now;
  grant.access_validity = client.access_token_lifetime();
  grant.scope = ops::scope_claim(scopes);
  ctx.rule("client_credentials: an access token for the app itself (no user, no ID or refresh token), scope " + grant.scope);
  const std::string token = sign_token(machine_access_token_claims(grant, generate_uuid_v4(ctx.random())), site.pool.keys.access_token);
  return json_reply(200, Json{{"access_token", token}, {"expires_in", grant.access_validity.count()}, {"token_type", "Bearer"}});
}

Json token(OpContext& ctx, const Request& r) {
  const Site site = read_site(ctx, r);
  const HostedRequest request = read_hosted_request(r);
  if (request.method != "POST") {
    Reply reply = oauth_error(ctx, 405, "invalid_request", "The token endpoint takes POST with a form body");
    reply.headers.emplace_back("Allow", "POST");
    return reply.to_json();
  }
  const std::string grant_type = request.param("grant_type");
  if (grant_type.empty()) return oauth_error(ctx, 400, "invalid_request", "grant_type is required").to_json();
  if (grant_type != "authorization_code" && grant_type != "refresh_token" && grant_type != "client_credentials")
    return oauth_error(ctx, 400, "unsupported_grant_type", "grant_type is authorization_code, refresh_token or client_credentials").to_json();
  const ClientAuthentication auth = authenticate_client(ctx, site, request);
  // UNVERIFIED: HTTP 400 for invalid_client here (the revoke endpoint uses 401).
  if (auth.client == nullptr) return oauth_error(ctx, 400, "invalid_client", auth.problem).to_json();
  Reply reply;
  if (grant_type == "authorization_code") reply = authorization_code_grant(ctx, site, request, *auth.client);
  else if (grant_type == "refresh_token") reply = refresh_token_grant(ctx, site, request, *auth.client);
  else reply = client_credentials_grant(ctx, site, request, *auth.client);
  return reply.to_json();
}

// The user's attributes by the token's scopes (Developer Guide: "UserInfo endpoint").
bool shown_for_scopes(std::string_view attribute, const std::string& scope) {
  const auto has = [&](std::string_view s) { return (" " + scope + " ").find(" " + std::string(s) + " ") != std::string::npos; };
  const bool profile_scoped = attribute != "email" && attribute != "email_verified" && attribute != "phone_number" && attribute != "phone_number_verified";
  const bool narrowed = has("profile") || has("email") || has("phone");
  if (!narrowed) return true;  // openid alone: every attribute the client reads
  if (attribute == "email" || attribute == "email_verified") return has("email");
  if (attribute == "phone_number" || attribute == "phone_number_verified") return has("phone");
  return profile_scoped && has("profile");
}

Json get_user_info(OpContext& ctx, const Request& r) {
  const Site site = read_site(ctx, r);
  const HostedRequest request = read_hosted_request(r);
  const auto challenge = [&](int status, const char* error, const char* description, const std::string& why) {
    Reply reply = oauth_error(ctx, status, error, why);
    reply.headers.emplace_back("WWW-Authenticate", std::string("error=\"") + error + "\", error_description=\"" + description + "\"");
    return reply.to_json();
  };
  if (!request.authorization.starts_with("Bearer "))
    return challenge(400, "invalid_request", "Bad OAuth2 request at UserInfo Endpoint", "userInfo needs Authorization: Bearer <access token>");
  try {
    const ops::Caller caller = ops::authorize_access_token(ctx, request.authorization.substr(7), "openid");
    const AppClient* client = caller.pool.find_client(caller.client_id);
    const std::string scope = caller.claims.value("scope", "");
    Json out = {{"sub", caller.user.sub}};
    for (const auto& [name, value] : caller.user.attributes)
      if (name != "sub" && client != nullptr && client->can_read(caller.pool.config, name) && shown_for_scopes(name, scope))
        out[name] = value;  // strings, email_verified included, as userInfo answers
    out["username"] = caller.user.username;
    ctx.rule("userInfo: the attributes the app client may read, narrowed by the token's scopes (" + scope + ")");
    return json_reply(200, out).to_json();
  } catch (const ApiException& e) {
    return challenge(401, "invalid_token", "Access token is expired, disabled, or deleted, or the user has globally signed out.",
                     e.error().rule.empty() ? e.error().message : e.error().rule);
  }
}

Json revoke(OpContext& ctx, const Request& r) {
  const Site site = read_site(ctx, r);
  const HostedRequest request = read_hosted_request(r);
  if (request.method != "POST") return oauth_error(ctx, 405, "invalid_request", "The revoke endpoint takes POST").to_json();
  const std::string token = request.param("token");
  if (token.empty()) return oauth_error(ctx, 400, "invalid_request", "revoke needs the token").to_json();
  const ClientAuthentication auth = authenticate_client(ctx, site, request);
  if (auth.client == nullptr) return oauth_error(ctx, 401, "invalid_client", auth.problem).to_json();
  Json body = {{"Token", token}, {"ClientId", auth.client->client_id}};
  if (auth.client->has_secret()) body["ClientSecret"] = auth.client->client_secret;
  try {
    call_operation(ctx, "RevokeToken", body);
    return Reply{}.to_json();  // 200 with an empty body
  } catch (const ApiException& e) {
    const std::string& type = e.error().type;
    const std::string why = e.error().rule.empty() ? e.error().message : e.error().rule;
    if (type == "UnsupportedTokenTypeException") return oauth_error(ctx, 400, "unsupported_token_type", why).to_json();
    if (type == "UnauthorizedException") return oauth_error(ctx, 401, "invalid_client", why).to_json();
    return oauth_error(ctx, 400, "invalid_request", why).to_json();
  }
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& token_endpoint_operations() {
  static const OperationTable table = {
      {"Token", token, OperationKind::kChange},
      {"GetUserInfo", get_user_info, OperationKind::kRead},
      {"Revoke", revoke, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::hosted
