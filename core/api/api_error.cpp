#include "core/api/api_error.h"

namespace userpool {

void fail(std::string type, std::string message, std::string rule) {
  throw ApiException(ApiError{std::move(type), std::move(message), 400, std::move(rule)});
}

void fail_invalid_parameter(std::string message, std::string rule) {
  fail("InvalidParameterException", std::move(message), std::move(rule));
}

void fail_not_authorized(std::string message, std::string rule) {
  fail("NotAuthorizedException", std::move(message), std::move(rule));
}

void fail_resource_not_found(std::string message, std::string rule) {
  fail("ResourceNotFoundException", std::move(message), std::move(rule));
}

void fail_user_not_found(std::string message, std::string rule) {
  fail("UserNotFoundException", std::move(message), std::move(rule));
}

}  // namespace userpool
