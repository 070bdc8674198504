// The tokens a sign-in issues (Developer Guide: "Understanding user pool JSON web tokens (JWTs)") and the access-token checks of
// the operations that take one; GlobalSignOut and RevokeToken (API Reference: GlobalSignOut, RevokeToken).
#include <set>

#include "core/base/encoding.h"
#include "core/tokens/jwt.h"
#include "core/crypto/secret_hash.h"
#include "core/tokens/well_known.h"
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

Json sign_in(Sandbox& s, const std::string& client, const std::string& username) {
  const Response r = s.password_sign_in(client, username, "Passw0rd!");
  REQUIRE(r.status == 200);
  return r.body["AuthenticationResult"];
}

Json payload(const Json& token) { return decode_jwt(token.get<std::string>()).value().payload; }
Json header(const Json& token) { return decode_jwt(token.get<std::string>()).value().header; }

ApiError get_user_error(Sandbox& s, const Json& access) { return s.error("GetUser", {{"AccessToken", access}}); }

std::string last_rule(Sandbox& s) { return s.ok("Sandbox.ListEvents", {{"MaxResults", 1}})["Events"][0]["Rules"].back(); }

Json refresh(const std::string& client, const Json& token) {
  return Json{{"ClientId", client}, {"AuthFlow", "REFRESH_TOKEN_AUTH"}, {"AuthParameters", {{"REFRESH_TOKEN", token}}}};
}

}  // namespace

TEST_CASE("The ID token names the user and carries the readable attributes, typed as Cognito types them") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "ida", attrs({{"email", "ida@example.com"}, {"email_verified", "true"}, {"phone_number", "+15555550100"},
                                  {"phone_number_verified", "false"}, {"name", "Ida B"}, {"updated_at", "1700000000"},
                                  {"address", "1 Main St"}}));
  const std::string sub = s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", "ida"}})["UserAttributes"][0]["Value"];
  const Json tokens = sign_in(s, client, "ida");
  const Json id = payload(tokens["IdToken"]);
  CHECK(keys(id) == std::set<std::string>{"sub", "email_verified", "phone_number_verified", "iss", "cognito:username", "origin_jti",
                                          "aud", "event_id", "token_use", "auth_time", "email", "phone_number", "name",
                                          "updated_at", "address", "exp", "iat", "jti"});
  CHECK(id["sub"] == sub);
  CHECK(id["cognito:username"] == "ida");
  CHECK(id["aud"] == client);
  CHECK(id["iss"] == issuer_for(pool));
  CHECK(id["iss"] == "https://cognito-idp.us-east-1.amazonaws.com/" + pool);
  CHECK(id["token_use"] == "id");
  CHECK(id["email_verified"] == true);
  CHECK(id["phone_number_verified"] == false);
  CHECK(id["updated_at"] == 1700000000);
  CHECK(id["address"] == Json{{"formatted", "1 Main St"}});
  CHECK(id["email"] == "ida@example.com");
  CHECK(id["auth_time"] == 1768471200);
  CHECK(id["iat"] == 1768471200);
  CHECK(id["exp"] == 1768471200 + 3600);
  CHECK(header(tokens["IdToken"])["alg"] == "RS256");
}

TEST_CASE("The access token names the client and scope, with no aud and no user attributes") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "acc", attrs({{"email", "acc@example.com"}, {"name", "Acc"}}));
  const Json tokens = sign_in(s, client, "acc");
  const Json access = payload(tokens["AccessToken"]);
  const Json id = payload(tokens["IdToken"]);
  CHECK(keys(access) == std::set<std::string>{"sub", "iss", "client_id", "origin_jti", "event_id", "token_use", "scope",
                                              "auth_time", "exp", "iat", "jti", "username"});
  CHECK(access["client_id"] == client);
  CHECK(access["username"] == "acc");
  CHECK(access["scope"] == "aws.cognito.signin.user.admin");
  CHECK(access["token_use"] == "access");
  CHECK(access["sub"] == id["sub"]);
  // One sign-in event: shared event_id and origin_jti, distinct jti and signing keys.
  CHECK(access["event_id"] == id["event_id"]);
  CHECK(access["origin_jti"] == id["origin_jti"]);
  CHECK(access["jti"] != id["jti"]);
  const Json jwks = s.ok("Sandbox.GetJwks", {{"UserPoolId", pool}})["keys"];
  REQUIRE(jwks.size() == 2);
  CHECK(header(tokens["AccessToken"])["kid"] != header(tokens["IdToken"])["kid"]);
  const std::set<std::string> published = {jwks[0]["kid"].get<std::string>(), jwks[1]["kid"].get<std::string>()};
  CHECK(published == std::set<std::string>{header(tokens["AccessToken"])["kid"].get<std::string>(),
                                           header(tokens["IdToken"])["kid"].get<std::string>()});
  // A second sign-in is a new event and a new lineage.
  const Json again = payload(sign_in(s, client, "acc")["AccessToken"]);
  CHECK(again["event_id"] != access["event_id"]);
  CHECK(again["origin_jti"] != access["origin_jti"]);
}

TEST_CASE("cognito:groups lists the user's groups by precedence, in both tokens; no groups, no claim") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "gus");
  CHECK_FALSE(payload(sign_in(s, client, "gus")["IdToken"]).contains("cognito:groups"));
  s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "readers"}});
  s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "editors"}, {"Precedence", 5}});
  s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "admins"}, {"Precedence", 1}});
  s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "unused"}, {"Precedence", 0}});
  for (const char* g : {"readers", "editors", "admins"})
    s.ok("AdminAddUserToGroup", {{"UserPoolId", pool}, {"Username", "gus"}, {"GroupName", g}});
  const Json tokens = sign_in(s, client, "gus");
  const Json expected = Json::array({"admins", "editors", "readers"});
  CHECK(payload(tokens["IdToken"])["cognito:groups"] == expected);
  CHECK(payload(tokens["AccessToken"])["cognito:groups"] == expected);
  // A new precedence reorders the next tokens.
  s.ok("UpdateGroup", {{"UserPoolId", pool}, {"GroupName", "readers"}, {"Precedence", 0}});
  CHECK(payload(sign_in(s, client, "gus")["IdToken"])["cognito:groups"] == Json::array({"readers", "admins", "editors"}));
  // Equal precedences, and groups without one, go by name whatever the order of joining.
  s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "zeta"}});
  s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "alpha"}, {"Precedence", 5}});
  s.ok("AdminAddUserToGroup", {{"UserPoolId", pool}, {"Username", "gus"}, {"GroupName", "zeta"}});
  s.ok("AdminAddUserToGroup", {{"UserPoolId", pool}, {"Username", "gus"}, {"GroupName", "alpha"}});
  CHECK(payload(sign_in(s, client, "gus")["IdToken"])["cognito:groups"] ==
        Json::array({"readers", "admins", "alpha", "editors", "zeta"}));
}

TEST_CASE("Groups' IAM roles: cognito:roles lists them, cognito:preferred_role is the lowest precedence's, unless tied; ID tokens only") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "rita");
  const std::string admin_role = "arn:aws:iam::123456789012:role/admins", reader_role = "arn:aws:iam::123456789012:role/readers";
  s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "readers"}, {"Precedence", 10}, {"RoleArn", reader_role}});
  s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "admins"}, {"Precedence", 1}, {"RoleArn", admin_role}});
  s.ok("CreateGroup", {{"UserPoolId", pool}, {"GroupName", "no-role"}, {"Precedence", 0}});
  s.ok("AdminAddUserToGroup", {{"UserPoolId", pool}, {"Username", "rita"}, {"GroupName", "readers"}});
  Json id = payload(sign_in(s, client, "rita")["IdToken"]);
  CHECK(id["cognito:roles"] == Json::array({reader_role}));
  CHECK(id["cognito:preferred_role"] == reader_role);
  for (const char* g : {"admins", "no-role"}) s.ok("AdminAddUserToGroup", {{"UserPoolId", pool}, {"Username", "rita"}, {"GroupName", g}});
  const Json tokens = sign_in(s, client, "rita");
  id = payload(tokens["IdToken"]);
  CHECK(id["cognito:groups"] == Json::array({"no-role", "admins", "readers"}));
  CHECK(id["cognito:roles"] == Json::array({admin_role, reader_role}));
  CHECK(id["cognito:preferred_role"] == admin_role);  // the group of precedence 0 has no role
  CHECK_FALSE(payload(tokens["AccessToken"]).contains("cognito:roles"));
  CHECK_FALSE(payload(tokens["AccessToken"]).contains("cognito:preferred_role"));
  // Two groups with roles at the same precedence: neither is preferred.
  s.ok("UpdateGroup", {{"UserPoolId", pool}, {"GroupName", "readers"}, {"Precedence", 1}, {"RoleArn", reader_role}});
  id = payload(sign_in(s, client, "rita")["IdToken"]);
  CHECK(id["cognito:roles"].size() == 2);
  CHECK_FALSE(id.contains("cognito:preferred_role"));
  // No group with a role: neither claim.
  s.add_user(pool, "ned");
  s.ok("AdminAddUserToGroup", {{"UserPoolId", pool}, {"Username", "ned"}, {"GroupName", "no-role"}});
  id = payload(sign_in(s, client, "ned")["IdToken"]);
  CHECK_FALSE(id.contains("cognito:roles"));
  CHECK_FALSE(id.contains("cognito:preferred_role"));
}

TEST_CASE("Custom attributes are strings in the ID token, and only attributes the client may read are in it") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"Schema", {{{"Name", "team"}, {"AttributeDataType", "String"}},
                                                   {{"Name", "level"}, {"AttributeDataType", "Number"}}}}});
  const auto standard = s.create_client(pool);
  const auto granted = s.create_client(pool, Json{{"ReadAttributes", {"email", "custom:team", "custom:level"}}});
  s.add_user(pool, "cat", attrs({{"email", "cat@example.com"}, {"email_verified", "true"}, {"name", "Cat"},
                                  {"custom:team", "blue"}, {"custom:level", "7"}}));
  const Json plain = payload(sign_in(s, standard, "cat")["IdToken"]);
  CHECK_FALSE(plain.contains("custom:team"));
  CHECK_FALSE(plain.contains("custom:level"));
  CHECK(plain["name"] == "Cat");
  CHECK(plain["email_verified"] == true);

  const Json custom = payload(sign_in(s, granted, "cat")["IdToken"]);
  CHECK(custom["custom:team"] == "blue");
  CHECK(custom["custom:level"] == "7");
  CHECK(custom["custom:level"].is_string());
  CHECK(custom["email"] == "cat@example.com");
  CHECK_FALSE(custom.contains("name"));
  CHECK_FALSE(custom.contains("email_verified"));
  CHECK(custom["sub"] == plain["sub"]);  // sub is always there
}

TEST_CASE("The client's token validity settings set exp and ExpiresIn, and the access token stops working at exp") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool, Json{{"AccessTokenValidity", 10}, {"IdTokenValidity", 2},
                                                 {"TokenValidityUnits", {{"AccessToken", "minutes"}, {"IdToken", "hours"}}}});
  const auto hours = s.create_client(pool, Json{{"AccessTokenValidity", 2}});  // hours unless told
  s.add_user(pool, "val");
  const Json tokens = sign_in(s, client, "val");
  CHECK(tokens["ExpiresIn"] == 600);
  const Json access = payload(tokens["AccessToken"]);
  const Json id = payload(tokens["IdToken"]);
  CHECK(access["exp"].get<std::int64_t>() - access["iat"].get<std::int64_t>() == 600);
  CHECK(id["exp"].get<std::int64_t>() - id["iat"].get<std::int64_t>() == 7200);
  CHECK(sign_in(s, hours, "val")["ExpiresIn"] == 7200);

  s.advance(10min);
  CHECK(s.ok("GetUser", {{"AccessToken", tokens["AccessToken"]}})["Username"] == "val");
  s.advance(1s);
  const ApiError e = get_user_error(s, tokens["AccessToken"]);
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Access Token has expired");
}

TEST_CASE("Without token revocation tokens carry no origin_jti, and RevokeToken is not supported") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool, Json{{"EnableTokenRevocation", false}});
  s.add_user(pool, "nor");
  const Json tokens = sign_in(s, client, "nor");
  CHECK_FALSE(payload(tokens["IdToken"]).contains("origin_jti"));
  CHECK_FALSE(payload(tokens["AccessToken"]).contains("origin_jti"));
  const ApiError e = s.error("RevokeToken", {{"ClientId", client}, {"Token", tokens["RefreshToken"]}});
  CHECK(e.type == "UnsupportedOperationException");
  CHECK(e.message == "Token revocation is not enabled for this app client.");
  // GlobalSignOut still works.
  s.ok("GlobalSignOut", {{"AccessToken", tokens["AccessToken"]}});
  CHECK(get_user_error(s, tokens["AccessToken"]).message == "Access Token has been revoked");
}

TEST_CASE("Access tokens that are garbage, re-signed, ID tokens, or from a deleted pool, client or user are refused") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "tom");
  s.add_user(pool, "ann");
  const Json tokens = sign_in(s, client, "tom");

  ApiError e = get_user_error(s, "garbage");
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Invalid Access Token");

  // Claims changed after signing: the signature no longer verifies.
  const auto jwt = decode_jwt(tokens["AccessToken"].get<std::string>()).value();
  Json forged = jwt.payload;
  forged["username"] = "ann";
  const std::string forged_token = jwt.header_b64 + "." + base64url_encode(to_bytes(forged.dump())) + "." + jwt.signature_b64;
  e = get_user_error(s, forged_token);
  CHECK(e.message == "Invalid Access Token");
  CHECK(last_rule(s) == "The signature does not verify with the pool's access token key");

  e = get_user_error(s, tokens["IdToken"]);
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Invalid Access Token");

  // The client that issued the token is deleted.
  const auto doomed = s.create_client(pool);
  const Json orphan = sign_in(s, doomed, "tom")["AccessToken"];
  s.ok("DeleteUserPoolClient", {{"UserPoolId", pool}, {"ClientId", doomed}});
  CHECK(get_user_error(s, orphan).message == "Invalid Access Token");
  CHECK(last_rule(s) == "The app client that issued the token no longer exists");

  // A deleted user.
  const Json ann = sign_in(s, client, "ann")["AccessToken"];
  s.ok("AdminDeleteUser", {{"UserPoolId", pool}, {"Username", "ann"}});
  e = get_user_error(s, ann);
  CHECK(e.type == "UserNotFoundException");
  CHECK(e.message == "User does not exist.");

  // A token of a pool that no longer exists.
  const auto gone = s.create_pool(Json{{"PoolName", "gone"}});
  const auto gone_client = s.create_client(gone);
  s.add_user(gone, "tom");
  const Json stranger = sign_in(s, gone_client, "tom")["AccessToken"];
  s.ok("DeleteUserPool", {{"UserPoolId", gone}});
  e = get_user_error(s, stranger);
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Invalid Access Token");
  CHECK(last_rule(s) == "The token's issuer is not a user pool of this sandbox");

  // The original is still fine.
  CHECK(s.ok("GetUser", {{"AccessToken", tokens["AccessToken"]}})["Username"] == "tom");
}

TEST_CASE("GlobalSignOut revokes every sign-in of the user and nobody else's") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto web = s.create_client(pool);
  const auto mobile = s.create_client(pool);
  s.add_user(pool, "gil");
  s.add_user(pool, "hal");
  const Json a = sign_in(s, web, "gil");
  const Json b = sign_in(s, mobile, "gil");
  const Json other = sign_in(s, web, "hal");
  CHECK(s.ok("GlobalSignOut", {{"AccessToken", a["AccessToken"]}}) == Json::object());
  for (const Json& t : {a, b}) {
    const ApiError e = get_user_error(s, t["AccessToken"]);
    CHECK(e.type == "NotAuthorizedException");
    CHECK(e.message == "Access Token has been revoked");
  }
  CHECK(s.error("InitiateAuth", refresh(mobile, b["RefreshToken"])).message == "Refresh Token has been revoked");
  CHECK(s.error("GlobalSignOut", {{"AccessToken", b["AccessToken"]}}).message == "Access Token has been revoked");
  CHECK(s.ok("GetUser", {{"AccessToken", other["AccessToken"]}})["Username"] == "hal");
  CHECK(s.ok("InitiateAuth", refresh(web, other["RefreshToken"])).contains("AuthenticationResult"));
  CHECK(s.error("GlobalSignOut", {{"AccessToken", "x.y.z"}}).message == "Invalid Access Token");
}

TEST_CASE("RevokeToken revokes one sign-in: its refresh token and every access token minted from it") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool);
  s.add_user(pool, "rev");
  const Json first = sign_in(s, client, "rev");
  const Json second = sign_in(s, client, "rev");
  const Json refreshed = s.ok("InitiateAuth", refresh(client, first["RefreshToken"]))["AuthenticationResult"];
  CHECK(s.ok("RevokeToken", {{"ClientId", client}, {"Token", first["RefreshToken"]}}) == Json::object());
  for (const Json& access : {first["AccessToken"], refreshed["AccessToken"]})
    CHECK(get_user_error(s, access).message == "Access Token has been revoked");
  const ApiError e = s.error("InitiateAuth", refresh(client, first["RefreshToken"]));
  CHECK(e.type == "NotAuthorizedException");
  CHECK(e.message == "Refresh Token has been revoked");
  // The other sign-in is untouched; revoking again is not an error.
  CHECK(s.ok("GetUser", {{"AccessToken", second["AccessToken"]}})["Username"] == "rev");
  CHECK(s.ok("InitiateAuth", refresh(client, second["RefreshToken"])).contains("AuthenticationResult"));
  CHECK(s.ok("RevokeToken", {{"ClientId", client}, {"Token", first["RefreshToken"]}}) == Json::object());
}

TEST_CASE("RevokeToken: client credentials, token types and the issuing client") {
  Sandbox s;
  const auto pool = s.create_pool();
  const auto client = s.create_client(pool, Json{{"GenerateSecret", true}});
  const std::string secret = s.ok("DescribeUserPoolClient", {{"UserPoolId", pool}, {"ClientId", client}})["UserPoolClient"]["ClientSecret"];
  const auto other = s.create_client(pool);
  s.add_user(pool, "cred");
  const Json p = {{"USERNAME", "cred"}, {"PASSWORD", "Passw0rd!"}};
  const Json tokens = s.ok("AdminInitiateAuth", {{"UserPoolId", pool}, {"ClientId", other}, {"AuthFlow", "ADMIN_USER_PASSWORD_AUTH"},
                                                 {"AuthParameters", p}})["AuthenticationResult"];

  for (const Json& request : {Json{{"ClientId", client}, {"Token", tokens["RefreshToken"]}},
                              Json{{"ClientId", client}, {"Token", tokens["RefreshToken"]}, {"ClientSecret", "wrong-secret-000000000000"}},
                              Json{{"ClientId", client}, {"Token", tokens["RefreshToken"]}, {"ClientSecret", secret}}}) {
    const ApiError e = s.error("RevokeToken", request);  // the last: issued to the other client
    CHECK(e.type == "UnauthorizedException");
    CHECK(e.message == "Invalid client credentials.");
  }
  ApiError e = s.error("RevokeToken", {{"ClientId", other}, {"Token", tokens["AccessToken"]}});
  CHECK(e.type == "UnsupportedTokenTypeException");
  CHECK(e.message == "Unsupported token type. Only refresh tokens can be revoked.");
  CHECK(s.error("RevokeToken", {{"ClientId", other}, {"Token", tokens["IdToken"]}}).type == "UnsupportedTokenTypeException");
  CHECK(s.error("RevokeToken", {{"ClientId", other}, {"Token", "not-a-token"}}).type == "UnsupportedTokenTypeException");
  // Five parts that this pool cannot open: nothing to revoke, and no error (RFC 7009).
  CHECK(s.ok("RevokeToken", {{"ClientId", other}, {"Token", "a.b.c.d.e"}}) == Json::object());
  e = s.error("RevokeToken", {{"ClientId", "unknownclient00000000000000"}, {"Token", tokens["RefreshToken"]}});
  CHECK(e.type == "ResourceNotFoundException");
  CHECK(e.message == "User pool client unknownclient00000000000000 does not exist.");
  // Nothing was revoked by the refusals.
  CHECK(s.ok("GetUser", {{"AccessToken", tokens["AccessToken"]}})["Username"] == "cred");
  CHECK(s.ok("RevokeToken", {{"ClientId", other}, {"Token", tokens["RefreshToken"]}}) == Json::object());
  CHECK(get_user_error(s, tokens["AccessToken"]).message == "Access Token has been revoked");

  // With the right secret, the secret client revokes its own tokens.
  const Json mine = s.ok("AdminInitiateAuth", {{"UserPoolId", pool}, {"ClientId", client}, {"AuthFlow", "ADMIN_USER_PASSWORD_AUTH"},
                                               {"AuthParameters", {{"USERNAME", "cred"}, {"PASSWORD", "Passw0rd!"},
                                                                   {"SECRET_HASH", secret_hash("cred", client, secret)}}}})["AuthenticationResult"];
  CHECK(s.ok("RevokeToken", {{"ClientId", client}, {"Token", mine["RefreshToken"]}, {"ClientSecret", secret}}) == Json::object());
  CHECK(get_user_error(s, mine["AccessToken"]).message == "Access Token has been revoked");
}

TEST_CASE("In an email-username pool both tokens name the user by the sub") {
  Sandbox s;
  const auto pool = s.create_pool(Json{{"UsernameAttributes", {"email"}}});
  const auto client = s.create_client(pool);
  s.add_user(pool, "eli@example.com");
  const Json tokens = sign_in(s, client, "eli@example.com");
  const Json id = payload(tokens["IdToken"]);
  CHECK(id["cognito:username"] == id["sub"]);
  CHECK(payload(tokens["AccessToken"])["username"] == id["sub"]);
  CHECK(id["email"] == "eli@example.com");
}
