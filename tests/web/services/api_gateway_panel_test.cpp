// The API Gateway panel driven headlessly: an API protected with the lab
// pool by clicking and typing, as the lesson does it, then test requests
// with each kind of token. Outcomes are checked through the API and the API
// log, as a learner's script would.
#include "web/services/api_gateway_panel.h"

#include <catch2/catch.hpp>

#include "core/tokens/jwt.h"
#include "tests/web/ui_harness.h"
#include "web/services/api_gateway_tokens.h"
#include "web/shell/app.h"

using namespace userpool;
using test::AppUnderTest;

namespace {

// The lab pool with a user signed in, the session as Try it leaves it.
AppUnderTest::LabPool signed_in(AppUnderTest& t) {
  const auto lab = t.create_lab_pool();
  t.ok("AdminCreateUser", {{"UserPoolId", lab.pool_id}, {"Username", "ada@example.com"}, {"MessageAction", "SUPPRESS"},
                           {"UserAttributes", {{{"Name", "name"}, {"Value", "Ada"}}}}});
  t.ok("AdminSetUserPassword", {{"UserPoolId", lab.pool_id}, {"Username", "ada@example.com"}, {"Password", "Passw0rd!"},
                                {"Permanent", true}});
  const Json tokens = t.ok("InitiateAuth", {{"ClientId", lab.client_id}, {"AuthFlow", "USER_PASSWORD_AUTH"},
                                            {"AuthParameters", {{"USERNAME", "ada@example.com"}, {"PASSWORD", "Passw0rd!"}}}})
                          ["AuthenticationResult"];
  t.app->context().session = test::signed_in_session(lab.pool_id, lab.client_id, "ada@example.com", tokens);
  return lab;
}

// What the gateway answered to the last test request, from the API log.
Json last_answer(AppUnderTest& t) {
  const auto& log = t.app->api().log();
  for (auto it = log.rbegin(); it != log.rend(); ++it)
    if (it->operation == "ApiGateway.Invoke") return it->response;
  FAIL("no ApiGateway.Invoke in the API log");
  return Json();
}

// Sends a test request with the token chosen; returns the gateway's status code.
int send_with(AppUnderTest& t, const char* token) {
  const std::size_t calls = t.app->api().log().size();
  choose(t, "apigw.test_token", token);
  REQUIRE(t.click("apigw.send"));
  REQUIRE(t.app->api().log().size() == calls + 1);
  const Json answer = last_answer(t);
  INFO(answer.dump(2));
  CHECK_FALSE(answer["reason"].get<std::string>().empty());
  CHECK(shown(t, "apigw.response.status"));
  CHECK(t.shown("apigw.response.reason"));
  return answer["statusCode"];
}

std::string pool_arn(AppUnderTest& t, const std::string& pool) {
  return t.ok("DescribeUserPool", {{"UserPoolId", pool}})["UserPool"]["Arn"];
}

// GET /pets behind a COGNITO_USER_POOLS authorizer of the pool, deployed to
// "prod", made through the API.
std::string protected_api(AppUnderTest& t, const std::string& pool) {
  const std::string api = t.ok("ApiGateway.CreateRestApi", {{"name", "pets-api"}})["id"];
  const std::string root = t.ok("ApiGateway.GetRestApi", {{"restApiId", api}})["rootResourceId"];
  const std::string pets = t.ok("ApiGateway.CreateResource", {{"restApiId", api}, {"parentId", root}, {"pathPart", "pets"}})["id"];
  const std::string authorizer = t.ok("ApiGateway.CreateAuthorizer", {{"restApiId", api}, {"name", "users"}, {"type", "COGNITO_USER_POOLS"},
                                                                      {"providerARNs", {pool_arn(t, pool)}}})["id"];
  t.ok("ApiGateway.PutMethod", {{"restApiId", api}, {"resourceId", pets}, {"httpMethod", "GET"},
                                {"authorizationType", "COGNITO_USER_POOLS"}, {"authorizerId", authorizer}});
  t.ok("ApiGateway.CreateDeployment", {{"restApiId", api}, {"stageName", "prod"}});
  return api;
}

}  // namespace

TEST_CASE("Protect an API with the user pool by clicking, then call it with no token, the ID token and a tampered one") {
  AppUnderTest t;
  const auto lab = signed_in(t);
  REQUIRE(t.click("nav.api_gateway"));
  CHECK_FALSE(shown(t, "apigw.resource_path"));  // the later steps wait for an API

  REQUIRE(t.type("apigw.api_name", "pets-api"));
  REQUIRE(t.click("apigw.create_api"));
  const Json apis = t.ok("ApiGateway.GetRestApis", Json::object())["items"];
  REQUIRE(apis.size() == 1);
  CHECK(apis[0]["name"] == "pets-api");
  const std::string api = apis[0]["id"];

  // Deploying an API without methods is refused, and the refusal is shown in its step.
  REQUIRE(t.click("apigw.deploy"));
  CHECK(shown(t, "apigw.error.deploy"));
  CHECK(t.ok("ApiGateway.GetStages", {{"restApiId", api}})["item"].empty());

  REQUIRE(t.type("apigw.resource_path", "/pets"));
  REQUIRE(t.click("apigw.create_resource"));
  CHECK(shown(t, "apigw.resource./pets"));
  const Json resources = t.ok("ApiGateway.GetResources", {{"restApiId", api}})["items"];
  REQUIRE(resources.size() == 2);
  CHECK(resources[1]["path"] == "/pets");
  const std::string pets = resources[1]["id"];

  REQUIRE(t.type("apigw.authorizer_name", "users"));
  choose(t, "apigw.authorizer_pool", lab.pool_id);
  REQUIRE(t.click("apigw.create_authorizer"));
  const Json authorizers = t.ok("ApiGateway.GetAuthorizers", {{"restApiId", api}})["items"];
  REQUIRE(authorizers.size() == 1);
  CHECK(authorizers[0]["type"] == "COGNITO_USER_POOLS");
  CHECK(authorizers[0]["providerARNs"] == Json::array({pool_arn(t, lab.pool_id)}));
  CHECK(authorizers[0]["identitySource"] == "method.request.header.Authorization");
  const std::string authorizer = authorizers[0]["id"];

  choose(t, "apigw.method", "GET");
  choose(t, "apigw.authorization_type", "COGNITO_USER_POOLS");
  choose(t, "apigw.method_authorizer", authorizer);
  REQUIRE(t.click("apigw.put_method"));
  const Json method = t.ok("ApiGateway.GetMethod", {{"restApiId", api}, {"resourceId", pets}, {"httpMethod", "GET"}});
  CHECK(method["authorizationType"] == "COGNITO_USER_POOLS");
  CHECK(method["authorizerId"] == authorizer);
  CHECK_FALSE(method.contains("authorizationScopes"));

  REQUIRE(t.click("apigw.deploy"));
  const Json stages = t.ok("ApiGateway.GetStages", {{"restApiId", api}})["item"];
  REQUIRE(stages.size() == 1);
  CHECK(stages[0]["stageName"] == "prod");
  CHECK_FALSE(shown(t, "apigw.error.deploy"));

  CHECK(send_with(t, "none") == 401);
  CHECK(last_answer(t)["url"] == "https://" + api + ".execute-api.us-east-1.amazonaws.com/prod/pets");
  CHECK(send_with(t, "id") == 200);
  CHECK(last_answer(t)["body"]["claims"]["email"] == "ada@example.com");
  CHECK(send_with(t, "tampered") == 401);
  CHECK_THAT(last_answer(t)["reason"].get<std::string>(), Catch::Contains("signature"));
  // A method without scopes takes ID tokens only.
  CHECK(send_with(t, "access") == 401);
  CHECK_THAT(last_answer(t)["reason"].get<std::string>(), Catch::Contains("ID token"));
}

TEST_CASE("An AWS_IAM method refuses a user pool token with 403 once the change is deployed") {
  AppUnderTest t;
  const auto lab = signed_in(t);
  const std::string api = protected_api(t, lab.pool_id);
  REQUIRE(t.click("nav.api_gateway"));
  CHECK(send_with(t, "id") == 200);

  // The form shows the method as it is; switching it to AWS_IAM saves it with UpdateMethod.
  choose(t, "apigw.authorization_type", "AWS_IAM");
  REQUIRE(t.click("apigw.put_method"));
  CHECK(t.app->api().log().back().operation == "ApiGateway.UpdateMethod");
  const std::string pets = t.ok("ApiGateway.GetResources", {{"restApiId", api}})["items"][1]["id"];
  const Json method = t.ok("ApiGateway.GetMethod", {{"restApiId", api}, {"resourceId", pets}, {"httpMethod", "GET"}});
  CHECK(method["authorizationType"] == "AWS_IAM");
  CHECK_FALSE(method.contains("authorizerId"));

  // Not live until deployed: the stage still runs the user pool authorizer.
  CHECK(shown(t, "apigw.undeployed"));
  CHECK(send_with(t, "id") == 200);
  REQUIRE(t.click("apigw.deploy"));
  CHECK_FALSE(shown(t, "apigw.undeployed"));
  CHECK(send_with(t, "id") == 403);
  CHECK(last_answer(t)["headers"]["x-amzn-ErrorType"] == "IncompleteSignatureException");
}

TEST_CASE("An expired ID token: the panel moves the clock past its expiry, and the authorizer refuses it") {
  AppUnderTest t;
  const auto lab = signed_in(t);
  protected_api(t, lab.pool_id);
  REQUIRE(t.click("nav.api_gateway"));
  choose(t, "apigw.test_token", "expired");
  REQUIRE(t.click("apigw.expire_token"));
  CHECK(t.app->api().log().back().operation == "Sandbox.AdvanceClock");
  CHECK_FALSE(shown(t, "apigw.expire_token"));  // nothing left to advance
  CHECK(send_with(t, "expired") == 401);
  CHECK(last_answer(t)["body"]["message"] == "The incoming token has expired");
}

TEST_CASE("A pasted token is sent as it is; without a session the token choices ask to sign in first") {
  AppUnderTest t;
  const auto lab = t.create_lab_pool();
  protected_api(t, lab.pool_id);
  REQUIRE(t.click("nav.api_gateway"));
  choose(t, "apigw.test_token", "id");
  CHECK(shown(t, "apigw.open_try_it"));
  const std::size_t calls = t.app->api().log().size();
  REQUIRE(t.click("apigw.send"));
  CHECK(t.app->api().log().size() == calls);  // nothing to send
  CHECK(shown(t, "apigw.error.test"));

  choose(t, "apigw.test_token", "pasted");
  REQUIRE(t.type("apigw.pasted_token", "not-a-token"));
  REQUIRE(t.click("apigw.send"));
  CHECK_FALSE(shown(t, "apigw.error.test"));
  const Json answer = last_answer(t);
  CHECK(answer["statusCode"] == 401);
  CHECK_THAT(answer["reason"].get<std::string>(), Catch::Contains("does not hold a JWT"));
}

TEST_CASE("A tampered token keeps the header and signature and changes the payload; tokens are shortened for display") {
  const std::string token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIiwiZXhwIjoxNzY4NDc0ODAwfQ.c2lnbmF0dXJl";
  const std::string changed = web::tampered_token(token);
  const auto before = decode_jwt(token), after = decode_jwt(changed);
  REQUIRE(before);
  REQUIRE(after);
  CHECK(after->header_b64 == before->header_b64);
  CHECK(after->signature_b64 == before->signature_b64);
  CHECK(after->payload["sub"] == "1");
  CHECK(after->payload["cognito:groups"] == Json::array({"admins"}));
  CHECK(web::tampered_token("not a token").empty());
  CHECK(web::token_expiry(token) == 1768474800);

  const std::string shortened = web::shortened_token(token);
  CHECK(shortened.rfind(token.substr(0, 16), 0) == 0);
  CHECK_THAT(shortened, Catch::Contains("...") && Catch::Contains("(72 characters)"));
  CHECK(web::shortened_token("short") == "short");
  CHECK(web::http_status_line(401) == "401 Unauthorized");
  CHECK(web::duration_text(3660) == "1 h 1 min");
}

TEST_CASE("A machine token from the Hosted UI view is a test request's token; a method that wants its scope takes it") {
  AppUnderTest t;
  const auto lab = signed_in(t);
  const std::string api = protected_api(t, lab.pool_id);
  t.ok("CreateUserPoolDomain", {{"UserPoolId", lab.pool_id}, {"Domain", "lab-machines"}});
  t.ok("CreateResourceServer", {{"UserPoolId", lab.pool_id}, {"Identifier", "pets"}, {"Name", "Pets"},
                                {"Scopes", {{{"ScopeName", "read"}, {"ScopeDescription", "Read"}}}}});
  const std::string worker = t.ok("CreateUserPoolClient", {{"UserPoolId", lab.pool_id}, {"ClientName", "worker"}, {"GenerateSecret", true},
                                                           {"AllowedOAuthFlowsUserPoolClient", true}, {"AllowedOAuthFlows", {"client_credentials"}},
                                                           {"AllowedOAuthScopes", {"pets/read"}}})["UserPoolClient"]["ClientId"];
  const std::string pets = t.ok("ApiGateway.GetResources", {{"restApiId", api}})["items"][1]["id"];
  t.ok("ApiGateway.UpdateMethod", {{"restApiId", api}, {"resourceId", pets}, {"httpMethod", "GET"},
                                   {"patchOperations", {{{"op", "add"}, {"path", "/authorizationScopes"}, {"value", "pets/read"}}}}});
  t.ok("ApiGateway.CreateDeployment", {{"restApiId", api}, {"stageName", "prod"}});

  // No machine token yet: the form says where to get one and sends nothing.
  REQUIRE(t.click("nav.api_gateway"));
  choose(t, "apigw.test_token", "machine");
  const std::size_t calls = t.app->api().log().size();
  REQUIRE(t.click("apigw.send"));
  CHECK(t.app->api().log().size() == calls);
  CHECK(shown(t, "apigw.error.test"));
  REQUIRE(t.click("apigw.open_hosted"));
  CHECK(t.app->context().view == web::View::kHostedUi);
  t.app->hosted_ui().choose(lab.pool_id, worker);
  t.frames(1);
  REQUIRE(t.click("hosted.machine"));
  CHECK(t.app->context().session.machine_client_id == worker);
  CHECK(t.app->context().session.machine_token == t.app->hosted_ui().machine_token()["access_token"]);
  // The user's session is still there beside it.
  CHECK(t.app->context().session.signed_in());

  REQUIRE(t.click("nav.api_gateway"));
  CHECK(send_with(t, "id") == 401);       // an ID token has no scope
  CHECK(send_with(t, "access") == 401);   // the user's access token lacks pets/read
  CHECK(send_with(t, "machine") == 200);
  const Json answer = last_answer(t);
  CHECK(answer["body"]["claims"]["client_id"] == worker);
  CHECK(answer["body"]["claims"]["scope"] == "pets/read");
}
