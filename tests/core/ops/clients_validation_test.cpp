// CreateUserPoolClient's refusals (UpdateUserPoolClient shares them): model
// validation, token validity ranges and units, attribute permissions, auth
// flows, OAuth rules and identity providers (API Reference: CreateUserPoolClient, each operation's Errors).
#include <ostream>

#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;

namespace {

// CreateUserPoolClient "app" in the pool with the given members added; must fail.
Failure client_create_fails(Sandbox& s, const std::string& pool, Json params) {
  params["UserPoolId"] = pool;
  if (!params.contains("ClientName")) params["ClientName"] = "app";
  return failure(s, "CreateUserPoolClient", params);
}

Json created(Sandbox& s, const std::string& pool, Json params) {
  params["UserPoolId"] = pool;
  if (!params.contains("ClientName")) params["ClientName"] = "app";
  return s.ok("CreateUserPoolClient", params)["UserPoolClient"];
}


}  // namespace

TEST_CASE("CreateUserPoolClient: ClientName is required, 1 to 128 characters of [\\w\\s+=,.@-]") {
  Sandbox s;
  const std::string pool = s.create_pool();
  CHECK(s.error("CreateUserPoolClient", {{"UserPoolId", pool}}).message ==
        "1 validation error detected: Value null at 'clientName' failed to satisfy constraint: Member must not be null");
  CHECK(client_create_fails(s, pool, {{"ClientName", ""}}) ==
        validation("Value '' at 'clientName' failed to satisfy constraint: Member must have length greater than or equal to 1"));
  const std::string long_name(129, 'c');
  CHECK(client_create_fails(s, pool, {{"ClientName", long_name}}) ==
        validation("Value '" + long_name + "' at 'clientName' failed to satisfy constraint: Member must have length less than or equal to 128"));
  CHECK(client_create_fails(s, pool, {{"ClientName", "app/web"}}) ==
        validation("Value 'app/web' at 'clientName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+"));
  CHECK(client_create_fails(s, pool, {{"ClientName", 5}}) == serialization("NUMBER_VALUE can not be converted to String"));
  CHECK(s.error("CreateUserPoolClient", {{"ClientName", "app"}}).message ==
        "1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null");
  CHECK(created(s, pool, {{"ClientName", "My app_1+=,.@-"}})["ClientName"] == "My app_1+=,.@-");
  CHECK(s.ok("ListUserPoolClients", {{"UserPoolId", pool}})["UserPoolClients"].size() == 1);  // refusals created nothing
}

TEST_CASE("CreateUserPoolClient: a ClientSecret is 24 to 64 of [\\w+] and not given with GenerateSecret") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const std::string secret = "abcdefghijklmnopqrstuvwxyz";
  CHECK(client_create_fails(s, pool, {{"GenerateSecret", true}, {"ClientSecret", secret}}) ==
        invalid("ClientSecret cannot be given together with GenerateSecret set to true."));
  // Secrets are sensitive: never echoed in the message.
  CHECK(client_create_fails(s, pool, {{"ClientSecret", std::string(23, 's')}}) ==
        validation("Value at 'clientSecret' failed to satisfy constraint: Member must have length greater than or equal to 24"));
  CHECK(client_create_fails(s, pool, {{"ClientSecret", std::string(65, 's')}}) ==
        validation("Value at 'clientSecret' failed to satisfy constraint: Member must have length less than or equal to 64"));
  CHECK(client_create_fails(s, pool, {{"ClientSecret", "with-dashes-is-not-allowed-here"}}) ==
        validation("Value at 'clientSecret' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+"));
  CHECK(client_create_fails(s, pool, {{"GenerateSecret", "true"}}) == serialization("STRING_VALUE can not be converted to Boolean"));
  CHECK(created(s, pool, {{"ClientSecret", std::string(24, 's')}})["ClientSecret"] == std::string(24, 's'));
  CHECK(created(s, pool, {{"ClientSecret", std::string(64, 's')}})["ClientSecret"] == std::string(64, 's'));
}

TEST_CASE("CreateUserPoolClient: token validity numbers are range-checked by the model") {
  Sandbox s;
  const std::string pool = s.create_pool();
  CHECK(client_create_fails(s, pool, {{"AccessTokenValidity", 0}}) ==
        validation("Value '0' at 'accessTokenValidity' failed to satisfy constraint: Member must have value greater than or equal to 1"));
  CHECK(client_create_fails(s, pool, {{"IdTokenValidity", 86401}}) ==
        validation("Value '86401' at 'idTokenValidity' failed to satisfy constraint: Member must have value less than or equal to 86400"));
  CHECK(client_create_fails(s, pool, {{"RefreshTokenValidity", -1}}) ==
        validation("Value '-1' at 'refreshTokenValidity' failed to satisfy constraint: Member must have value greater than or equal to 0"));
  CHECK(client_create_fails(s, pool, {{"RefreshTokenValidity", 315360001}}) ==
        validation("Value '315360001' at 'refreshTokenValidity' failed to satisfy constraint: "
                   "Member must have value less than or equal to 315360000"));
  CHECK(client_create_fails(s, pool, {{"AuthSessionValidity", 2}}) ==
        validation("Value '2' at 'authSessionValidity' failed to satisfy constraint: Member must have value greater than or equal to 3"));
  CHECK(client_create_fails(s, pool, {{"AuthSessionValidity", 16}}) ==
        validation("Value '16' at 'authSessionValidity' failed to satisfy constraint: Member must have value less than or equal to 15"));
  CHECK(client_create_fails(s, pool, {{"AccessTokenValidity", "60"}}) == serialization("STRING_VALUE can not be converted to Integer"));
  CHECK(client_create_fails(s, pool, {{"TokenValidityUnits", {{"AccessToken", "weeks"}}}}) ==
        validation("Value 'weeks' at 'tokenValidityUnits.accessToken' failed to satisfy constraint: "
                   "Member must satisfy enum value set: [seconds, minutes, hours, days]"));
  CHECK(client_create_fails(s, pool, {{"TokenValidityUnits", {{"RefreshToken", "years"}}}}) ==
        validation("Value 'years' at 'tokenValidityUnits.refreshToken' failed to satisfy constraint: "
                   "Member must satisfy enum value set: [seconds, minutes, hours, days]"));
  CHECK(client_create_fails(s, pool, {{"TokenValidityUnits", "hours"}}) == serialization("STRING_VALUE can not be converted to a structure"));
}

TEST_CASE("CreateUserPoolClient: access and ID tokens last 5 minutes to 1 day, refresh tokens 60 minutes to 10 years") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const Failure access = invalid("Access token validity must be between 5 minutes and 1 day.");
  const Failure id = invalid("ID token validity must be between 5 minutes and 1 day.");
  const Failure refresh = invalid("Refresh token validity must be between 60 minutes and 10 years.");
  CHECK(client_create_fails(s, pool, {{"AccessTokenValidity", 4}, {"TokenValidityUnits", {{"AccessToken", "minutes"}}}}) == access);
  CHECK(last_rules(s) == Json::array({"Token lifetimes: access and ID 5 minutes to 1 day, refresh 60 minutes to 10 years"}));
  CHECK(client_create_fails(s, pool, {{"AccessTokenValidity", 25}}) == access);  // hours by default
  CHECK(client_create_fails(s, pool, {{"IdTokenValidity", 299}, {"TokenValidityUnits", {{"IdToken", "seconds"}}}}) == id);
  CHECK(client_create_fails(s, pool, {{"IdTokenValidity", 2}, {"TokenValidityUnits", {{"IdToken", "days"}}}}) == id);
  CHECK(client_create_fails(s, pool, {{"RefreshTokenValidity", 59}, {"TokenValidityUnits", {{"RefreshToken", "minutes"}}}}) == refresh);
  CHECK(client_create_fails(s, pool, {{"RefreshTokenValidity", 3651}}) == refresh);  // days by default
  CHECK(client_create_fails(s, pool, {{"RefreshTokenValidity", 60}, {"TokenValidityUnits", {{"RefreshToken", "minutes"}}}}) ==
        invalid("Refresh token validity must be longer than the access and ID token validity."));

  // The edges are accepted.
  const Json edges = created(s, pool, {{"AccessTokenValidity", 5}, {"IdTokenValidity", 86400}, {"RefreshTokenValidity", 3650},
                                       {"TokenValidityUnits", {{"AccessToken", "minutes"}, {"IdToken", "seconds"}}}});
  CHECK(edges["AccessTokenValidity"] == 5);
  CHECK(edges["IdTokenValidity"] == 86400);
  CHECK(edges["RefreshTokenValidity"] == 3650);
  CHECK(created(s, pool, {{"AccessTokenValidity", 5}, {"IdTokenValidity", 5}, {"RefreshTokenValidity", 60},
                          {"TokenValidityUnits", {{"AccessToken", "minutes"}, {"IdToken", "minutes"}, {"RefreshToken", "minutes"}}}})
            ["RefreshTokenValidity"] == 60);
}

TEST_CASE("CreateUserPoolClient: read and write attributes must exist and be readable or writable") {
  Sandbox s;
  const std::string pool = s.create_pool({{"Schema", {{{"Name", "email"}, {"Required", true}}, {{"Name", "team"}}}}});
  const Failure read = invalid("Invalid read attributes specified while creating a client");
  const Failure write = invalid("Invalid write attributes specified while creating a client");
  CHECK(client_create_fails(s, pool, {{"ReadAttributes", {"email", "custom:nope"}}}) == read);
  CHECK(last_rules(s) == Json::array({"custom:nope is not an attribute this client can read"}));
  CHECK(client_create_fails(s, pool, {{"ReadAttributes", {"sub"}}}) == read);
  CHECK(client_create_fails(s, pool, {{"WriteAttributes", {"email", "email_verified"}}}) == write);
  CHECK(client_create_fails(s, pool, {{"WriteAttributes", {"email", "phone_number_verified"}}}) == write);
  CHECK(client_create_fails(s, pool, {{"WriteAttributes", {"email", "identities"}}}) == write);
  CHECK(client_create_fails(s, pool, {{"WriteAttributes", {"name", "custom:team"}}}) == write);  // the required email is missing
  CHECK(last_rules(s) == Json::array({"required attribute email must be writable"}));
  const std::string long_name(33, 'a');
  CHECK(client_create_fails(s, pool, {{"ReadAttributes", {long_name}}}) ==
        validation("Value '" + long_name + "' at 'readAttributes.1.member' failed to satisfy constraint: "
                   "Member must have length less than or equal to 32"));
  CHECK(client_create_fails(s, pool, {{"ReadAttributes", "email"}}) == serialization("STRING_VALUE can not be converted to a list"));

  const Json ok = created(s, pool, {{"ReadAttributes", {"email", "email_verified", "custom:team"}},
                                    {"WriteAttributes", {"email", "custom:team"}}});
  CHECK(ok["ReadAttributes"] == Json::array({"email", "email_verified", "custom:team"}));
  CHECK(ok["WriteAttributes"] == Json::array({"email", "custom:team"}));
}

TEST_CASE("CreateUserPoolClient: ExplicitAuthFlows are known values, not legacy and ALLOW_ mixed") {
  Sandbox s;
  const std::string pool = s.create_pool();
  CHECK(client_create_fails(s, pool, {{"ExplicitAuthFlows", {"ALLOW_USER_SRP_AUTH", "USER_SRP_AUTH"}}}) ==
        validation("Value '[USER_SRP_AUTH]' at 'explicitAuthFlows' failed to satisfy constraint: Member must satisfy constraint: "
                   "[Member must satisfy enum value set: [ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH, "
                   "ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_CUSTOM_AUTH, ALLOW_USER_PASSWORD_AUTH, ALLOW_USER_SRP_AUTH, "
                   "ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_AUTH]]"));
  CHECK(client_create_fails(s, pool, {{"ExplicitAuthFlows", {"ALLOW_USER_SRP_AUTH", "USER_PASSWORD_AUTH"}}}) ==
        invalid("The ExplicitAuthFlows values ALLOW_* and the legacy values cannot be combined."));
  CHECK(client_create_fails(s, pool, {{"ExplicitAuthFlows", {"CUSTOM_AUTH_FLOW_ONLY", "ALLOW_REFRESH_TOKEN_AUTH"}}}) ==
        invalid("The ExplicitAuthFlows values ALLOW_* and the legacy values cannot be combined."));
  CHECK(client_create_fails(s, pool, {{"ExplicitAuthFlows", "ALLOW_USER_SRP_AUTH"}}) == serialization("STRING_VALUE can not be converted to a list"));
  CHECK(created(s, pool, {{"ExplicitAuthFlows", {"ALLOW_USER_AUTH"}}})["ExplicitAuthFlows"] == Json::array({"ALLOW_USER_AUTH"}));
}

TEST_CASE("CreateUserPoolClient: only the COGNITO identity provider exists in the sandbox") {
  Sandbox s;
  const std::string pool = s.create_pool();
  CHECK(client_create_fails(s, pool, {{"SupportedIdentityProviders", {"COGNITO", "Google"}}}) ==
        invalid("The provider Google does not exist for User Pool " + pool));
  CHECK(last_rules(s) == Json::array({"A client may name COGNITO and the pool's identity providers (CreateIdentityProvider)"}));
  CHECK(client_create_fails(s, pool, {{"SupportedIdentityProviders", {"SignInWithApple"}}}) ==
        invalid("The provider SignInWithApple does not exist for User Pool " + pool));
}

TEST_CASE("CreateUserPoolClient: callback and sign-out URLs are absolute, without fragments, HTTPS but for localhost") {
  Sandbox s;
  const std::string pool = s.create_pool();
  CHECK(client_create_fails(s, pool, {{"CallbackURLs", {"callback"}}}) == invalid("Callback URL callback is not an absolute URL."));
  CHECK(client_create_fails(s, pool, {{"CallbackURLs", {"://example.com"}}}) == invalid("Callback URL ://example.com is not an absolute URL."));
  CHECK(client_create_fails(s, pool, {{"CallbackURLs", {"https://app.example.com/#done"}}}) ==
        invalid("Callback URL https://app.example.com/#done must not contain a fragment (#)."));
  CHECK(client_create_fails(s, pool, {{"CallbackURLs", {"http://app.example.com/cb"}}}) ==
        invalid("Callback URL http://app.example.com/cb must use HTTPS; plain HTTP is allowed only for http://localhost."));
  CHECK(client_create_fails(s, pool, {{"LogoutURLs", {"http://app.example.com/"}}}) ==
        invalid("Sign-out URL http://app.example.com/ must use HTTPS; plain HTTP is allowed only for http://localhost."));
  Json many = Json::array();
  for (int i = 0; i <= 100; ++i) many.push_back("https://example.com/" + std::to_string(i));
  CHECK(client_create_fails(s, pool, {{"CallbackURLs", many}}) ==
        validation("Value at 'callbackURLs' failed to satisfy constraint: Member must have length less than or equal to 100"));
  CHECK(client_create_fails(s, pool, {{"LogoutURLs", many}}) ==
        validation("Value at 'logoutURLs' failed to satisfy constraint: Member must have length less than or equal to 100"));
  CHECK(client_create_fails(s, pool, {{"CallbackURLs", {"https://example.com/a"}}, {"DefaultRedirectURI", "https://example.com/b"}}) ==
        invalid("DefaultRedirectURI must be one of the CallbackURLs."));
  CHECK(client_create_fails(s, pool, {{"DefaultRedirectURI", "https://example.com/b"}}) == invalid("DefaultRedirectURI must be one of the CallbackURLs."));
  many.erase(many.size() - 1);
  CHECK(created(s, pool, {{"CallbackURLs", many}})["CallbackURLs"].size() == 100);
}

TEST_CASE("CreateUserPoolClient: plain HTTP only for a host that is exactly localhost, 127.0.0.1 or [::1]") {
  Sandbox s;
  const std::string pool = s.create_pool();
  for (const char* local : {"http://localhost", "http://localhost:3000/cb", "http://127.0.0.1:8080/?a=b", "http://[::1]:5173/"}) {
    INFO(local);
    CHECK(created(s, pool, {{"CallbackURLs", {local}}})["CallbackURLs"] == Json{local});
  }
  for (const char* remote : {"http://localhost.example.com/cb", "http://localhost@evil.example/", "http://127.0.0.1.nip.io/",
                             "http://[::1]evil/", "http://localhostx:80/"}) {
    INFO(remote);
    CHECK(client_create_fails(s, pool, {{"CallbackURLs", {remote}}}) ==
          invalid(std::string("Callback URL ") + remote + " must use HTTPS; plain HTTP is allowed only for http://localhost."));
  }
}

TEST_CASE("CreateUserPoolClient: OAuth flows need the OAuth switch, scopes, and callbacks for code and implicit") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const Json https = Json::array({"https://example.com/cb"});
  CHECK(client_create_fails(s, pool, {{"AllowedOAuthFlows", {"code"}}, {"AllowedOAuthScopes", {"openid"}}, {"CallbackURLs", https}}) ==
        invalid("AllowedOAuthFlows can be set only when AllowedOAuthFlowsUserPoolClient is true."));
  const Failure required = invalid("AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.");
  CHECK(client_create_fails(s, pool, {{"AllowedOAuthFlowsUserPoolClient", true}}) == required);
  CHECK(client_create_fails(s, pool, {{"AllowedOAuthFlowsUserPoolClient", true}, {"AllowedOAuthFlows", {"code"}}, {"CallbackURLs", https}}) == required);
  CHECK(client_create_fails(s, pool, {{"AllowedOAuthFlowsUserPoolClient", true}, {"AllowedOAuthScopes", {"openid"}}}) == required);
  CHECK(client_create_fails(s, pool, {{"AllowedOAuthFlowsUserPoolClient", true}, {"AllowedOAuthFlows", {"code"}}, {"AllowedOAuthScopes", {"openid"}}}) ==
        Failure{"InvalidOAuthFlowException", "CallbackUrls can not be empty when code flow or implicit flow is selected"});
  CHECK(client_create_fails(s, pool, {{"AllowedOAuthFlowsUserPoolClient", true}, {"AllowedOAuthFlows", {"implicit"}}, {"AllowedOAuthScopes", {"openid"}}}) ==
        Failure{"InvalidOAuthFlowException", "CallbackUrls can not be empty when code flow or implicit flow is selected"});
  CHECK(client_create_fails(s, pool, {{"AllowedOAuthFlows", {"password"}}}) ==
        validation("Value '[password]' at 'allowedOAuthFlows' failed to satisfy constraint: Member must satisfy constraint: "
                   "[Member must satisfy enum value set: [implicit, client_credentials, code]]"));
  CHECK(client_create_fails(s, pool, {{"AllowedOAuthFlowsUserPoolClient", "true"}}) == serialization("STRING_VALUE can not be converted to Boolean"));
}

TEST_CASE("CreateUserPoolClient: AllowedOAuthFlows has at most 3 flows, each once") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const Json https = {"https://example.com/cb"};
  CHECK(client_create_fails(s, pool, {{"AllowedOAuthFlowsUserPoolClient", true}, {"AllowedOAuthFlows", {"code", "code"}},
                               {"AllowedOAuthScopes", {"openid"}}, {"CallbackURLs", https}}) ==
        invalid("Duplicate OAuth flow code in AllowedOAuthFlows."));
  CHECK(client_create_fails(s, pool, {{"AllowedOAuthFlowsUserPoolClient", true}, {"AllowedOAuthFlows", {"code", "implicit", "code", "implicit"}},
                               {"AllowedOAuthScopes", {"openid"}}, {"CallbackURLs", https}}) ==
        validation("Value at 'allowedOAuthFlows' failed to satisfy constraint: Member must have length less than or equal to 3"));
  CHECK(created(s, pool, {{"AllowedOAuthFlowsUserPoolClient", true}, {"AllowedOAuthFlows", {"code", "implicit"}},
                          {"AllowedOAuthScopes", {"openid"}}, {"CallbackURLs", https}})["AllowedOAuthFlows"] == Json{"code", "implicit"});
}

TEST_CASE("CreateUserPoolClient: scopes must exist, at most 50") {
  Sandbox s;
  const std::string pool = s.create_pool();
  CHECK(client_create_fails(s, pool, {{"AllowedOAuthScopes", {"openid", "admin"}}}) ==
        Failure{"ScopeDoesNotExistException", "Invalid scope requested: admin"});
  CHECK(client_create_fails(s, pool, {{"AllowedOAuthScopes", {"orders/read"}}}) ==
        Failure{"ScopeDoesNotExistException", "Invalid scope requested: orders/read"});
  Json many = Json::array();
  for (int i = 0; i <= 50; ++i) many.push_back("openid");
  CHECK(client_create_fails(s, pool, {{"AllowedOAuthScopes", many}}) ==
        validation("Value at 'allowedOAuthScopes' failed to satisfy constraint: Member must have length less than or equal to 50"));
}

TEST_CASE("CreateUserPoolClient: client_credentials stands alone and needs a client secret") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const Json https = Json::array({"https://example.com/cb"});
  CHECK(client_create_fails(s, pool, {{"GenerateSecret", true}, {"AllowedOAuthFlowsUserPoolClient", true}, {"CallbackURLs", https},
                               {"AllowedOAuthFlows", {"client_credentials", "code"}}, {"AllowedOAuthScopes", {"openid"}}}) ==
        Failure{"InvalidOAuthFlowException", "client_credentials flow can not be selected along with code flow or implicit flow."});
  CHECK(client_create_fails(s, pool, {{"AllowedOAuthFlowsUserPoolClient", true}, {"AllowedOAuthFlows", {"client_credentials"}},
                               {"AllowedOAuthScopes", {"openid"}}}) ==
        Failure{"InvalidOAuthFlowException", "client_credentials flow can not be selected if client does not have a client secret."});
}

TEST_CASE("CreateUserPoolClient: other enum and structure members are checked") {
  Sandbox s;
  const std::string pool = s.create_pool();
  CHECK(client_create_fails(s, pool, {{"PreventUserExistenceErrors", "ON"}}) ==
        validation("Value 'ON' at 'preventUserExistenceErrors' failed to satisfy constraint: Member must satisfy enum value set: [LEGACY, ENABLED]"));
  CHECK(client_create_fails(s, pool, {{"EnableTokenRevocation", "false"}}) == serialization("STRING_VALUE can not be converted to Boolean"));
  CHECK(client_create_fails(s, pool, {{"AnalyticsConfiguration", "pinpoint"}}) == serialization("STRING_VALUE can not be converted to a structure"));
  CHECK(client_create_fails(s, pool, {{"RefreshTokenRotation", Json::array()}}) == serialization("Start of list found where not expected."));
}
