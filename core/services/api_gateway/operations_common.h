// What the API Gateway operations share: API Gateway's errors (404
// NotFoundException, 400 BadRequestException, 409 ConflictException, each
// {"__type", "message"} as the dispatcher answers every error), finding an
// API and its parts, and new identifiers.
#pragma once

#include <string>

#include "core/api/api_error.h"
#include "core/api/operation.h"
#include "core/services/api_gateway/api_gateway.h"

namespace userpool::ops::apigw {

[[noreturn]] void not_found(std::string message, std::string rule = {});
[[noreturn]] void bad_request(std::string message, std::string rule = {});
[[noreturn]] void conflict(std::string message, std::string rule = {});

// The API restApiId names (NotFoundException "Invalid REST API identifier specified").
apigateway::RestApi& require_api(OpContext& ctx, const Request& r);
// The resource resourceId names in it.
apigateway::Resource& require_resource(apigateway::RestApi& api, const Request& r);
// The authorizer authorizerId names in it.
apigateway::Authorizer& require_authorizer(apigateway::RestApi& api, const Request& r);

// `length` lowercase alphanumerics, as API Gateway's identifiers.
std::string new_id(OpContext& ctx, std::size_t length);

// Records, when the API has a deployed stage, that a change is not live yet.
void note_not_live(OpContext& ctx, const apigateway::RestApi& api);

}  // namespace userpool::ops::apigw
