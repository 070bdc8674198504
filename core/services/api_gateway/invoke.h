// A request to a deployed REST API, as API Gateway answers it: the route,
// the method's authorization (NONE, AWS_IAM, a Lambda authorizer, or a
// COGNITO_USER_POOLS authorizer checking a user pool token), then the mock
// backend. On AWS this is an HTTPS request to
// https://{restApiId}.execute-api.{region}.amazonaws.com/{stage}{path}; here
// it is the sandbox's ApiGateway.Invoke, which answers with what the gateway
// would send back and a plain explanation of why.
#pragma once

#include <map>
#include <string>

#include "core/model/account.h"

namespace userpool::apigateway {

struct InvokeRequest {
  std::string rest_api_id;
  std::string stage_name;
  std::string http_method;  // a concrete method (GET, POST, ...), not ANY
  std::string path;         // "/pets/7", optionally with "?query"
  std::map<std::string, std::string> headers;  // as sent; names are matched without regard to case
};

struct InvokeResult {
  std::string url;
  int status_code = 200;
  Json body = Json::object();  // the gateway's JSON answer
  std::string error_type;      // x-amzn-ErrorType of a refusal ("UnauthorizedException"); empty on success
  std::string reason;          // the sandbox's explanation, in plain words
  Json checks = Json::array(); // [{"check", "status", "detail"}]: what the authorizer looked at
  std::string rule;            // the rule that decided, for the event log
  // Who the token spoke for, when one was read (for the event log).
  std::string user_pool_id, username, client_id;

  // {"url", "statusCode", "headers", "body", "reason", "checks"?}
  Json to_json() const;
};

InvokeResult invoke(Account& account, Timestamp now, const InvokeRequest& request);

// A token's claims as a COGNITO_USER_POOLS authorizer hands them to the
// backend (requestContext.authorizer.claims): every value a string.
Json claims_as_strings(const Json& payload);

// exp and iat as API Gateway writes them in those claims, e.g.
// "Thu Jan 15 11:00:00 UTC 2026".
std::string gateway_date(std::int64_t epoch_seconds);

}  // namespace userpool::apigateway
