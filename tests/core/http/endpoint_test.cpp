// The endpoint's HTTP answers without a socket: routing by X-Amz-Target,
// Cognito's error shape in body and headers, request IDs, CORS, the
// well-known documents, the status page, and what it tells the server
// (changes, messages sent).
#include "core/base/html.h"
#include "core/http/endpoint.h"

#include <set>

#include "core/api/door.h"
#include "core/base/identifiers.h"
#include "core/http/status_page.h"
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;

namespace {

HttpRequest api(std::string target, std::string body, std::string content_type = "application/x-amz-json-1.1") {
  HttpRequest r{"POST", "/", {{"Content-Type", std::move(content_type)}}, std::move(body), {}};
  if (!target.empty()) r.headers.emplace_back("X-Amz-Target", std::move(target));
  return r;
}

HttpRequest get(std::string path) { return HttpRequest{"GET", std::move(path), {}, {}, {}}; }

Json body_of(const EndpointAnswer& a) { return Json::parse(a.response.body); }

}  // namespace

TEST_CASE("Endpoint: POST / with X-Amz-Target calls the operation, in JSON 1.1, 1.0 or plain JSON") {
  Sandbox s;
  AccountDoor door(s.account);
  Endpoint endpoint(door);
  const auto created = endpoint.answer(api("AWSCognitoIdentityProviderService.CreateUserPool", R"({"PoolName":"web"})"));
  CHECK(created.response.status == 200);
  CHECK(created.what == "CreateUserPool");
  CHECK(created.may_have_changed);
  CHECK(created.response.header("Content-Type") == "application/x-amz-json-1.1");
  CHECK(body_of(created)["UserPool"]["Name"] == "web");

  const auto listed = endpoint.answer(api("AWSCognitoIdentityProviderService.ListUserPools", R"({"MaxResults":10})",
                                          "application/x-amz-json-1.0"));
  CHECK(listed.response.status == 200);
  CHECK_FALSE(listed.may_have_changed);  // a read
  CHECK(listed.response.header("Content-Type") == "application/x-amz-json-1.0");
  CHECK(body_of(listed)["UserPools"].size() == 1);

  const auto plain = endpoint.answer(api("AWSCognitoIdentityProviderService.ListUserPools", R"({"MaxResults":10})", "application/json"));
  CHECK(plain.response.status == 200);
  // The sandbox's own operations, under their prefix.
  const auto clock = endpoint.answer(api("Sandbox.GetClock", ""));
  CHECK(clock.response.status == 200);
  CHECK(body_of(clock).contains("NowMillis"));
}

TEST_CASE("Endpoint: errors are HTTP 400 with __type and message, the type in x-amzn-ErrorType, and a request ID always") {
  Sandbox s;
  AccountDoor door(s.account);
  Endpoint endpoint(door);
  const auto missing = endpoint.answer(api("AWSCognitoIdentityProviderService.DescribeUserPool", R"({"UserPoolId":"us-east-1_Nope1"})"));
  CHECK(missing.response.status == 400);
  CHECK(body_of(missing) == Json{{"__type", "ResourceNotFoundException"}, {"message", "User pool us-east-1_Nope1 does not exist."}});
  // As Cognito sends it, the type then a colon.
  CHECK(missing.response.header("x-amzn-ErrorType") == "ResourceNotFoundException:");
  CHECK(missing.response.header("x-amzn-ErrorMessage") == "User pool us-east-1_Nope1 does not exist.");

  const auto not_json = endpoint.answer(api("AWSCognitoIdentityProviderService.ListUserPools", "{not json"));
  CHECK(not_json.response.status == 400);
  CHECK(body_of(not_json)["__type"] == "SerializationException");

  const auto no_target = endpoint.answer(api("", "{}"));
  CHECK(no_target.response.status == 400);
  CHECK(body_of(no_target)["__type"] == "UnknownOperationException");
  CHECK(body_of(no_target)["message"].get<std::string>().find("X-Amz-Target") != std::string::npos);

  const auto unknown = endpoint.answer(api("AWSCognitoIdentityProviderService.FlyToTheMoon", "{}"));
  CHECK(unknown.response.status == 400);
  CHECK(body_of(unknown)["__type"] == "UnknownOperationException");

  // A fresh request ID on every answer, errors included.
  std::set<std::string> ids;
  for (const auto* a : {&missing, &not_json, &no_target, &unknown}) {
    const auto id = a->response.header("x-amzn-RequestId");
    REQUIRE(id);
    CHECK(is_uuid(*id));
    ids.insert(*id);
  }
  CHECK(ids.size() == 4);
}

TEST_CASE("Endpoint: a body over 1 MiB is refused; the next request is answered") {
  Sandbox s;
  AccountDoor door(s.account);
  Endpoint endpoint(door);
  const auto big = endpoint.answer(api("AWSCognitoIdentityProviderService.ListUserPools", std::string(Endpoint::kMaxBodyBytes + 1, ' ')));
  CHECK(big.response.status == 413);
  CHECK(body_of(big)["__type"] == "RequestEntityTooLargeException");
  CHECK_FALSE(big.may_have_changed);
  CHECK(endpoint.answer(api("AWSCognitoIdentityProviderService.ListUserPools", R"({"MaxResults":1})")).response.status == 200);
}

TEST_CASE("Endpoint: CORS preflights echo the asked headers, and every answer lets a page on any origin read it") {
  Sandbox s;
  AccountDoor door(s.account);
  Endpoint endpoint(door);
  const HttpRequest preflight{"OPTIONS", "/",
                              {{"Origin", "http://localhost:3000"},
                               {"Access-Control-Request-Method", "POST"},
                               {"Access-Control-Request-Headers", "content-type,x-amz-target,x-amz-user-agent,amz-sdk-invocation-id,amz-sdk-request"},
                               {"Access-Control-Request-Private-Network", "true"}},
                              {},
                              {}};
  const auto answer = endpoint.answer(preflight).response;
  CHECK(answer.status == 200);
  CHECK(answer.body.empty());
  CHECK(answer.header("Access-Control-Allow-Origin") == "http://localhost:3000");
  CHECK(answer.header("Access-Control-Allow-Credentials") == "true");
  CHECK(answer.header("Access-Control-Allow-Headers") == "content-type,x-amz-target,x-amz-user-agent,amz-sdk-invocation-id,amz-sdk-request");
  CHECK(answer.header("Access-Control-Allow-Methods") == "GET, POST, OPTIONS");
  CHECK(answer.header("Access-Control-Allow-Private-Network") == "true");
  CHECK(answer.header("Access-Control-Max-Age") == "172800");

  const auto call = endpoint.answer(api("AWSCognitoIdentityProviderService.ListUserPools", R"({"MaxResults":1})")).response;
  CHECK(call.header("Access-Control-Allow-Origin") == "*");
  CHECK(call.header("Access-Control-Expose-Headers") == "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date");
  // A header value cannot be split by an Origin with a line break in it.
  HttpRequest sly = api("AWSCognitoIdentityProviderService.ListUserPools", "{}");
  sly.headers.emplace_back("Origin", "http://a\r\nSet-Cookie: x=1");
  CHECK(endpoint.answer(sly).response.header("Access-Control-Allow-Origin") == "http://a  Set-Cookie: x=1");
}

TEST_CASE("Endpoint: the pool's JWKS and OpenID configuration at /<poolId>/.well-known/, 404 for a pool that does not exist") {
  Sandbox s;
  AccountDoor door(s.account);
  Endpoint endpoint(door);
  const std::string pool = s.create_pool();
  const auto jwks = endpoint.answer(get("/" + pool + "/.well-known/jwks.json"));
  CHECK(jwks.response.status == 200);
  CHECK(jwks.response.header("Content-Type") == "application/json");
  CHECK(body_of(jwks) == s.ok("Sandbox.GetJwks", {{"UserPoolId", pool}}));
  const auto discovery = endpoint.answer(get("/" + pool + "/.well-known/openid-configuration"));
  CHECK(discovery.response.status == 200);
  CHECK(body_of(discovery)["jwks_uri"] == "https://cognito-idp.us-east-1.amazonaws.com/" + pool + "/.well-known/jwks.json");
  CHECK(endpoint.answer(get("/us-east-1_Missing1/.well-known/jwks.json")).response.status == 404);
  CHECK(endpoint.answer(get("/" + pool + "/.well-known/other.json")).response.status == 404);
  CHECK(endpoint.answer(get("/health")).response.body == R"({"ok":true})");
  const auto nowhere = endpoint.answer(get("/nowhere"));
  CHECK(nowhere.response.status == 404);
  CHECK(body_of(nowhere)["message"].get<std::string>().find("POST /") != std::string::npos);
}

TEST_CASE("Endpoint: the messages a request made the pools send are handed to the server once, oldest first") {
  Sandbox s;
  AccountDoor door(s.account);
  const std::string pool = s.create_pool(Json{{"PoolName", "p"}, {"AutoVerifiedAttributes", {"email"}}});
  const std::string client = s.create_client(pool);
  s.ok("SignUp", {{"ClientId", client}, {"Username", "before"}, {"Password", "Passw0rd!"}, {"UserAttributes", attrs({{"email", "b@example.com"}})}});
  Endpoint endpoint(door);  // what was sent before it started is not news
  const auto sign_up = endpoint.answer(api("AWSCognitoIdentityProviderService.SignUp",
                                           Json{{"ClientId", client}, {"Username", "ana"}, {"Password", "Passw0rd!"},
                                                {"UserAttributes", attrs({{"email", "ana@example.com"}})}}
                                               .dump()));
  REQUIRE(sign_up.response.status == 200);
  REQUIRE(sign_up.sent_messages.size() == 1);
  CHECK(sign_up.sent_messages[0]["Destination"] == "ana@example.com");
  CHECK(sign_up.sent_messages[0]["Code"] == s.last_code("ana@example.com"));
  const auto resend = endpoint.answer(api("AWSCognitoIdentityProviderService.ResendConfirmationCode",
                                          Json{{"ClientId", client}, {"Username", "ana"}}.dump()));
  REQUIRE(resend.sent_messages.size() == 1);
  CHECK(resend.sent_messages[0]["Purpose"] != "");
  CHECK(endpoint.answer(api("AWSCognitoIdentityProviderService.ListUsers", Json{{"UserPoolId", pool}}.dump())).sent_messages.empty());
  // After a reset the numbering starts again, and new messages still come through.
  endpoint.answer(api("Sandbox.Reset", "{}"));
  const std::string pool2 = s.create_pool(Json{{"PoolName", "p2"}, {"AutoVerifiedAttributes", {"email"}}});
  const std::string client2 = s.create_client(pool2);
  const auto again = endpoint.answer(api("AWSCognitoIdentityProviderService.SignUp",
                                         Json{{"ClientId", client2}, {"Username", "bo"}, {"Password", "Passw0rd!"},
                                              {"UserAttributes", attrs({{"email", "bo@example.com"}})}}
                                             .dump()));
  REQUIRE(again.sent_messages.size() == 1);
  CHECK(again.sent_messages[0]["Destination"] == "bo@example.com");
}

TEST_CASE("Endpoint: GET / is a page listing the pools, their users and the latest codes, with everything escaped") {
  Sandbox s;
  AccountDoor door(s.account);
  const std::string pool = s.create_pool(Json{{"PoolName", "shop"}, {"AutoVerifiedAttributes", {"email"}}});
  const std::string client = s.create_client(pool);
  s.ok("SignUp", {{"ClientId", client}, {"Username", "<script>ana"}, {"Password", "Passw0rd!"},
                  {"UserAttributes", attrs({{"email", "ana@example.com"}})}});
  Endpoint endpoint(door);
  HttpRequest request = get("/");
  request.headers.emplace_back("Host", "127.0.0.1:9229");
  const auto page = endpoint.answer(request).response;
  CHECK(page.status == 200);
  CHECK(page.header("Content-Type") == "text/html; charset=utf-8");
  CHECK(page.body.find("shop") != std::string::npos);
  CHECK(page.body.find("&lt;script&gt;ana") != std::string::npos);
  CHECK(page.body.find("<script>") == std::string::npos);
  CHECK(page.body.find("ana@example.com") != std::string::npos);
  CHECK(page.body.find(s.last_code("ana@example.com")) != std::string::npos);
  CHECK(page.body.find("--endpoint-url http://127.0.0.1:9229") != std::string::npos);
  CHECK(html_escape("a&b\"'") == "a&amp;b&quot;&#39;");
}
