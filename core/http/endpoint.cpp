#include "core/http/endpoint.h"

#include <algorithm>

#include "core/api/registry.h"
#include "core/base/identifiers.h"
#include "core/http/hosted_routes.h"
#include "core/http/provider_routes.h"
#include "core/http/status_page.h"

namespace userpool {

namespace {

constexpr std::string_view kCognitoTarget = "AWSCognitoIdentityProviderService.";
constexpr std::string_view kWellKnown = "/.well-known/";
// Where each pool's domain is served: /domain/<domain>/... (Account::hosted_origin).
constexpr std::string_view kDomainPrefix = "/domain/";
// Where the simulated identity providers are served: /provider/<host>/...
// stands for https://<host>/... (simulated_idp::served_url).
constexpr std::string_view kProviderPrefix = "/provider/";

std::string dump(const Json& body) { return body.dump(-1, ' ', false, Json::error_handler_t::replace); }

// A header value as it may be sent: no line breaks (which would end the
// header) and no control characters; other bytes pass.
std::string header_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) out.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c);
  return out;
}

bool has_content_type(const HttpRequest& request, std::string_view type) {
  const auto value = request.header("Content-Type");
  return value && value->find(type) != std::string::npos;
}

}  // namespace

HttpResponse cors_preflight(const HttpRequest& request) {
  HttpResponse r;
  r.status = 200;
  r.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
  // The requested headers are allowed as asked, as Cognito answers (the SDKs
  // add their own, such as amz-sdk-invocation-id, from version to version).
  if (const auto asked = request.header("Access-Control-Request-Headers"))
    r.set_header("Access-Control-Allow-Headers", header_safe(*asked));
  r.set_header("Access-Control-Max-Age", "172800");
  // A page on a public origin calling a private address (Chromium's Private
  // Network Access) asks this too.
  if (request.header("Access-Control-Request-Private-Network") == "true")
    r.set_header("Access-Control-Allow-Private-Network", "true");
  add_cors_headers(request, r);
  return r;
}

void add_cors_headers(const HttpRequest& request, HttpResponse& response) {
  // Any origin: this is a local development endpoint. A page that sends
  // credentials (fetch with credentials: "include") cannot be answered with
  // "*", so a named origin is echoed, with Vary so caches keep them apart.
  if (const auto origin = request.header("Origin")) {
    response.set_header("Access-Control-Allow-Origin", header_safe(*origin));
    response.set_header("Access-Control-Allow-Credentials", "true");
    response.set_header("Vary", "Origin");
  } else {
    response.set_header("Access-Control-Allow-Origin", "*");
  }
  response.set_header("Access-Control-Expose-Headers", "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date");
}

Endpoint::Endpoint(Door& door, RandomSource& random) : door_(door), random_(random) { new_messages(true); }

void Endpoint::finish(const HttpRequest& request, HttpResponse& response) {
  response.set_header("x-amzn-RequestId", generate_uuid_v4(random_));
  add_cors_headers(request, response);
}

HttpResponse Endpoint::json_answer(const HttpRequest& request, int status, const Json& body, std::string content_type) {
  HttpResponse r;
  r.status = status;
  r.body = dump(body);
  r.set_header("Content-Type", std::move(content_type));
  if (status >= 400 && body.contains("__type")) {
    const std::string type = body.value("__type", "");
    // As Cognito sends it: the type, then a colon (clients split on it).
    r.set_header("x-amzn-ErrorType", header_safe(type) + ":");
    r.set_header("x-amzn-ErrorMessage", header_safe(body.value("message", "")));
  }
  finish(request, r);
  return r;
}

HttpResponse Endpoint::refusal(const HttpRequest& request, int status, std::string_view type, std::string_view message) {
  return json_answer(request, status, Json{{"__type", type}, {"message", message}}, "application/x-amz-json-1.1");
}

HttpResponse Endpoint::too_large(const HttpRequest& request) {
  return refusal(request, 413, "RequestEntityTooLargeException",
                 "The request body is over " + std::to_string(kMaxBodyBytes) + " bytes (1 MiB), the most the endpoint accepts.");
}

Json Endpoint::new_messages(bool sandbox_replaced) {
  if (sandbox_replaced) {
    // An imported or reset sandbox numbers its messages anew; what it holds
    // was sent before, not now.
    const Response newest = door_.read("Sandbox.ListMessages", Json{{"MaxResults", 1}});
    const Json& list = newest.body["Messages"];
    last_message_id_ = list.empty() ? 0 : list[0].value("MessageId", std::uint64_t{0});
    return Json::array();
  }
  const Response r = door_.read("Sandbox.ListMessages", Json{{"AfterMessageId", last_message_id_}, {"MaxResults", 10000}});
  Json sent = r.body.value("Messages", Json::array());
  std::reverse(sent.begin(), sent.end());  // oldest first
  if (!sent.empty()) last_message_id_ = sent.back().value("MessageId", last_message_id_);
  return sent;
}

EndpointAnswer Endpoint::api_call(const HttpRequest& request) {
  EndpointAnswer a;
  const std::string content_type =
      has_content_type(request, "application/x-amz-json-1.0") ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1";
  const auto target = request.header("X-Amz-Target");
  if (!target || target->empty()) {
    a.what = "POST / (no X-Amz-Target)";
    a.response = json_answer(request, 400,
                             Json{{"__type", "UnknownOperationException"},
                                  {"message", "The request has no X-Amz-Target header naming the operation, e.g. "
                                              "X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools"}},
                             content_type);
    return a;
  }
  // Cognito's operations are registered under their bare names; the
  // sandbox's own and the connected services' keep their prefixes.
  std::string operation = *target;
  if (operation.starts_with(kCognitoTarget)) operation.erase(0, kCognitoTarget.size());
  a.what = operation;

  const Response response = call_text(door_, operation, request.body);
  const RegisteredOperation* known = find_operation(operation);
  a.may_have_changed = known != nullptr && known->spec->kind != OperationKind::kRead;
  const bool replaced = operation == "Sandbox.ImportState" || operation == "Sandbox.Reset";
  if (a.may_have_changed) a.sent_messages = new_messages(replaced && response.status == 200);
  a.response = json_answer(request, response.status, response.body, content_type);
  return a;
}

EndpointAnswer Endpoint::well_known(const HttpRequest& request, const std::string& pool_id, std::string_view document) {
  EndpointAnswer a;
  a.what = "GET /" + pool_id + std::string(kWellKnown) + std::string(document);
  const std::string operation = document == "jwks.json" ? "Sandbox.GetJwks" : "Sandbox.GetOpenIdConfiguration";
  const Response r = door_.read(operation, Json{{"UserPoolId", pool_id}});
  // A pool that does not exist has no keys to serve: 404, with Cognito's
  // error in the body. (UNVERIFIED: the status Cognito answers here; 404 is
  // what a missing document is.)
  const int status = r.status == 200 ? 200 : r.status >= 500 ? r.status : 404;
  a.response = json_answer(request, status, r.body, "application/json");
  return a;
}

EndpointAnswer Endpoint::hosted(const HttpRequest& request) {
  EndpointAnswer a;
  const std::string rest = request.path.substr(kDomainPrefix.size());
  const auto slash = rest.find('/');
  const std::string domain = rest.substr(0, slash);
  const std::string path = slash == std::string::npos ? "/" : rest.substr(slash);
  // Apps call the token, userInfo and revoke endpoints from any origin
  // (Cognito answers them with Access-Control-Allow-Origin: *, without
  // credentials); the pages themselves are not for other sites' scripts.
  const bool oauth_endpoint = path.starts_with("/oauth2/") && path != "/oauth2/authorize" && path != "/oauth2/login";
  if (request.method == "OPTIONS") {
    a.what = "OPTIONS " + request.path;
    a.response.status = oauth_endpoint ? 204 : 404;
    if (oauth_endpoint) {
      a.response.set_header("Access-Control-Allow-Origin", "*");
      a.response.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      a.response.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
      a.response.set_header("Access-Control-Max-Age", "600");
    }
  } else if (request.body.size() > kMaxBodyBytes) {
    a.what = request.method + " " + request.path + " (body over 1 MiB)";
    a.response = too_large(request);
    return a;
  } else {
    HostedAnswer h = answer_hosted(door_, request, domain, path);
    a.what = h.operation.empty() ? request.method + " " + request.path : h.operation;
    a.response = std::move(h.response);
    a.may_have_changed = h.may_have_changed;
    if (a.may_have_changed) a.sent_messages = new_messages(false);
    if (oauth_endpoint) a.response.set_header("Access-Control-Allow-Origin", "*");
  }
  a.response.set_header("x-amzn-RequestId", generate_uuid_v4(random_));
  return a;
}

EndpointAnswer Endpoint::provider(const HttpRequest& request) {
  EndpointAnswer a;
  if (request.body.size() > kMaxBodyBytes) {
    a.what = request.method + " " + request.path + " (body over 1 MiB)";
    a.response = too_large(request);
    return a;
  }
  HostedAnswer h = answer_provider(door_, request, "https://" + request.path.substr(kProviderPrefix.size()));
  a.what = h.operation.empty() ? request.method + " " + request.path : h.operation;
  a.response = std::move(h.response);
  a.may_have_changed = h.may_have_changed;
  a.response.set_header("x-amzn-RequestId", generate_uuid_v4(random_));
  return a;
}

EndpointAnswer Endpoint::answer(const HttpRequest& request) {
  if (request.path.starts_with(kDomainPrefix)) return hosted(request);
  if (request.path.starts_with(kProviderPrefix) && request.method != "OPTIONS") return provider(request);
  if (request.method == "OPTIONS") {
    EndpointAnswer a;
    a.what = "OPTIONS " + request.path;
    a.response = cors_preflight(request);
    finish(request, a.response);
    return a;
  }
  if (request.body.size() > kMaxBodyBytes) {
    EndpointAnswer a;
    a.what = request.method + " " + request.path + " (body over 1 MiB)";
    a.response = too_large(request);
    return a;
  }
  if (request.method == "POST" && request.path == "/") return api_call(request);
  if (request.method == "GET" || request.method == "HEAD") {
    if (request.path == "/health") {
      EndpointAnswer a;
      a.what = "GET /health";
      a.response = json_answer(request, 200, Json{{"ok", true}}, "application/json");
      return a;
    }
    if (request.path == "/") {
      EndpointAnswer a;
      a.what = "GET /";
      a.response.body = status_page(door_, request.header("Host").value_or(""));
      a.response.set_header("Content-Type", "text/html; charset=utf-8");
      finish(request, a.response);
      return a;
    }
    // /<userPoolId>/.well-known/<document>
    const auto marker = request.path.find(kWellKnown);
    if (marker != std::string::npos && marker > 1) {
      const std::string pool_id = request.path.substr(1, marker - 1);
      const std::string document = request.path.substr(marker + kWellKnown.size());
      if (pool_id.find('/') == std::string::npos && (document == "jwks.json" || document == "openid-configuration"))
        return well_known(request, pool_id, document);
    }
  }
  EndpointAnswer a;
  a.what = request.method + " " + request.path;
  a.response = refusal(request, 404, "ResourceNotFoundException",
                       "Nothing is served at " + request.method + " " + request.path +
                           ". The endpoint answers POST / (the API, with X-Amz-Target: "
                           "AWSCognitoIdentityProviderService.<Operation>), GET /health, GET "
                           "/<userPoolId>/.well-known/jwks.json, GET /<userPoolId>/.well-known/openid-configuration, GET / "
                           "(a page listing the pools, users and messages), the pools' domains under /domain/<domain>/ and the "
                           "simulated identity providers under /provider/<host>/.");
  return a;
}

}  // namespace userpool
