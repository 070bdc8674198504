#include "core/services/api_gateway/invoke.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/services/api_gateway/api_gateway.h"
#include "core/tokens/jwt_verify.h"
#include "core/tokens/well_known.h"

namespace userpool::apigateway {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// HTTP header names are case-insensitive.
std::optional<std::string> find_header(const InvokeRequest& r, std::string_view name) {
  for (const auto& [key, value] : r.headers)
    if (iequals(key, name)) return value;
  return std::nullopt;
}

std::string string_claim(const Json& claims, const char* name) {
  const auto it = claims.find(name);
  return it != claims.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string joined(const std::vector<std::string>& list, const char* separator = ", ") {
  std::string out;
  for (const auto& s : list) out += (out.empty() ? "" : separator) + s;
  return out;
}

void check(InvokeResult& out, std::string_view name, const char* status, std::string detail) {
  out.checks.push_back(Json{{"check", name}, {"status", status}, {"detail", std::move(detail)}});
}

void answer(InvokeResult& out, int status, std::string error_type, const Json& message, std::string rule, std::string reason) {
  out.status_code = status;
  out.error_type = std::move(error_type);
  out.body = Json{{"message", message}};
  out.rule = std::move(rule);
  out.reason = std::move(reason);
}

void forbidden(InvokeResult& out, std::string rule, std::string reason) {
  answer(out, 403, "ForbiddenException", "Forbidden", std::move(rule), std::move(reason));
}

// The mock backend every method has: it echoes the route and the claims the
// authorizer passed on.
void backend(InvokeResult& out, const InvokeRequest& r, const std::string& path, Json claims, std::string rule, std::string reason) {
  out.status_code = 200;
  out.body = Json{{"message", "Hello from " + r.http_method + " " + path}, {"claims", std::move(claims)}};
  out.rule = std::move(rule);
  out.reason = std::move(reason);
}

// --- AWS_IAM ---------------------------------------------------------------

void aws_iam(InvokeResult& out, const InvokeRequest& r) {
  const auto auth = find_header(r, "Authorization");
  if (!auth || auth->empty()) {
    answer(out, 403, "MissingAuthenticationTokenException", "Missing Authentication Token",
           "AWS_IAM: the request has no Authorization header",
           "The method's authorizationType is AWS_IAM: API Gateway expects a request signed with IAM credentials "
           "(Signature Version 4), and this one carries no signature at all.");
    return;
  }
  // A SigV4 Authorization header names its Credential, SignedHeaders and
  // Signature, and the request carries X-Amz-Date or Date; API Gateway lists
  // every part that is missing, then echoes the header.
  std::string problems;
  for (const char* part : {"Credential", "Signature", "SignedHeaders"})
    if (auth->find(std::string(part) + "=") == std::string::npos)
      problems += std::string("Authorization header requires '") + part + "' parameter. ";
  if (!find_header(r, "X-Amz-Date") && !find_header(r, "Date"))
    problems += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
  if (!problems.empty()) {
    answer(out, 403, "IncompleteSignatureException", problems + "Authorization=" + *auth,
           "AWS_IAM: the Authorization header is not a Signature Version 4 signature",
           "The method's authorizationType is AWS_IAM: API Gateway expects a request signed with IAM credentials "
           "(Signature Version 4, for example temporary credentials from an identity pool), not a user pool token. "
           "To accept user pool tokens, give the method an authorizer of type COGNITO_USER_POOLS and "
           "authorizationType COGNITO_USER_POOLS.");
    return;
  }
  // UNVERIFIED: the answer to a well-formed signature the gateway cannot
  // check; the sandbox has no IAM, so no signature can be valid.
  answer(out, 403, "UnrecognizedClientException", "The security token included in the request is invalid.",
         "AWS_IAM: the sandbox does not simulate IAM credentials",
         "The request is signed with Signature Version 4, but the sandbox has no IAM users, roles or identity pools, "
         "so no signature can be checked. Use a COGNITO_USER_POOLS authorizer to try user pool tokens.");
}

// --- Lambda authorizers (CUSTOM) -------------------------------------------

void lambda_authorizer(InvokeResult& out, const InvokeRequest& r, const Authorizer& a) {
  // Before calling the function, API Gateway refuses a request that lacks
  // the identity sources' headers.
  std::string sources = a.identity_source;
  for (std::size_t start = 0; start <= sources.size();) {
    const std::size_t end = std::min(sources.find(',', start), sources.size());
    std::string_view source = std::string_view(sources).substr(start, end - start);
    while (!source.empty() && source.front() == ' ') source.remove_prefix(1);
    while (!source.empty() && source.back() == ' ') source.remove_suffix(1);
    constexpr std::string_view kHeader = "method.request.header.";
    if (source.substr(0, kHeader.size()) == kHeader) {
      const std::string name(source.substr(kHeader.size()));
      const auto value = find_header(r, name);
      if (!value || value->empty()) {
        check(out, "identity source", "failed", "No " + name + " header.");
        answer(out, 401, "UnauthorizedException", "Unauthorized", "Lambda authorizer: the identity source is missing",
               "The method uses the " + a.type + " authorizer " + a.name + ", whose identity source is the " + name +
                   " header; without it API Gateway refuses the request before calling the Lambda function.");
        return;
      }
    }
    start = end + 1;
  }
  // Chosen: 500 {"message": null} (AuthorizerConfigurationException), what
  // API Gateway answers when it gets no policy from a Lambda authorizer,
  // since the sandbox runs no Lambda functions.
  answer(out, 500, "AuthorizerConfigurationException", nullptr, "Lambda authorizer: Lambda is not simulated",
         "The method uses the " + a.type + " (Lambda) authorizer " + a.name +
             ". The sandbox does not run Lambda functions, so the authorizer never returns a policy and API Gateway "
             "answers 500, as it does when a Lambda authorizer fails. Use a COGNITO_USER_POOLS authorizer to check "
             "user pool tokens without code.");
}

// --- COGNITO_USER_POOLS ----------------------------------------------------

UserPool* pool_for_arn(Account& account, const std::string& arn) {
  const auto slash = arn.rfind('/');
  if (slash == std::string::npos) return nullptr;
  UserPool* pool = account.find_pool(arn.substr(slash + 1));
  return pool != nullptr && pool->arn == arn ? pool : nullptr;
}

// Why Cognito itself would no longer honour the token (its sign-in signed
// out or revoked, its user disabled or deleted), or empty.
std::string revoked_because(UserPool& pool, const Json& claims, bool id_token) {
  const User* user = pool.users.by_username(string_claim(claims, id_token ? "cognito:username" : "username"));
  if (user == nullptr || user->sub != string_claim(claims, "sub")) return "its user no longer exists";
  if (!user->enabled) return "its user is disabled";
  const std::string event_id = string_claim(claims, "event_id");
  const auto lineage = std::find_if(user->lineages.begin(), user->lineages.end(), [&](const TokenLineage& l) {
    return std::find(l.event_ids.begin(), l.event_ids.end(), event_id) != l.event_ids.end();
  });
  if (lineage == user->lineages.end() || lineage->revoked)
    return "its sign-in was signed out or revoked (GlobalSignOut, AdminUserGlobalSignOut or RevokeToken)";
  return {};
}

void cognito_user_pools(Account& account, Timestamp now, InvokeResult& out, const InvokeRequest& r, const std::string& path,
                        const Method& m, const Authorizer& a) {
  const auto refuse = [&](std::string rule, std::string reason, const char* message = "Unauthorized") {
    answer(out, 401, "UnauthorizedException", message, std::move(rule), std::move(reason));
  };
  const std::string header = a.identity_header();
  const auto value = header.empty() ? std::nullopt : find_header(r, header);
  if (!value || value->empty()) {
    check(out, "identity source", "failed", "No " + (header.empty() ? a.identity_source : header) + " header.");
    refuse("COGNITO_USER_POOLS: no token in the " + header + " header",
           "The method is protected by the COGNITO_USER_POOLS authorizer " + a.name + ", which reads the token from the " +
               header + " header; the request has none, so API Gateway answers 401 without calling the backend.");
    return;
  }
  std::string token = *value;
  // UNVERIFIED: whether the authorizer accepts "Bearer <token>" as well as
  // the bare token. The sandbox accepts both, as clients commonly send the
  // prefix and reports of it working are common.
  if (token.size() > 7 && iequals(std::string_view(token).substr(0, 7), "Bearer ")) token.erase(0, 7);
  check(out, "identity source", "passed", "The token was read from the " + header + " header" +
                                              (token.size() < value->size() ? " (after its \"Bearer \" prefix)." : "."));

  const auto decoded = decode_jwt(token);
  if (!decoded) {
    check(out, "format", "failed", decoded.error().message);
    refuse("COGNITO_USER_POOLS: the token is not a JWT",
           "The " + header + " header does not hold a JWT (" + decoded.error().message +
               "). The authorizer expects a user pool's ID or access token, as it came from the pool.");
    return;
  }
  check(out, "format", "passed", "A JWT: three base64url parts.");

  // The issuer picks the user pool, which must be one the authorizer names.
  const std::string iss = string_claim(decoded->payload, "iss");
  UserPool* pool = nullptr;
  std::vector<std::string> accepted;
  for (const auto& arn : a.provider_arns) {
    UserPool* p = pool_for_arn(account, arn);
    if (p == nullptr) continue;
    accepted.push_back(p->id);
    if (issuer_for(p->id, account.issuer_origin) == iss) pool = p;
  }
  if (pool == nullptr) {
    const std::string pools = accepted.empty() ? std::string("no user pool that still exists") : joined(accepted);
    check(out, "issuer", "failed", "The issuer is \"" + iss + "\"; the authorizer accepts tokens of " + pools + ".");
    refuse("COGNITO_USER_POOLS: the token's issuer is not one of the authorizer's user pools",
           "The token was issued by " + (iss.empty() ? std::string("no one (it has no iss claim)") : iss) +
               ", but the authorizer " + a.name + " accepts only tokens of " + pools +
               " (its providerARNs). A token from another user pool is refused even if it is valid there.");
    return;
  }
  out.user_pool_id = pool->id;
  check(out, "issuer", "passed", "Issued by user pool " + pool->id + ", one of the authorizer's providerARNs.");

  const JwtVerification v = verify_jwt(token, pool->keys.jwks(), JwtExpectations{issuer_for(pool->id, account.issuer_origin), {}, {}, {}}, now);
  for (const auto& c : v.checks) {
    if (c.check == JwtCheck::kFormat || c.check == JwtCheck::kIssuer || c.check == JwtCheck::kTokenUse ||
        c.check == JwtCheck::kClientId)
      continue;  // made above, or below in the authorizer's own terms
    const char* status = c.status == CheckStatus::kPassed ? "passed" : c.status == CheckStatus::kFailed ? "failed" : "skipped";
    check(out, jwt_check_name(c.check), status, c.detail);
    if (c.status == CheckStatus::kPassed) continue;
    if (c.check == JwtCheck::kExpiry) {
      refuse("COGNITO_USER_POOLS: the token has expired",
             c.detail + " The authorizer judges expiry by the exp claim; get new tokens (sign in again, or "
                        "REFRESH_TOKEN_AUTH with the refresh token).",
             "The incoming token has expired");
    } else {
      refuse("COGNITO_USER_POOLS: the token's " + std::string(jwt_check_name(c.check)) + " check failed",
             c.detail + " The authorizer checks every token against its user pool's published keys (JWKS), so a "
                        "changed or foreign token is refused.");
    }
    return;
  }

  const Json& claims = decoded->payload;
  const std::string use = string_claim(claims, "token_use");
  const bool id_token = use == "id";
  out.username = string_claim(claims, id_token ? "cognito:username" : "username");
  out.client_id = string_claim(claims, id_token ? "aud" : "client_id");
  // UNVERIFIED: refusals for the wrong kind of token or a missing scope are
  // 401 Unauthorized (not 403), as the authorizer's other refusals.
  if (m.authorization_scopes.empty()) {
    if (!id_token) {
      check(out, "token use", "failed", "token_use is \"" + use + "\"; without authorizationScopes an ID token is required.");
      refuse("COGNITO_USER_POOLS without authorizationScopes takes an ID token; this is not one",
             "The method has no authorizationScopes, so its COGNITO_USER_POOLS authorizer takes an ID token, and this "
             "is " + (use == "access" ? std::string("an access token") : "not an ID token") +
                 ". Send the ID token, or give the method authorizationScopes (such as aws.cognito.signin.user.admin, "
                 "or a resource server's scope) so that it takes access tokens instead.");
      return;
    }
    check(out, "token use", "passed", "An ID token, as a method without authorizationScopes requires.");
  } else {
    const std::string scopes = joined(m.authorization_scopes);
    if (use != "access") {
      check(out, "token use", "failed", "token_use is \"" + use + "\"; with authorizationScopes an access token is required.");
      refuse("COGNITO_USER_POOLS with authorizationScopes takes an access token; this is not one",
             "The method has authorizationScopes (" + scopes + "), so it takes an access token whose scope claim "
             "has one of them. An ID token has no scope claim, so it is refused: send the access token.");
      return;
    }
    const std::string granted = " " + string_claim(claims, "scope") + " ";
    const bool any = std::any_of(m.authorization_scopes.begin(), m.authorization_scopes.end(),
                                 [&](const std::string& s) { return granted.find(" " + s + " ") != std::string::npos; });
    if (!any) {
      check(out, "scopes", "failed", "The token's scope claim is \"" + string_claim(claims, "scope") + "\".");
      refuse("COGNITO_USER_POOLS: the access token has none of the method's authorizationScopes",
             "The method requires one of these scopes: " + scopes + ". The access token's scope claim (\"" +
                 string_claim(claims, "scope") + "\") has none of them. Tokens carry the scopes the app client was "
                 "allowed and asked for; aws.cognito.signin.user.admin is in every token from the Cognito API.");
      return;
    }
    check(out, "token use", "passed", "An access token, as a method with authorizationScopes requires.");
    check(out, "scopes", "passed", "The token's scope claim has one of: " + scopes + ".");
  }
  check(out, "app client", "not checked",
        "A COGNITO_USER_POOLS authorizer accepts tokens of any app client of its user pools (aud and client_id are not checked).");

  std::string reason = std::string("The ") + (id_token ? "ID" : "access") + " token is signed by user pool " + pool->id +
                       ", one the authorizer " + a.name + " accepts, and has not expired" +
                       (m.authorization_scopes.empty() ? "" : ", and it has a required scope") +
                       ". API Gateway passed the request to the backend with the token's claims in "
                       "requestContext.authorizer.claims, every value as a string.";
  const std::string revoked = revoked_because(*pool, claims, id_token);
  if (revoked.empty()) {
    check(out, "revocation", "not checked", "The authorizer never asks Cognito whether a token was revoked.");
  } else {
    check(out, "revocation", "not checked", "Cognito would refuse this token: " + revoked + ". The authorizer does not ask.");
    reason += " Note: " + revoked + ", so Cognito's own API would refuse this token, yet the authorizer let it through: it "
              "checks the signature, expiry, issuer and scopes only and never asks Cognito about revocation. A revoked "
              "token keeps working at API Gateway until it expires, which is why short token lifetimes matter.";
  }
  backend(out, r, path, claims_as_strings(claims), "COGNITO_USER_POOLS: a valid token of one of the authorizer's user pools",
          std::move(reason));
}

// Whether the method (or its authorizer) as the stage runs it differs from
// the API's configuration now: changes are live only after a deployment.
bool drifted(const Snapshot& live, const Route& live_route, const Snapshot& current, const Route& current_route) {
  if (current_route.method == nullptr || current_route.resource->id != live_route.resource->id ||
      !(*current_route.method == *live_route.method))
    return true;
  const Authorizer* a = live.find_authorizer(live_route.method->authorizer_id);
  const Authorizer* b = current.find_authorizer(current_route.method->authorizer_id);
  return (a == nullptr) != (b == nullptr) || (a != nullptr && a->describe() != b->describe());
}

}  // namespace

InvokeResult invoke(Account& account, Timestamp now, const InvokeRequest& r) {
  InvokeResult out;
  out.url = "https://" + r.rest_api_id + ".execute-api." + account.region + ".amazonaws.com/" + r.stage_name + r.path;
  const std::string path = r.path.substr(0, r.path.find('?'));

  // UNVERIFIED: an unknown API and a stage that was never deployed both
  // answer 403 {"message": "Forbidden"}.
  RestApi* api = account.services.get<ApiGateway>().find(r.rest_api_id);
  if (api == nullptr) {
    forbidden(out, "No REST API " + r.rest_api_id + " exists",
              "There is no REST API with the ID " + r.rest_api_id + " in this sandbox (ApiGateway.GetRestApis lists them).");
    return out;
  }
  const Stage* stage = api->find_stage(r.stage_name);
  const Deployment* deployment = stage != nullptr ? api->find_deployment(stage->deployment_id) : nullptr;
  if (deployment == nullptr) {
    forbidden(out, "The API has no stage " + r.stage_name,
              "The API " + api->name + " has no stage named \"" + r.stage_name +
                  "\". A stage exists only once the API is deployed to it: ApiGateway.CreateDeployment with stageName \"" +
                  r.stage_name + "\".");
    return out;
  }

  const Snapshot current = api->snapshot();
  const Route live = match_route(deployment->snapshot, r.http_method, path);
  const Route now_route = match_route(current, r.http_method, path);
  if (live.method == nullptr) {
    std::string reason = "The stage \"" + stage->name + "\" has no " + r.http_method + " method for " + path +
                         ". REST APIs answer a route they do not have with \"Missing Authentication Token\", although "
                         "it has nothing to do with authentication.";
    if (now_route.method != nullptr)
      reason += " The API has that method now, but the stage runs deployment " + deployment->id +
                ", made before it: changes go live only with a new deployment (ApiGateway.CreateDeployment).";
    answer(out, 403, "MissingAuthenticationTokenException", "Missing Authentication Token",
           "No " + r.http_method + " " + path + " in the deployed stage " + stage->name, std::move(reason));
    return out;
  }

  const Method& m = *live.method;
  const std::string route = m.http_method + " " + live.resource->path;
  if (m.authorization_type == "NONE") {
    backend(out, r, path, Json::object(), "NONE: every request reaches the backend",
            "The method " + route + " has authorizationType NONE: API Gateway lets every request through, token or not.");
  } else if (m.authorization_type == "AWS_IAM") {
    aws_iam(out, r);
  } else if (const Authorizer* a = deployment->snapshot.find_authorizer(m.authorizer_id); a == nullptr) {
    // Saved state is checked on import, so only a damaged sandbox gets here.
    answer(out, 500, "AuthorizerConfigurationException", nullptr, "The method's authorizer is missing",
           "The method " + route + " names authorizer " + m.authorizer_id + ", which the deployment does not have.");
  } else if (m.authorization_type == "CUSTOM") {
    lambda_authorizer(out, r, *a);
  } else {
    cognito_user_pools(account, now, out, r, path, m, *a);
  }
  if (drifted(deployment->snapshot, live, current, now_route))
    out.reason += " Note: the API's configuration of " + r.http_method + " " + path +
                  " has changed since deployment " + deployment->id +
                  ", which the stage still runs; the change goes live with the next deployment.";
  return out;
}

Json InvokeResult::to_json() const {
  Json headers = {{"content-type", "application/json"}};
  if (!error_type.empty()) headers["x-amzn-ErrorType"] = error_type;
  Json j = {{"url", url}, {"statusCode", status_code}, {"headers", headers}, {"body", body}, {"reason", reason}};
  if (!checks.empty()) j["checks"] = checks;
  return j;
}

Json claims_as_strings(const Json& payload) {
  Json out = Json::object();
  for (const auto& [name, value] : payload.items()) {
    if ((name == "exp" || name == "iat") && value.is_number_integer()) {
      out[name] = gateway_date(value.get<std::int64_t>());
    } else if (value.is_string()) {
      out[name] = value;
    } else if (value.is_array()) {
      // UNVERIFIED: a list (cognito:groups) as its items joined by commas.
      std::string list;
      for (const auto& item : value) list += (list.empty() ? "" : ",") + (item.is_string() ? item.get<std::string>() : item.dump());
      out[name] = list;
    } else {
      // Booleans and numbers as their JSON text ("true", "1768471200");
      // UNVERIFIED: an object (address) as compact JSON.
      out[name] = value.dump();
    }
  }
  return out;
}

std::string gateway_date(std::int64_t epoch_seconds) {
  using namespace std::chrono;
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const sys_seconds t{seconds{epoch_seconds}};
  const sys_days day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss<seconds> time{t - day};
  char text[64];
  std::snprintf(text, sizeof text, "%s %s %02u %02d:%02d:%02d UTC %d", kDays[weekday{day}.c_encoding()],
                kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<unsigned>(ymd.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()), static_cast<int>(ymd.year()));
  return text;
}

}  // namespace userpool::apigateway
