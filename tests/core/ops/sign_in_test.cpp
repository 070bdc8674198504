// Starting a sign-in: InitiateAuth and AdminInitiateAuth (API Reference: InitiateAuth,
// API Reference: AdminInitiateAuth): each flow, the app client's ExplicitAuthFlows, parameters,
// SECRET_HASH, the user's state, and refresh tokens.
#include <algorithm>

#include "core/tokens/jwt.h"
#include "core/crypto/secret_hash.h"
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

// A confirmed user with the password "Passw0rd!".

Json initiate(const std::string& client, const std::string& flow, const Json& parameters) {
  return Json{{"ClientId", client}, {"AuthFlow", flow}, {"AuthParameters", parameters}};
}

Json admin_initiate(const std::string& pool, const std::string& client, const std::string& flow, const Json& parameters) {
  return Json{{"UserPoolId", pool}, {"ClientId", client}, {"AuthFlow", flow}, {"AuthParameters", parameters}};
}

Json password_parameters(const std::string& username, const std::string& password) {
  return Json{{"USERNAME", username}, {"PASSWORD", password}};
}

Json refresh_parameters(const Json& refresh_token) { return Json{{"REFRESH_TOKEN", refresh_token}}; }

std::string client_secret(Sandbox& s, const std::string& pool, const std::string& client) {
  return s.ok("DescribeUserPoolClient", {{"UserPoolId", pool}, {"ClientId", client}})["UserPoolClient"]["ClientSecret"];
}

// The same token with one character of its `part`-th dot-separated part changed.
std::string tamper(std::string token, int part) {
  std::size_t start = 0;
  for (int i = 0; i < part; ++i) start = token.find('.', start) + 1;
  const std::size_t at = start + 10;
  token[at] = token[at] == 'A' ? 'B' : 'A';
  return token;
}

}  // namespace

TEST_CASE("USER_PASSWORD_AUTH answers with the three tokens and empty ChallengeParameters") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "ana");
  const Json r = s.ok("InitiateAuth", initiate(client, "USER_PASSWORD_AUTH", password_parameters("ana", "Passw0rd!")));
  CHECK_FALSE(r.contains("ChallengeName"));
  CHECK_FALSE(r.contains("Session"));
  CHECK(r["ChallengeParameters"] == Json::object());
  const Json& t = r["AuthenticationResult"];
  CHECK(t["TokenType"] == "Bearer");
  CHECK(t["ExpiresIn"] == 3600);
  CHECK(decode_jwt(t["AccessToken"].get<std::string>()).value().payload["token_use"] == "access");
  CHECK(decode_jwt(t["IdToken"].get<std::string>()).value().payload["token_use"] == "id");
  // The refresh token is a five-part JWE, opaque to clients.
  const std::string refresh = t["RefreshToken"];
  CHECK(std::count(refresh.begin(), refresh.end(), '.') == 4);
}

TEST_CASE("USER_SRP_AUTH's first step names the internal username and carries no Session") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"UsernameAttributes", {"email"}}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "sam@example.com");
  const std::string sub = s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", "sam@example.com"}})["Username"];
  const Json r = s.ok("InitiateAuth", initiate(client, "USER_SRP_AUTH",
                                               {{"USERNAME", "sam@example.com"}, {"SRP_A", srp::Client(pool, secure_random()).srp_a()}}));
  CHECK(r["ChallengeName"] == "PASSWORD_VERIFIER");
  CHECK_FALSE(r.contains("Session"));
  const Json& p = r["ChallengeParameters"];
  CHECK(p.size() == 5);
  CHECK(p["USERNAME"] == sub);
  CHECK(p["USER_ID_FOR_SRP"] == sub);
  const std::string salt = p["SALT"];
  CHECK(salt.size() == 32);
  CHECK(salt.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK_FALSE(p["SRP_B"].get<std::string>().empty());
  CHECK_FALSE(p["SECRET_BLOCK"].get<std::string>().empty());
  // SRP_A that is 0 mod N is refused.
  const ApiError bad_a = s.error("InitiateAuth", initiate(client, "USER_SRP_AUTH", {{"USERNAME", "sam@example.com"}, {"SRP_A", "0"}}));
  CHECK(bad_a.type == "InvalidParameterException");
  CHECK(bad_a.message == "SRP_A is not a valid public value (A mod N must not be 0).");
}

TEST_CASE("AdminInitiateAuth signs in with ADMIN_USER_PASSWORD_AUTH and with its legacy name ADMIN_NO_SRP_AUTH") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "adam");
  for (const char* flow : {"ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"}) {
    INFO(flow);
    const Json r = s.ok("AdminInitiateAuth", admin_initiate(pool, client, flow, password_parameters("adam", "Passw0rd!")));
    CHECK(r["AuthenticationResult"]["TokenType"] == "Bearer");
    const ApiError wrong = s.error("AdminInitiateAuth", admin_initiate(pool, client, flow, password_parameters("adam", "nope")));
    CHECK(wrong.type == "NotAuthorizedException");
    CHECK(wrong.message == "Incorrect username or password.");
  }
  // A legacy client with ADMIN_NO_SRP_AUTH allows the admin flow (and SRP and refresh).
  const auto legacy = s.create_client(pool, Json{{"ExplicitAuthFlows", {"ADMIN_NO_SRP_AUTH"}}});
  CHECK(s.ok("AdminInitiateAuth", admin_initiate(pool, legacy, "ADMIN_USER_PASSWORD_AUTH", password_parameters("adam", "Passw0rd!")))
            .contains("AuthenticationResult"));
  CHECK(s.srp_sign_in(pool, legacy, "adam", "Passw0rd!").status == 200);
}

TEST_CASE("A flow missing from the client's ExplicitAuthFlows is refused with Cognito's message") {
  Sandbox s;
  const auto pool = s.create_pool();
  s.add_user(pool, "fay");
  const auto srp_only = s.create_client(pool, Json{{"ExplicitAuthFlows", {"ALLOW_USER_SRP_AUTH"}}});
  const auto password_only = s.create_client(pool, Json{{"ExplicitAuthFlows", {"ALLOW_USER_PASSWORD_AUTH"}}});

  ApiError e = s.error("InitiateAuth", initiate(srp_only, "USER_PASSWORD_AUTH", password_parameters("fay", "Passw0rd!")));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "USER_PASSWORD_AUTH flow not enabled for this client");

  e = s.error("InitiateAuth", initiate(password_only, "USER_SRP_AUTH", {{"USERNAME", "fay"}, {"SRP_A", "abc"}}));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Auth flow not enabled for this client");

  e = s.error("InitiateAuth", initiate(srp_only, "REFRESH_TOKEN_AUTH", refresh_parameters("x")));
  CHECK(e.message == "Auth flow not enabled for this client");
  e = s.error("AdminInitiateAuth", admin_initiate(pool, srp_only, "ADMIN_USER_PASSWORD_AUTH", password_parameters("fay", "Passw0rd!")));
  CHECK(e.message == "Auth flow not enabled for this client");
  e = s.error("InitiateAuth", initiate(srp_only, "CUSTOM_AUTH", {{"USERNAME", "fay"}}));
  CHECK(e.message == "Auth flow not enabled for this client");
  e = s.error("InitiateAuth", initiate(srp_only, "USER_AUTH", {{"USERNAME", "fay"}}));
  CHECK(e.message == "Auth flow not enabled for this client");

  // The flow check comes before the parameters are read.
  e = s.error("InitiateAuth", initiate(srp_only, "USER_PASSWORD_AUTH", Json::object()));
  CHECK(e.message == "USER_PASSWORD_AUTH flow not enabled for this client");
  const Json event = s.ok("Sandbox.ListEvents", {{"MaxResults", 1}})["Events"][0];
  CHECK(event["Rules"] == Json::array({"USER_PASSWORD_AUTH is not in the app client's ExplicitAuthFlows"}));
}

TEST_CASE("CUSTOM_AUTH and USER_AUTH, when enabled, are refused: the sandbox runs no Lambda triggers") {
  Sandbox s;
  const auto pool = s.create_pool();
  s.add_user(pool, "cy");
  const auto client = s.create_client(pool, Json{{"ExplicitAuthFlows", {"ALLOW_CUSTOM_AUTH", "ALLOW_USER_AUTH"}}});
  ApiError e = s.error("InitiateAuth", initiate(client, "CUSTOM_AUTH", {{"USERNAME", "cy"}}));
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Custom auth lambda trigger is not configured for the user pool.");
  e = s.error("AdminInitiateAuth", admin_initiate(pool, client, "CUSTOM_AUTH", {{"USERNAME", "cy"}}));
  CHECK(e.message == "Custom auth lambda trigger is not configured for the user pool.");
  e = s.error("InitiateAuth", initiate(client, "USER_AUTH", {{"USERNAME", "cy"}}));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "This sandbox does not simulate choice-based sign-in (USER_AUTH); use USER_SRP_AUTH or USER_PASSWORD_AUTH.");
}

TEST_CASE("ADMIN_* flows belong to AdminInitiateAuth, USER_PASSWORD_AUTH to InitiateAuth") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "ed");
  for (const char* flow : {"ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"}) {
    const ApiError e = s.error("InitiateAuth", initiate(client, flow, password_parameters("ed", "Passw0rd!")));
    CHECK(e.type == "InvalidParameterException");
    CHECK(e.message == "Initiate Auth method not supported.");
  }
  const ApiError e = s.error("AdminInitiateAuth", admin_initiate(pool, client, "USER_PASSWORD_AUTH", password_parameters("ed", "Passw0rd!")));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message == "Initiate Auth method not supported.");
  // SRP and refresh work in both.
  const Json srp_challenge = s.ok("AdminInitiateAuth", admin_initiate(pool, client, "USER_SRP_AUTH",
                                                            {{"USERNAME", "ed"}, {"SRP_A", srp::Client(pool, secure_random()).srp_a()}}));
  CHECK(srp_challenge["ChallengeName"] == "PASSWORD_VERIFIER");
}

TEST_CASE("A missing required auth parameter is named; an unknown AuthFlow fails the model's enum") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  const auto missing = [&](const char* flow, const Json& parameters) {
    return s.error("InitiateAuth", initiate(client, flow, parameters));
  };
  CHECK(missing("USER_PASSWORD_AUTH", {{"PASSWORD", "x"}}).message == "Missing required parameter USERNAME");
  CHECK(missing("USER_PASSWORD_AUTH", {{"USERNAME", "x"}}).message == "Missing required parameter PASSWORD");
  CHECK(missing("USER_PASSWORD_AUTH", {{"USERNAME", ""}, {"PASSWORD", "x"}}).message == "Missing required parameter USERNAME");
  CHECK(missing("USER_SRP_AUTH", {{"USERNAME", "x"}}).message == "Missing required parameter SRP_A");
  CHECK(missing("REFRESH_TOKEN_AUTH", Json::object()).type == "InvalidParameterException");
  CHECK(missing("REFRESH_TOKEN_AUTH", Json::object()).message == "Missing required parameter REFRESH_TOKEN");
  CHECK(s.error("AdminInitiateAuth", admin_initiate(pool, client, "ADMIN_USER_PASSWORD_AUTH", {{"USERNAME", "x"}})).message ==
        "Missing required parameter PASSWORD");

  const ApiError e = s.error("InitiateAuth", initiate(client, "PASSWORD", password_parameters("x", "y")));
  CHECK(e.type == "InvalidParameterException");
  CHECK(e.message ==
        "1 validation error detected: Value 'PASSWORD' at 'authFlow' failed to satisfy constraint: Member must satisfy enum "
        "value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, "
        "ADMIN_USER_PASSWORD_AUTH, USER_AUTH]");
  CHECK(s.error("InitiateAuth", Json{{"ClientId", client}}).message ==
        "1 validation error detected: Value null at 'authFlow' failed to satisfy constraint: Member must not be null");
}

TEST_CASE("An unknown client or pool is a ResourceNotFoundException") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  const auto other_pool = s.create_pool(Json{{"PoolName", "other"}});
  ApiError e = s.error("InitiateAuth", initiate("nosuchclient1234567890abcd", "USER_PASSWORD_AUTH", password_parameters("a", "b")));
  CHECK(e.type == "ResourceNotFoundException");
  CHECK(e.message == "User pool client nosuchclient1234567890abcd does not exist.");
  e = s.error("AdminInitiateAuth", admin_initiate("us-east-1_Nope12345", client, "ADMIN_USER_PASSWORD_AUTH", password_parameters("a", "b")));
  CHECK(e.type == "ResourceNotFoundException");
  CHECK(e.message == "User pool us-east-1_Nope12345 does not exist.");
  // AdminInitiateAuth looks for the client in the pool it names.
  e = s.error("AdminInitiateAuth", admin_initiate(other_pool, client, "ADMIN_USER_PASSWORD_AUTH", password_parameters("a", "b")));
  CHECK(e.type == "ResourceNotFoundException");
  CHECK(e.message == "User pool client " + client + " does not exist.");
}

TEST_CASE("A client with a secret needs the SECRET_HASH of the username it is sent") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool, Json{{"GenerateSecret", true}});
  const std::string secret = client_secret(s, pool, client);
  s.add_user(pool, "sid");

  ApiError e = s.error("InitiateAuth", initiate(client, "USER_PASSWORD_AUTH", password_parameters("sid", "Passw0rd!")));
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Client " + client + " is configured for secret but secret was not received");
  Json p = password_parameters("sid", "Passw0rd!");
  p["SECRET_HASH"] = secret_hash("someone-else", client, secret);
  e = s.error("InitiateAuth", initiate(client, "USER_PASSWORD_AUTH", p));
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Unable to verify secret hash for client " + client);
  p["SECRET_HASH"] = secret_hash("sid", client, secret);
  CHECK(s.ok("InitiateAuth", initiate(client, "USER_PASSWORD_AUTH", p)).contains("AuthenticationResult"));
  // The secret is checked before the user is looked up.
  Json ghost = password_parameters("ghost", "x");
  ghost["SECRET_HASH"] = "bm90IGEgaGFzaA==";
  CHECK(s.error("InitiateAuth", initiate(client, "USER_PASSWORD_AUTH", ghost)).message == "Unable to verify secret hash for client " + client);

  // SRP: the typed username in step one, USER_ID_FOR_SRP in step two.
  CHECK(s.srp_sign_in(pool, client, "sid", "Passw0rd!", secret).status == 200);
  CHECK(s.srp_sign_in(pool, client, "sid", "Passw0rd!").body["message"] ==
        "Client " + client + " is configured for secret but secret was not received");
}

TEST_CASE("Refreshing for a client with a secret: SECRET_HASH of the internal username (the sub in email pools)") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"UsernameAttributes", {"email"}}});
  const auto client = s.create_client(pool, Json{{"GenerateSecret", true}});
  const std::string secret = client_secret(s, pool, client);
  s.add_user(pool, "rae@example.com");
  const std::string sub = s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", "rae@example.com"}})["Username"];

  Json p = password_parameters("rae@example.com", "Passw0rd!");
  p["SECRET_HASH"] = secret_hash("rae@example.com", client, secret);
  const Json refresh = s.ok("InitiateAuth", initiate(client, "USER_PASSWORD_AUTH", p))["AuthenticationResult"]["RefreshToken"];

  Json r = refresh_parameters(refresh);
  CHECK(s.error("InitiateAuth", initiate(client, "REFRESH_TOKEN_AUTH", r)).message ==
        "Client " + client + " is configured for secret but secret was not received");
  r["SECRET_HASH"] = secret_hash("rae@example.com", client, secret);
  const ApiError by_email = s.error("InitiateAuth", initiate(client, "REFRESH_TOKEN_AUTH", r));
  CHECK(by_email.type == "NotAuthorizedException");
  CHECK(by_email.message == "Unable to verify secret hash for client " + client);
  r["SECRET_HASH"] = secret_hash(sub, client, secret);
  CHECK(s.ok("InitiateAuth", initiate(client, "REFRESH_TOKEN_AUTH", r))["AuthenticationResult"].contains("AccessToken"));
}

TEST_CASE("Sign-in checks in order: lockout, disabled, password, then unconfirmed or reset required") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "dee");

  // Disabled comes before the password: wrong passwords of a disabled user do not count.
  s.ok("AdminDisableUser", {{"UserPoolId", pool}, {"Username", "dee"}});
  for (int i = 0; i < 6; ++i) {
    const ApiError e = s.error("InitiateAuth", initiate(client, "USER_PASSWORD_AUTH", password_parameters("dee", "wrong")));
    CHECK(e.type == "NotAuthorizedException");
    CHECK(e.message == "User is disabled.");
  }
  CHECK(s.error("AdminInitiateAuth", admin_initiate(pool, client, "ADMIN_USER_PASSWORD_AUTH", password_parameters("dee", "Passw0rd!")))
            .message == "User is disabled.");
  s.ok("AdminEnableUser", {{"UserPoolId", pool}, {"Username", "dee"}});
  CHECK(s.password_sign_in(client, "dee", "Passw0rd!").status == 200);

  // A lockout comes before the disabled check.
  for (int i = 0; i < 5; ++i) s.password_sign_in(client, "dee", "wrong");
  s.ok("AdminDisableUser", {{"UserPoolId", pool}, {"Username", "dee"}});
  CHECK(s.password_sign_in(client, "dee", "Passw0rd!").body["message"] == "Password attempts exceeded");
  s.advance(1s);
  CHECK(s.password_sign_in(client, "dee", "Passw0rd!").body["message"] == "User is disabled.");

  // The password comes before the user's status.
  s.ok("SignUp", {{"ClientId", client}, {"Username", "una"}, {"Password", "Passw0rd!"}});
  ApiError e = s.error("InitiateAuth", initiate(client, "USER_PASSWORD_AUTH", password_parameters("una", "wrong")));
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Incorrect username or password.");
  e = s.error("InitiateAuth", initiate(client, "USER_PASSWORD_AUTH", password_parameters("una", "Passw0rd!")));
  CHECK(e.type == "UserNotConfirmedException");
  CHECK(e.message == "User is not confirmed.");
  CHECK(s.srp_sign_in(pool, client, "una", "Passw0rd!").body["__type"] == "UserNotConfirmedException");

  s.add_user(pool, "rex", attrs({{"email", "rex@example.com"}, {"email_verified", "true"}}));
  s.ok("AdminResetUserPassword", {{"UserPoolId", pool}, {"Username", "rex"}});
  CHECK(s.password_sign_in(client, "rex", "wrong").body["message"] == "Incorrect username or password.");
  e = s.error("InitiateAuth", initiate(client, "USER_PASSWORD_AUTH", password_parameters("rex", "Passw0rd!")));
  CHECK(e.type == "PasswordResetRequiredException");
  CHECK(e.message == "Password reset required for the user");
}

TEST_CASE("An unknown user in AdminInitiateAuth follows the client's PreventUserExistenceErrors") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto legacy = s.create_client(pool);
  const auto enabled = s.create_client(pool, Json{{"PreventUserExistenceErrors", "ENABLED"}});
  ApiError e = s.error("AdminInitiateAuth", admin_initiate(pool, legacy, "ADMIN_USER_PASSWORD_AUTH", password_parameters("ghost", "x")));
  CHECK(e.type == "UserNotFoundException");
  CHECK(e.message == "User does not exist.");
  e = s.error("AdminInitiateAuth", admin_initiate(pool, enabled, "ADMIN_USER_PASSWORD_AUTH", password_parameters("ghost", "x")));
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Incorrect username or password.");
}

TEST_CASE("In an alias pool only a verified email signs in as the username") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"AliasAttributes", {"email", "preferred_username"}}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "vic", attrs({{"email", "vic@example.com"}, {"email_verified", "true"}, {"preferred_username", "vicky"}}));
  s.add_user(pool, "ula", attrs({{"email", "ula@example.com"}}));
  CHECK(s.password_sign_in(client, "vic@example.com", "Passw0rd!").status == 200);
  CHECK(s.password_sign_in(client, "vicky", "Passw0rd!").status == 200);
  CHECK(s.srp_sign_in(pool, client, "vic@example.com", "Passw0rd!").status == 200);
  CHECK(s.password_sign_in(client, "ula@example.com", "Passw0rd!").body["__type"] == "UserNotFoundException");
  CHECK(s.password_sign_in(client, "ula", "Passw0rd!").status == 200);
}

TEST_CASE("REFRESH_TOKEN and REFRESH_TOKEN_AUTH refresh in both operations: a new event, the same sign-in") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "ray");
  const Json tokens = s.password_sign_in(client, "ray", "Passw0rd!").body["AuthenticationResult"];
  const Json first = decode_jwt(tokens["IdToken"].get<std::string>()).value().payload;
  s.advance(10min);
  const Json a = s.ok("InitiateAuth", initiate(client, "REFRESH_TOKEN", refresh_parameters(tokens["RefreshToken"])));
  const Json b = s.ok("AdminInitiateAuth", admin_initiate(pool, client, "REFRESH_TOKEN_AUTH", refresh_parameters(tokens["RefreshToken"])));
  for (const Json& r : {a, b}) {
    CHECK(r["ChallengeParameters"] == Json::object());
    const Json& result = r["AuthenticationResult"];
    CHECK_FALSE(result.contains("RefreshToken"));
    CHECK(result["ExpiresIn"] == 3600);
    const Json id = decode_jwt(result["IdToken"].get<std::string>()).value().payload;
    CHECK(id["auth_time"] == first["auth_time"]);
    CHECK(id["origin_jti"] == first["origin_jti"]);
    CHECK(id["event_id"] != first["event_id"]);
    CHECK(id["iat"].get<std::int64_t>() == first["iat"].get<std::int64_t>() + 600);
  }
}

TEST_CASE("Refresh tokens that are garbage, changed, another client's or another pool's are invalid") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  const auto sibling = s.create_client(pool);
  const auto other_pool = s.create_pool(Json{{"PoolName", "other"}});
  const auto foreign = s.create_client(other_pool);
  s.add_user(pool, "ivo");
  const std::string refresh = s.password_sign_in(client, "ivo", "Passw0rd!").body["AuthenticationResult"]["RefreshToken"];

  for (const auto& [client_id, token] : {std::pair{client, std::string("garbage")}, std::pair{client, tamper(refresh, 3)},
                                         std::pair{sibling, refresh}, std::pair{foreign, refresh}}) {
    const ApiError e = s.error("InitiateAuth", initiate(client_id, "REFRESH_TOKEN_AUTH", refresh_parameters(token)));
    CHECK(e.type == "NotAuthorizedException");
    CHECK(e.message == "Invalid Refresh Token");
  }
  CHECK(s.ok("InitiateAuth", initiate(client, "REFRESH_TOKEN_AUTH", refresh_parameters(refresh))).contains("AuthenticationResult"));
  // A deleted user's refresh token is invalid too.
  s.ok("AdminDeleteUser", {{"UserPoolId", pool}, {"Username", "ivo"}});
  CHECK(s.error("InitiateAuth", initiate(client, "REFRESH_TOKEN_AUTH", refresh_parameters(refresh))).message == "Invalid Refresh Token");
}

TEST_CASE("A refresh token expires after the client's RefreshTokenValidity") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool, Json{{"RefreshTokenValidity", 60}, {"AccessTokenValidity", 5}, {"IdTokenValidity", 5},
                                                 {"TokenValidityUnits", {{"RefreshToken", "minutes"}, {"AccessToken", "minutes"}, {"IdToken", "minutes"}}}});
  s.add_user(pool, "eve");
  const Json refresh = s.password_sign_in(client, "eve", "Passw0rd!").body["AuthenticationResult"]["RefreshToken"];
  s.advance(60min);
  CHECK(s.ok("InitiateAuth", initiate(client, "REFRESH_TOKEN_AUTH", refresh_parameters(refresh)))["AuthenticationResult"]["ExpiresIn"] == 300);
  s.advance(1s);
  const ApiError e = s.error("InitiateAuth", initiate(client, "REFRESH_TOKEN_AUTH", refresh_parameters(refresh)));
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Refresh Token has expired");
}

TEST_CASE("Refresh-token rotation: each refresh returns a new refresh token; the old one lasts the grace period") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool, Json{{"RefreshTokenRotation", {{"Feature", "ENABLED"}, {"RetryGracePeriodSeconds", 10}}}});
  s.add_user(pool, "rot");
  const std::string first = s.password_sign_in(client, "rot", "Passw0rd!").body["AuthenticationResult"]["RefreshToken"];
  const Json r1 = s.ok("InitiateAuth", initiate(client, "REFRESH_TOKEN_AUTH", refresh_parameters(first)))["AuthenticationResult"];
  REQUIRE(r1.contains("RefreshToken"));
  const std::string second = r1["RefreshToken"];
  CHECK(second != first);
  // Within the grace period the replaced token still works.
  s.advance(10s);
  CHECK(s.ok("InitiateAuth", initiate(client, "REFRESH_TOKEN_AUTH", refresh_parameters(first)))["AuthenticationResult"].contains("RefreshToken"));
  s.advance(11s);
  const ApiError e = s.error("InitiateAuth", initiate(client, "REFRESH_TOKEN_AUTH", refresh_parameters(first)));
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Invalid Refresh Token");

  // Without a grace period the replaced token stops at once.
  const auto strict = s.create_client(pool, Json{{"RefreshTokenRotation", {{"Feature", "ENABLED"}, {"RetryGracePeriodSeconds", 0}}}});
  const std::string old = s.password_sign_in(strict, "rot", "Passw0rd!").body["AuthenticationResult"]["RefreshToken"];
  const std::string next = s.ok("InitiateAuth", initiate(strict, "REFRESH_TOKEN_AUTH", refresh_parameters(old)))["AuthenticationResult"]["RefreshToken"];
  s.advance(1s);
  CHECK(s.error("InitiateAuth", initiate(strict, "REFRESH_TOKEN_AUTH", refresh_parameters(old))).message == "Invalid Refresh Token");
  CHECK(s.ok("InitiateAuth", initiate(strict, "REFRESH_TOKEN_AUTH", refresh_parameters(next)))["AuthenticationResult"].contains("IdToken"));
}

TEST_CASE("Disabling a user revokes their refresh tokens; enabling does not bring them back") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "dot");
  const Json refresh = s.password_sign_in(client, "dot", "Passw0rd!").body["AuthenticationResult"]["RefreshToken"];
  s.ok("AdminDisableUser", {{"UserPoolId", pool}, {"Username", "dot"}});
  ApiError e = s.error("InitiateAuth", initiate(client, "REFRESH_TOKEN_AUTH", refresh_parameters(refresh)));
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Refresh Token has been revoked");
  s.ok("AdminEnableUser", {{"UserPoolId", pool}, {"Username", "dot"}});
  e = s.error("InitiateAuth", initiate(client, "REFRESH_TOKEN_AUTH", refresh_parameters(refresh)));
  CHECK(e.message == "Refresh Token has been revoked");
  CHECK(s.password_sign_in(client, "dot", "Passw0rd!").status == 200);
}
