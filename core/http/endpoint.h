// The sandbox over HTTP, as real clients expect Cognito's endpoint to answer
// (the AWS CLI, boto3, the AWS SDKs, amazon-cognito-identity-js, Amplify,
// aws-jwt-verify, OIDC libraries). Free of any server library: the native
// server (tools/serve) hands each request here, and anything else that can
// make an HttpRequest can too. Every operation goes through the door.
//
// Routes:
//   POST /   the JSON API. X-Amz-Target names the operation:
//            AWSCognitoIdentityProviderService.<Op> (Cognito's), Sandbox.<Op>
//            (the sandbox's own: the inbox, the clock, export and import), and
//            the connected services' prefixes. Bodies in JSON 1.1, JSON 1.0 or
//            plain JSON. Errors are HTTP 400 (500 only for a fault of the
//            sandbox) with {"__type", "message"} and the same type in
//            x-amzn-ErrorType, as Cognito answers.
//   GET /health                                    {"ok": true}
//   GET /<userPoolId>/.well-known/jwks.json        the pool's signing keys
//   GET /<userPoolId>/.well-known/openid-configuration
//   GET /    a page for a person: the pools, their users, the latest messages
//   OPTIONS <any path>   CORS preflight, for web apps on other origins
//   /domain/<domain>/... each pool's domain: the hosted UI and the OAuth 2.0
//            endpoints (core/http/hosted_routes.h), when the server sets
//            Account::hosted_origin to its own address
//   /provider/<host>/... the simulated identity providers a pool federates
//            with (core/http/provider_routes.h): /provider/accounts.google.com/
//            o/oauth2/v2/auth stands for https://accounts.google.com/o/oauth2/v2/auth
// Every answer carries x-amzn-RequestId and the CORS headers.
//
// Requests are not authenticated: the signature AWS clients put on
// administrative calls is accepted whatever it is, as every local Cognito
// emulator does (the secret key cannot be known). That is why the server
// listens on the loopback address unless told otherwise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/api/door.h"
#include "core/base/json.h"
#include "core/base/random.h"
#include "core/http/http_message.h"

namespace userpool {

// What the endpoint did with a request, for the server around it.
struct EndpointAnswer {
  HttpResponse response;
  // What was asked, for the server's log line: the operation ("SignUp",
  // "Sandbox.ListMessages") or the route ("GET /health").
  std::string what;
  // An operation that may change the sandbox was called (also when it
  // failed: a failed sign-in still counts toward lockout), so a server that
  // keeps the state in a file must save it before answering.
  bool may_have_changed = false;
  // The messages the user pools sent while answering, oldest first, as
  // Sandbox.ListMessages lists them: a server prints them for the developer.
  Json sent_messages = Json::array();
};

class Endpoint {
 public:
  // The largest request body accepted (1 MiB; Cognito's own requests are
  // far smaller, the largest being an imported sandbox state).
  static constexpr std::size_t kMaxBodyBytes = 1024 * 1024;

  explicit Endpoint(Door& door, RandomSource& random = secure_random());

  // Not thread-safe: one request at a time (the engine behind the door is
  // single-threaded; the server serialises calls).
  EndpointAnswer answer(const HttpRequest& request);

  // The answer to a request the server could not hand over whole (a body
  // over the limit, malformed HTTP): the same error shape, request ID and
  // CORS headers as every other answer.
  HttpResponse refusal(const HttpRequest& request, int status, std::string_view type, std::string_view message);
  // The refusal of a body over kMaxBodyBytes (413).
  HttpResponse too_large(const HttpRequest& request);

 private:
  EndpointAnswer api_call(const HttpRequest& request);
  EndpointAnswer hosted(const HttpRequest& request);
  EndpointAnswer provider(const HttpRequest& request);
  EndpointAnswer well_known(const HttpRequest& request, const std::string& pool_id, std::string_view document);
  // Messages sent since the last look (and moves the cursor past them).
  Json new_messages(bool sandbox_replaced);
  HttpResponse json_answer(const HttpRequest& request, int status, const Json& body, std::string content_type);
  void finish(const HttpRequest& request, HttpResponse& response);

  Door& door_;
  RandomSource& random_;
  std::uint64_t last_message_id_ = 0;
};

// CORS, as Cognito answers browsers: a preflight's answer, and the headers
// every answer carries.
HttpResponse cors_preflight(const HttpRequest& request);
void add_cors_headers(const HttpRequest& request, HttpResponse& response);

}  // namespace userpool
