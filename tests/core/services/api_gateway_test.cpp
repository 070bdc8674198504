// API Gateway REST APIs through the dispatcher: APIs, resources, methods,
// authorizers, deployments and stages with API Gateway's errors; and
// ApiGateway.Invoke answering as the gateway does for each authorization
// type, above all a COGNITO_USER_POOLS authorizer checking user pool tokens.
#include <set>

#include "core/base/encoding.h"
#include "core/tokens/jwt.h"
#include "core/api/state.h"
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

bool is_lower_alnum(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

std::string pool_arn(Sandbox& s, const std::string& pool) {
  return s.ok("DescribeUserPool", {{"UserPoolId", pool}})["UserPool"]["Arn"].get<std::string>();
}

// A user pool with a signed-in user, and a REST API with GET /pets, whose
// methods tests add, behind a COGNITO_USER_POOLS authorizer for the pool.
struct ApiGatewayFixture {
  Sandbox s;
  std::string pool, client, api, root, pets, authorizer;
  Json tokens;  // AuthenticationResult of "carol"

  ApiGatewayFixture() {
    pool = s.create_pool();
    client = s.create_client(pool);
    tokens = sign_in("carol");
    api = s.ok("ApiGateway.CreateRestApi", {{"name", "pets"}})["id"].get<std::string>();
    root = s.ok("ApiGateway.GetRestApi", {{"restApiId", api}})["rootResourceId"].get<std::string>();
    pets = s.ok("ApiGateway.CreateResource", {{"restApiId", api}, {"parentId", root}, {"pathPart", "pets"}})["id"].get<std::string>();
    authorizer = s.ok("ApiGateway.CreateAuthorizer", {{"restApiId", api}, {"name", "users"}, {"type", "COGNITO_USER_POOLS"},
                                                      {"providerARNs", {pool_arn(s, pool)}}})["id"].get<std::string>();
  }

  Json sign_in(const std::string& user, const std::string& in_pool = {}, const std::string& with_client = {}) {
    const std::string p = in_pool.empty() ? pool : in_pool;
    s.ok("AdminCreateUser", {{"UserPoolId", p}, {"Username", user}, {"MessageAction", "SUPPRESS"},
                             {"UserAttributes", attrs({{"email", user + "@example.com"}, {"email_verified", "true"}})}});
    s.ok("AdminSetUserPassword", {{"UserPoolId", p}, {"Username", user}, {"Password", "Passw0rd!"}, {"Permanent", true}});
    const Response r = s.password_sign_in(with_client.empty() ? client : with_client, user, "Passw0rd!");
    REQUIRE(r.status == 200);
    return r.body["AuthenticationResult"];
  }

  void put(const std::string& method, const std::string& type, Json extra = Json::object(), const std::string& resource = {}) {
    extra["restApiId"] = api;
    extra["resourceId"] = resource.empty() ? pets : resource;
    extra["httpMethod"] = method;
    extra["authorizationType"] = type;
    if ((type == "COGNITO_USER_POOLS") && !extra.contains("authorizerId")) extra["authorizerId"] = authorizer;
    s.ok("ApiGateway.PutMethod", extra);
  }
  std::string deploy(const std::string& stage = "prod") {
    return s.ok("ApiGateway.CreateDeployment", {{"restApiId", api}, {"stageName", stage}})["id"].get<std::string>();
  }
  // The gateway's answer (the dispatcher's call itself always succeeds).
  Json invoke(const std::string& method, const std::string& path, Json headers = Json::object(), const std::string& stage = "prod") {
    return s.ok("ApiGateway.Invoke", {{"restApiId", api}, {"stageName", stage}, {"httpMethod", method}, {"path", path},
                                      {"headers", headers}});
  }
  Json with_token(const std::string& method, const std::string& token) { return invoke(method, "/pets", {{"Authorization", token}}); }
};

std::string status_of(const Json& checks, const std::string& name) {
  for (const auto& c : checks)
    if (c["check"] == name) return c["status"].get<std::string>();
  return "absent";
}

void check_refused(const Json& answer, int status, const std::string& message) {
  INFO(answer.dump(2));
  CHECK(answer["statusCode"] == status);
  CHECK(answer["body"] == Json{{"message", message}});
  CHECK_FALSE(answer["reason"].get<std::string>().empty());
}

}  // namespace

// --- REST APIs, resources, methods, authorizers -------------------------------

TEST_CASE("ApiGateway.CreateRestApi makes an API whose root resource \"/\" exists from the start") {
  Sandbox s;
  const Json api = s.ok("ApiGateway.CreateRestApi", {{"name", "pets"}, {"description", "Pet store"}});
  const std::string id = api["id"];
  CHECK(id.size() == 10);
  CHECK(is_lower_alnum(id));
  CHECK(api["name"] == "pets");
  CHECK(api["description"] == "Pet store");
  CHECK(api["createdDate"] == 1768471200);
  const Json resources = s.ok("ApiGateway.GetResources", {{"restApiId", id}})["items"];
  REQUIRE(resources.size() == 1);
  CHECK(resources[0] == Json{{"id", api["rootResourceId"]}, {"path", "/"}});
  CHECK(s.ok("ApiGateway.GetRestApi", {{"restApiId", id}}) == api);
  CHECK(s.ok("ApiGateway.GetRestApis", Json::object())["items"] == Json::array({api}));

  CHECK(s.ok("ApiGateway.DeleteRestApi", {{"restApiId", id}}) == Json::object());
  const ApiError e = s.error("ApiGateway.GetRestApi", {{"restApiId", id}});
  CHECK(e.type == "NotFoundException");
  CHECK(e.status == 404);
  CHECK(e.message == "Invalid REST API identifier specified");
  const ApiError missing = s.error("ApiGateway.CreateRestApi", Json::object());
  CHECK(missing.type == "BadRequestException");
  CHECK(missing.status == 400);
  CHECK(missing.message == "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");
}

TEST_CASE("ApiGateway.CreateResource builds paths under a parent; the same pathPart twice is ConflictException") {
  ApiGatewayFixture f;
  const Json pet = f.s.ok("ApiGateway.CreateResource", {{"restApiId", f.api}, {"parentId", f.pets}, {"pathPart", "{petId}"}});
  CHECK(pet["parentId"] == f.pets);
  CHECK(pet["pathPart"] == "{petId}");
  CHECK(pet["path"] == "/pets/{petId}");
  CHECK(pet["id"].get<std::string>().size() == 6);
  CHECK(f.s.ok("ApiGateway.GetResources", {{"restApiId", f.api}})["items"].size() == 3);

  ApiError e = f.s.error("ApiGateway.CreateResource", {{"restApiId", f.api}, {"parentId", f.root}, {"pathPart", "pets"}});
  CHECK(e.type == "ConflictException");
  CHECK(e.status == 409);
  CHECK(e.message == "Another resource with the same parent already has this name: pets");
  e = f.s.error("ApiGateway.CreateResource", {{"restApiId", f.api}, {"parentId", "nope00"}, {"pathPart", "cats"}});
  CHECK(e.type == "NotFoundException");
  CHECK(e.message == "Invalid Resource identifier specified");
  e = f.s.error("ApiGateway.CreateResource", {{"restApiId", f.api}, {"parentId", f.root}, {"pathPart", "a/b"}});
  CHECK(e.type == "BadRequestException");
  CHECK_THAT(e.message, Catch::Contains("path part only allow a-zA-Z0-9._-"));
  e = f.s.error("ApiGateway.CreateResource", {{"restApiId", f.api}, {"parentId", f.pets}, {"pathPart", "{name}"}});
  CHECK(e.type == "BadRequestException");
  CHECK_THAT(e.message, Catch::Contains("only one is allowed"));
  e = f.s.error("ApiGateway.CreateResource", {{"restApiId", "nope000000"}, {"parentId", f.root}, {"pathPart", "x"}});
  CHECK(e.message == "Invalid REST API identifier specified");
}

TEST_CASE("ApiGateway.CreateAuthorizer: COGNITO_USER_POOLS needs providerARNs naming pools that exist") {
  ApiGatewayFixture f;
  const Json a = f.s.ok("ApiGateway.GetAuthorizer", {{"restApiId", f.api}, {"authorizerId", f.authorizer}});
  CHECK(a["id"] == f.authorizer);
  CHECK(a["name"] == "users");
  CHECK(a["type"] == "COGNITO_USER_POOLS");
  CHECK(a["providerARNs"] == Json::array({pool_arn(f.s, f.pool)}));
  CHECK(a["identitySource"] == "method.request.header.Authorization");
  CHECK(a["authorizerResultTtlInSeconds"] == 300);
  CHECK(f.s.ok("ApiGateway.GetAuthorizers", {{"restApiId", f.api}})["items"] == Json::array({a}));

  const Json base = {{"restApiId", f.api}, {"name", "x"}, {"type", "COGNITO_USER_POOLS"}};
  ApiError e = f.s.error("ApiGateway.CreateAuthorizer", base);
  CHECK(e.type == "BadRequestException");
  CHECK_THAT(e.message, Catch::Contains("needs providerARNs"));
  Json gone = base;
  const std::string missing_arn = "arn:aws:cognito-idp:us-east-1:" + f.s.account.account_id + ":userpool/us-east-1_Missing1";
  gone["providerARNs"] = {missing_arn};
  e = f.s.error("ApiGateway.CreateAuthorizer", gone);
  CHECK(e.type == "BadRequestException");
  CHECK(e.status == 400);
  CHECK_THAT(e.message, Catch::Contains(missing_arn + " is not the ARN of an existing user pool"));
  Json odd = base;
  odd["type"] = "JWT";
  CHECK(f.s.error("ApiGateway.CreateAuthorizer", odd).message ==
        "Invalid authorizer type specified. Valid options are TOKEN,REQUEST,COGNITO_USER_POOLS");
  Json lambda = base;
  lambda["type"] = "TOKEN";
  CHECK_THAT(f.s.error("ApiGateway.CreateAuthorizer", lambda).message, Catch::Contains("Invalid authorizer URI specified"));
  e = f.s.error("ApiGateway.GetAuthorizer", {{"restApiId", f.api}, {"authorizerId", "zzzzzz"}});
  CHECK(e.type == "NotFoundException");
  CHECK(e.message == "Invalid authorizer ID specified");

  const Json renamed = f.s.ok("ApiGateway.UpdateAuthorizer", {{"restApiId", f.api}, {"authorizerId", f.authorizer},
                                                              {"patchOperations", {{{"op", "replace"}, {"path", "/name"}, {"value", "members"}}}}});
  CHECK(renamed["name"] == "members");
  e = f.s.error("ApiGateway.UpdateAuthorizer", {{"restApiId", f.api}, {"authorizerId", f.authorizer},
                                                {"patchOperations", {{{"op", "remove"}, {"path", "/providerARNs"}, {"value", pool_arn(f.s, f.pool)}}}}});
  CHECK_THAT(e.message, Catch::Contains("needs providerARNs"));
  // An authorizer in use cannot be deleted.
  f.put("GET", "COGNITO_USER_POOLS");
  e = f.s.error("ApiGateway.DeleteAuthorizer", {{"restApiId", f.api}, {"authorizerId", f.authorizer}});
  CHECK(e.type == "ConflictException");
  CHECK(e.message == "Cannot delete authorizer 'members', is referenced in method: GET /pets");
}

TEST_CASE("ApiGateway.PutMethod checks the authorization type and that the authorizer is of the matching kind") {
  ApiGatewayFixture f;
  const std::string lambda = f.s.ok("ApiGateway.CreateAuthorizer", {{"restApiId", f.api}, {"name", "fn"}, {"type", "TOKEN"},
                                                                    {"authorizerUri", "arn:aws:lambda:us-east-1:1:function:auth"}})["id"];
  const Json base = {{"restApiId", f.api}, {"resourceId", f.pets}, {"httpMethod", "GET"}};
  const auto put = [&](Json extra) {
    Json r = base;
    r.update(extra);
    return f.s.error("ApiGateway.PutMethod", r);
  };
  ApiError e = put({{"authorizationType", "COGNITO_USER_POOLS"}});
  CHECK(e.type == "BadRequestException");
  CHECK_THAT(e.message, Catch::Contains("requires a valid authorizer"));
  e = put({{"authorizationType", "COGNITO_USER_POOLS"}, {"authorizerId", lambda}});
  CHECK(e.type == "BadRequestException");
  CHECK(e.message == "Authorizer " + lambda + " is of type TOKEN; authorizationType COGNITO_USER_POOLS needs a COGNITO_USER_POOLS authorizer.");
  e = put({{"authorizationType", "CUSTOM"}, {"authorizerId", f.authorizer}});
  CHECK_THAT(e.message, Catch::Contains("needs a TOKEN or REQUEST (Lambda) authorizer"));
  e = put({{"authorizationType", "COGNITO_USER_POOLS"}, {"authorizerId", "zzzzzz"}});
  CHECK(e.type == "NotFoundException");
  CHECK(e.message == "Invalid authorizer ID specified");
  e = put({{"authorizationType", "OPEN"}});
  CHECK_THAT(e.message, Catch::Contains("Invalid authorization type specified"));
  e = put({{"authorizationType", "NONE"}, {"httpMethod", "FETCH"}});
  CHECK_THAT(e.message, Catch::Contains("Invalid HttpMethod specified"));

  const Json method = f.s.ok("ApiGateway.PutMethod", {{"restApiId", f.api}, {"resourceId", f.pets}, {"httpMethod", "GET"},
                                                      {"authorizationType", "COGNITO_USER_POOLS"}, {"authorizerId", f.authorizer},
                                                      {"authorizationScopes", {"orders/read"}}});
  CHECK(method["httpMethod"] == "GET");
  CHECK(method["authorizationType"] == "COGNITO_USER_POOLS");
  CHECK(method["authorizerId"] == f.authorizer);
  CHECK(method["authorizationScopes"] == Json::array({"orders/read"}));
  e = put({{"authorizationType", "NONE"}});
  CHECK(e.type == "ConflictException");
  CHECK(e.message == "Method already exists for this resource");
  CHECK(f.s.ok("ApiGateway.GetMethod", base) == method);
  CHECK(f.s.ok("ApiGateway.GetResources", {{"restApiId", f.api}})["items"][1]["resourceMethods"] == Json{{"GET", Json::object()}});
  CHECK(f.s.ok("ApiGateway.GetResources", {{"restApiId", f.api}, {"embed", {"methods"}}})["items"][1]["resourceMethods"]["GET"] == method);

  const Json updated = f.s.ok("ApiGateway.UpdateMethod", {{"restApiId", f.api}, {"resourceId", f.pets}, {"httpMethod", "GET"},
                                                          {"patchOperations", {{{"op", "add"}, {"path", "/authorizationScopes"}, {"value", "orders/write"}},
                                                                               {{"op", "remove"}, {"path", "/authorizationScopes"}, {"value", "orders/read"}}}}});
  CHECK(updated["authorizationScopes"] == Json::array({"orders/write"}));
  CHECK(f.s.ok("ApiGateway.DeleteMethod", base) == Json::object());
  e = f.s.error("ApiGateway.GetMethod", base);
  CHECK(e.type == "NotFoundException");
  CHECK(e.message == "Invalid Method identifier specified");
}

TEST_CASE("ApiGateway.CreateDeployment needs a method; GetStages lists the stage and the deployment it serves") {
  ApiGatewayFixture f;
  ApiError e = f.s.error("ApiGateway.CreateDeployment", {{"restApiId", f.api}, {"stageName", "prod"}});
  CHECK(e.type == "BadRequestException");
  CHECK(e.message == "The REST API doesn't contain any methods");
  f.put("GET", "NONE");
  e = f.s.error("ApiGateway.CreateDeployment", {{"restApiId", f.api}, {"stageName", "pr od"}});
  CHECK(e.type == "BadRequestException");

  const Json first = f.s.ok("ApiGateway.CreateDeployment", {{"restApiId", f.api}, {"stageName", "prod"}, {"description", "v1"}});
  CHECK(first["id"].get<std::string>().size() == 6);
  CHECK(first["description"] == "v1");
  CHECK(first["createdDate"] == 1768471200);
  CHECK(f.s.ok("ApiGateway.GetStages", {{"restApiId", f.api}}) ==
        Json{{"item", {{{"stageName", "prod"}, {"deploymentId", first["id"]}, {"createdDate", 1768471200}, {"lastUpdatedDate", 1768471200}}}}});
  f.s.advance(60s);
  const std::string second = f.deploy();
  const Json stage = f.s.ok("ApiGateway.GetStage", {{"restApiId", f.api}, {"stageName", "prod"}});
  CHECK(stage["deploymentId"] == second);
  CHECK(stage["createdDate"] == 1768471200);
  CHECK(stage["lastUpdatedDate"] == 1768471260);
  CHECK(f.s.ok("ApiGateway.GetDeployments", {{"restApiId", f.api}})["items"].size() == 2);
  CHECK(f.s.error("ApiGateway.GetStage", {{"restApiId", f.api}, {"stageName", "dev"}}).type == "NotFoundException");
}

// --- Invoke -------------------------------------------------------------------

TEST_CASE("Invoke: an unknown API or a stage never deployed is 403 Forbidden; an unknown route is Missing Authentication Token") {
  ApiGatewayFixture f;
  f.put("GET", "NONE");
  Json answer = f.s.ok("ApiGateway.Invoke", {{"restApiId", "nope000000"}, {"stageName", "prod"}, {"httpMethod", "GET"}, {"path", "/pets"}});
  check_refused(answer, 403, "Forbidden");
  CHECK(answer["url"] == "https://nope000000.execute-api.us-east-1.amazonaws.com/prod/pets");
  check_refused(f.invoke("GET", "/pets"), 403, "Forbidden");  // not deployed yet
  f.deploy();
  check_refused(f.invoke("GET", "/pets", Json::object(), "dev"), 403, "Forbidden");
  answer = f.invoke("GET", "/cats");
  check_refused(answer, 403, "Missing Authentication Token");
  CHECK(answer["headers"]["x-amzn-ErrorType"] == "MissingAuthenticationTokenException");
  CHECK_THAT(answer["reason"].get<std::string>(), Catch::Contains("nothing to do with authentication"));
  check_refused(f.invoke("POST", "/pets"), 403, "Missing Authentication Token");
  const ApiError e = f.s.error("ApiGateway.Invoke", {{"restApiId", f.api}, {"stageName", "prod"}, {"httpMethod", "ANY"}, {"path", "/pets"}});
  CHECK(e.type == "BadRequestException");
}

TEST_CASE("Invoke: a method with authorizationType NONE lets every request through to the mock backend") {
  ApiGatewayFixture f;
  f.put("GET", "NONE");
  const std::string pet = f.s.ok("ApiGateway.CreateResource", {{"restApiId", f.api}, {"parentId", f.pets}, {"pathPart", "{petId}"}})["id"];
  f.put("ANY", "NONE", Json::object(), pet);
  f.deploy();
  const Json answer = f.invoke("GET", "/pets?limit=2");
  CHECK(answer["statusCode"] == 200);
  CHECK(answer["url"] == "https://" + f.api + ".execute-api.us-east-1.amazonaws.com/prod/pets?limit=2");
  CHECK(answer["body"] == Json{{"message", "Hello from GET /pets"}, {"claims", Json::object()}});
  CHECK_THAT(answer["reason"].get<std::string>(), Catch::Contains("NONE"));
  // A path variable matches any one part, and ANY any method.
  CHECK(f.invoke("DELETE", "/pets/7")["body"]["message"] == "Hello from DELETE /pets/7");
  check_refused(f.invoke("GET", "/pets/7/toys"), 403, "Missing Authentication Token");
}

TEST_CASE("Invoke with COGNITO_USER_POOLS: no token is 401; an ID token is let through with its claims as strings") {
  ApiGatewayFixture f;
  f.put("GET", "COGNITO_USER_POOLS");
  f.deploy();
  Json answer = f.invoke("GET", "/pets");
  check_refused(answer, 401, "Unauthorized");
  CHECK(answer["headers"]["x-amzn-ErrorType"] == "UnauthorizedException");
  CHECK(status_of(answer["checks"], "identity source") == "failed");
  check_refused(f.with_token("GET", ""), 401, "Unauthorized");

  const std::string id_token = f.tokens["IdToken"];
  answer = f.invoke("GET", "/pets", {{"authorization", id_token}});  // header names are case-insensitive
  INFO(answer.dump(2));
  REQUIRE(answer["statusCode"] == 200);
  CHECK(answer["body"]["message"] == "Hello from GET /pets");
  const Json& claims = answer["body"]["claims"];
  CHECK(claims["token_use"] == "id");
  CHECK(claims["cognito:username"] == "carol");
  CHECK(claims["aud"] == f.client);
  CHECK(claims["email_verified"] == "true");
  CHECK(claims["auth_time"] == "1768471200");
  CHECK(claims["iat"] == "Thu Jan 15 10:00:00 UTC 2026");
  CHECK(claims["exp"] == "Thu Jan 15 11:00:00 UTC 2026");
  for (const auto& [name, value] : claims.items()) CHECK(value.is_string());
  for (const char* c : {"identity source", "format", "issuer", "signature", "expiry", "token use"}) CHECK(status_of(answer["checks"], c) == "passed");
  CHECK(status_of(answer["checks"], "revocation") == "not checked");
  // "Bearer " in front of the token is accepted too.
  CHECK(f.with_token("GET", "Bearer " + id_token)["statusCode"] == 200);
}

TEST_CASE("Invoke with COGNITO_USER_POOLS and no authorizationScopes refuses an access token with 401") {
  ApiGatewayFixture f;
  f.put("GET", "COGNITO_USER_POOLS");
  f.deploy();
  const Json answer = f.with_token("GET", f.tokens["AccessToken"]);
  check_refused(answer, 401, "Unauthorized");
  CHECK(status_of(answer["checks"], "token use") == "failed");
  CHECK_THAT(answer["reason"].get<std::string>(), Catch::Contains("takes an ID token"));
}

TEST_CASE("Invoke with authorizationScopes takes an access token with one of them; an ID token or other scopes are 401") {
  ApiGatewayFixture f;
  f.put("GET", "COGNITO_USER_POOLS", {{"authorizationScopes", {"orders/read", "aws.cognito.signin.user.admin"}}});
  f.put("POST", "COGNITO_USER_POOLS", {{"authorizationScopes", {"orders/write"}}});
  f.deploy();
  Json answer = f.with_token("GET", f.tokens["AccessToken"]);
  INFO(answer.dump(2));
  REQUIRE(answer["statusCode"] == 200);
  CHECK(answer["body"]["claims"]["token_use"] == "access");
  CHECK(answer["body"]["claims"]["scope"] == "aws.cognito.signin.user.admin");
  CHECK(answer["body"]["claims"]["client_id"] == f.client);
  CHECK(status_of(answer["checks"], "scopes") == "passed");

  answer = f.with_token("GET", f.tokens["IdToken"]);
  check_refused(answer, 401, "Unauthorized");
  CHECK_THAT(answer["reason"].get<std::string>(), Catch::Contains("An ID token has no scope claim"));
  answer = f.with_token("POST", f.tokens["AccessToken"]);
  check_refused(answer, 401, "Unauthorized");
  CHECK(status_of(answer["checks"], "scopes") == "failed");
  CHECK_THAT(answer["reason"].get<std::string>(), Catch::Contains("orders/write"));
}

TEST_CASE("Invoke with COGNITO_USER_POOLS: an expired token is 401 \"The incoming token has expired\" by the virtual clock") {
  ApiGatewayFixture f;
  f.put("GET", "COGNITO_USER_POOLS");
  f.deploy();
  f.s.ok("Sandbox.AdvanceClock", {{"Seconds", 3600}});
  CHECK(f.with_token("GET", f.tokens["IdToken"])["statusCode"] == 200);  // exp is inclusive
  f.s.ok("Sandbox.AdvanceClock", {{"Seconds", 1}});
  const Json answer = f.with_token("GET", f.tokens["IdToken"]);
  check_refused(answer, 401, "The incoming token has expired");
  CHECK(status_of(answer["checks"], "expiry") == "failed");
}

TEST_CASE("Invoke with COGNITO_USER_POOLS refuses a tampered token, a foreign key, a non-JWT and another pool's token with 401") {
  ApiGatewayFixture f;
  f.put("GET", "COGNITO_USER_POOLS");
  f.deploy();
  const std::string id_token = f.tokens["IdToken"];
  const auto decoded = decode_jwt(id_token);
  REQUIRE(decoded);

  // The payload changed after signing.
  Json payload = decoded->payload;
  payload["cognito:username"] = "mallory";
  const std::string tampered = decoded->header_b64 + "." + base64url_encode(to_bytes(payload.dump())) + "." + decoded->signature_b64;
  Json answer = f.with_token("GET", tampered);
  check_refused(answer, 401, "Unauthorized");
  CHECK(status_of(answer["checks"], "signature") == "failed");

  // Signed by a key the pool never published.
  const std::string foreign = sign_jwt(Json{{"kid", "not-the-pools-key"}}, decoded->payload, RsaKey::generate());
  answer = f.with_token("GET", foreign);
  check_refused(answer, 401, "Unauthorized");
  CHECK(status_of(answer["checks"], "key ID") == "failed");

  answer = f.with_token("GET", "not-a-token");
  check_refused(answer, 401, "Unauthorized");
  CHECK(status_of(answer["checks"], "format") == "failed");

  // A valid token of a pool the authorizer does not name.
  const std::string other = f.s.create_pool(Json{{"PoolName", "other"}});
  const Json other_tokens = f.sign_in("dave", other, f.s.create_client(other));
  answer = f.with_token("GET", other_tokens["IdToken"]);
  check_refused(answer, 401, "Unauthorized");
  CHECK(status_of(answer["checks"], "issuer") == "failed");
  CHECK_THAT(answer["reason"].get<std::string>(), Catch::Contains(other));
}

TEST_CASE("Invoke with COGNITO_USER_POOLS still accepts a revoked token until it expires, and says so") {
  ApiGatewayFixture f;
  f.put("GET", "COGNITO_USER_POOLS");
  f.deploy();
  f.s.ok("GlobalSignOut", {{"AccessToken", f.tokens["AccessToken"]}});
  CHECK(f.s.error("GetUser", {{"AccessToken", f.tokens["AccessToken"]}}).message == "Access Token has been revoked");
  const Json answer = f.with_token("GET", f.tokens["IdToken"]);
  INFO(answer.dump(2));
  CHECK(answer["statusCode"] == 200);
  CHECK(answer["body"]["claims"]["cognito:username"] == "carol");
  CHECK(status_of(answer["checks"], "revocation") == "not checked");
  CHECK_THAT(answer["reason"].get<std::string>(), Catch::Contains("signed out or revoked"));
  CHECK_THAT(answer["reason"].get<std::string>(), Catch::Contains("never asks Cognito about revocation"));
}

TEST_CASE("Invoke with AWS_IAM: no Authorization header is Missing Authentication Token; a user pool token is not a signature") {
  ApiGatewayFixture f;
  f.put("GET", "AWS_IAM");
  f.deploy();
  check_refused(f.invoke("GET", "/pets"), 403, "Missing Authentication Token");
  const std::string token = f.tokens["IdToken"];
  const Json answer = f.with_token("GET", token);
  check_refused(answer, 403,
                "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. "
                "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either "
                "a 'X-Amz-Date' or a 'Date' header. Authorization=" + token);
  CHECK(answer["headers"]["x-amzn-ErrorType"] == "IncompleteSignatureException");
  const std::string reason = answer["reason"];
  CHECK_THAT(reason, Catch::Contains("IAM credentials"));
  CHECK_THAT(reason, Catch::Contains("COGNITO_USER_POOLS"));
}

TEST_CASE("Invoke through a Lambda (TOKEN) authorizer: no header is 401; otherwise 500, as Lambda is not simulated") {
  ApiGatewayFixture f;
  const std::string lambda = f.s.ok("ApiGateway.CreateAuthorizer", {{"restApiId", f.api}, {"name", "fn"}, {"type", "TOKEN"},
                                                                    {"authorizerUri", "arn:aws:lambda:us-east-1:1:function:auth"}})["id"];
  f.put("GET", "CUSTOM", {{"authorizerId", lambda}});
  f.deploy();
  check_refused(f.invoke("GET", "/pets"), 401, "Unauthorized");
  const Json answer = f.with_token("GET", f.tokens["IdToken"]);
  CHECK(answer["statusCode"] == 500);
  CHECK(answer["body"] == Json{{"message", nullptr}});
  CHECK(answer["headers"]["x-amzn-ErrorType"] == "AuthorizerConfigurationException");
  CHECK_THAT(answer["reason"].get<std::string>(), Catch::Contains("does not run Lambda"));
}

TEST_CASE("Invoke: changes after a deployment are not live until the next deployment") {
  ApiGatewayFixture f;
  f.put("GET", "NONE");
  f.deploy();
  // A new method: the stage does not have it yet.
  f.put("POST", "COGNITO_USER_POOLS");
  Json answer = f.invoke("POST", "/pets");
  check_refused(answer, 403, "Missing Authentication Token");
  CHECK_THAT(answer["reason"].get<std::string>(), Catch::Contains("changes go live only with a new deployment"));
  // A changed method: the stage still runs the old one.
  f.s.ok("ApiGateway.UpdateMethod", {{"restApiId", f.api}, {"resourceId", f.pets}, {"httpMethod", "GET"},
                                      {"patchOperations", {{{"op", "replace"}, {"path", "/authorizationType"}, {"value", "COGNITO_USER_POOLS"}},
                                                           {{"op", "replace"}, {"path", "/authorizerId"}, {"value", f.authorizer}}}}});
  answer = f.invoke("GET", "/pets");
  CHECK(answer["statusCode"] == 200);
  CHECK_THAT(answer["reason"].get<std::string>(), Catch::Contains("has changed since deployment"));

  f.deploy();
  check_refused(f.invoke("GET", "/pets"), 401, "Unauthorized");
  check_refused(f.invoke("POST", "/pets"), 401, "Unauthorized");
  CHECK(f.with_token("POST", f.tokens["IdToken"])["statusCode"] == 200);
  CHECK_THAT(f.with_token("GET", f.tokens["IdToken"])["reason"].get<std::string>(), !Catch::Contains("has changed"));
}

TEST_CASE("Invoke is recorded in the event log with the gateway's answer and the rule that decided") {
  ApiGatewayFixture f;
  f.put("GET", "COGNITO_USER_POOLS");
  f.deploy();
  f.invoke("GET", "/pets");
  f.with_token("GET", f.tokens["IdToken"]);
  const Json events = f.s.ok("Sandbox.ListEvents", {{"MaxResults", 2}})["Events"];
  REQUIRE(events.size() == 2);
  CHECK(events[0]["Operation"] == "ApiGateway.Invoke");
  CHECK(events[0]["Outcome"] == "UnauthorizedException");
  CHECK(events[0]["Message"] == "401 Unauthorized");
  CHECK(events[0]["Status"] == 200);
  CHECK(events[0]["Rules"] == Json::array({"COGNITO_USER_POOLS: no token in the Authorization header"}));
  CHECK(events[1]["Outcome"] == "Success");
  CHECK(events[1]["UserPoolId"] == f.pool);
  CHECK(events[1]["Username"] == "carol");
  CHECK(events[1]["Rules"] == Json::array({"COGNITO_USER_POOLS: a valid token of one of the authorizer's user pools"}));
}

// --- Saved state ------------------------------------------------------------------

TEST_CASE("API Gateway survives export and import byte for byte, and the imported stage answers the same") {
  ApiGatewayFixture f;
  f.put("GET", "COGNITO_USER_POOLS", {{"authorizationScopes", {"aws.cognito.signin.user.admin"}}});
  f.deploy();
  f.put("POST", "NONE");  // not deployed: the current configuration differs from the stage's
  f.s.ok("ApiGateway.CreateDeployment", {{"restApiId", f.api}, {"description", "no stage"}});
  const std::string first = f.s.ok("Sandbox.ExportState", Json::object())["State"].dump();
  CHECK(Json::parse(first)["ApiGateway"]["RestApis"].size() == 1);

  Sandbox fresh;
  fresh.ok("Sandbox.ImportState", {{"State", Json::parse(first)}});
  CHECK(fresh.ok("Sandbox.ExportState", Json::object())["State"].dump() == first);
  const Json answer = fresh.ok("ApiGateway.Invoke", {{"restApiId", f.api}, {"stageName", "prod"}, {"httpMethod", "GET"},
                                                     {"path", "/pets"}, {"headers", {{"Authorization", f.tokens["AccessToken"]}}}});
  CHECK(answer["statusCode"] == 200);
  CHECK(fresh.ok("ApiGateway.Invoke", {{"restApiId", f.api}, {"stageName", "prod"}, {"httpMethod", "POST"}, {"path", "/pets"}})["statusCode"] == 403);
}

TEST_CASE("A state without API Gateway loads with none; a damaged one is refused naming the member; Reset clears it") {
  ApiGatewayFixture f;
  f.put("GET", "COGNITO_USER_POOLS");
  f.deploy();
  const Json good = f.s.ok("Sandbox.ExportState", Json::object())["State"];

  Json older = good;
  older.erase("ApiGateway");
  Sandbox fresh;
  fresh.ok("Sandbox.ImportState", {{"State", older}});
  CHECK(fresh.ok("ApiGateway.GetRestApis", Json::object())["items"] == Json::array());

  Json no_path = good;
  no_path["ApiGateway"]["RestApis"][0]["Resources"][1].erase("Path");
  Json bad_type = good;
  bad_type["ApiGateway"]["RestApis"][0]["Resources"][1]["Methods"][0]["AuthorizationType"] = "MAGIC";
  Json dangling = good;
  dangling["ApiGateway"]["RestApis"][0]["Stages"][0]["DeploymentId"] = "gone00";
  Json orphan = good;
  orphan["ApiGateway"]["RestApis"][0]["Authorizers"] = Json::array();
  const std::pair<Json, std::string> cases[] = {
      {no_path, "damaged at ApiGateway: RestApis[0].Resources[1]: key 'Path' not found"},
      {bad_type, "damaged at ApiGateway: RestApis[0].Resources[1].Methods[0]: AuthorizationType MAGIC is not an authorization type"},
      {dangling, "damaged at ApiGateway: RestApis[0].Stages[0]: its deployment gone00 does not exist"},
      {orphan, "RestApis[0].Resources[1]: GET names authorizer " + f.authorizer + ", which does not exist"},
  };
  const std::string before = fresh.ok("Sandbox.ExportState", Json::object())["State"].dump();
  for (const auto& [doc, reason] : cases) {
    INFO(reason);
    const ApiError e = fresh.error("Sandbox.ImportState", {{"State", doc}});
    CHECK(e.type == "InvalidParameterException");
    CHECK_THAT(e.message, Catch::Contains(reason));
    CHECK(fresh.ok("Sandbox.ExportState", Json::object())["State"].dump() == before);
  }

  f.s.ok("Sandbox.Reset", Json::object());
  CHECK(f.s.ok("ApiGateway.GetRestApis", Json::object())["items"] == Json::array());
}

TEST_CASE("Invoke with a custom scope: a client_credentials token carrying it is 200, an ID token is 401, as API Gateway answers") {
  ApiGatewayFixture f;
  f.s.ok("CreateUserPoolDomain", {{"UserPoolId", f.pool}, {"Domain", "orders-demo"}});
  f.s.ok("CreateResourceServer", {{"UserPoolId", f.pool}, {"Identifier", "orders"}, {"Name", "Orders"},
                                  {"Scopes", {{{"ScopeName", "read"}, {"ScopeDescription", "Read orders"}}}}});
  const Json machine = f.s.ok("CreateUserPoolClient", {{"UserPoolId", f.pool}, {"ClientName", "worker"}, {"GenerateSecret", true},
                                                       {"AllowedOAuthFlowsUserPoolClient", true}, {"AllowedOAuthFlows", {"client_credentials"}},
                                                       {"AllowedOAuthScopes", {"orders/read"}}})["UserPoolClient"];
  f.put("GET", "COGNITO_USER_POOLS", {{"authorizationScopes", {"orders/read"}}});
  f.deploy();
  // The token endpoint of the pool's domain, called as a machine client would.
  const Response token = f.s.call("HostedUI.Token", {{"Domain", "orders-demo"}, {"Method", "POST"},
                                                     {"Form", {{"grant_type", "client_credentials"}, {"client_id", machine["ClientId"]},
                                                               {"client_secret", machine["ClientSecret"]}}}});
  REQUIRE(token.status == 200);
  const Json issued = Json::parse(token.body["Body"].get<std::string>());
  Json answer = f.with_token("GET", issued["access_token"]);
  INFO(answer.dump(2));
  CHECK(answer["statusCode"] == 200);
  CHECK(answer["body"]["claims"]["scope"] == "orders/read");
  CHECK(status_of(answer["checks"], "scopes") == "passed");
  // A user's API sign-in gives aws.cognito.signin.user.admin only: no custom scope, so 401.
  check_refused(f.with_token("GET", f.tokens["AccessToken"]), 401, "Unauthorized");
  check_refused(f.with_token("GET", f.tokens["IdToken"]), 401, "Unauthorized");
}
