#include "core/api/dispatcher.h"

#include "core/api/api_error.h"
#include "core/api/door.h"
#include "core/api/operation.h"
#include "core/api/registry.h"

namespace userpool {
namespace {

Response error_response(const ApiError& e) {
  return Response{e.status, Json{{"__type", e.type}, {"message", e.message}}};
}

}  // namespace

Response call(Account& account, std::string_view operation, const Json& request, const CallOptions& options) {
  const RegisteredOperation* found = find_operation(operation);
  if (found == nullptr) {
    if (operation.starts_with(kTargetPrefix)) operation.remove_prefix(kTargetPrefix.size());
    return error_response({"UnknownOperationException", "The operation " + std::string(operation) + " is not known.", 400, {}});
  }

  Event event;
  event.operation = found->name;
  OpContext ctx{account, account.clock.now(), event, {}};
  event.time = ctx.now;
  Response response;
  try {
    const Request r(event.operation, request);
    response.body = found->spec->handler(ctx, r);
  } catch (const ApiException& e) {
    ApiError error = e.error();
    // The request reader words every broken shape as Cognito does; each
    // service answers them with its own error.
    if (error.type == "InvalidParameterException") error.type = std::string(found->malformed_request_error());
    response = error_response(error);
    event.outcome = error.type;
    event.message = error.message;
    if (!error.rule.empty()) event.rules.push_back(error.rule);
  } catch (const std::exception& e) {
    // A fault of the sandbox itself, never of the request: Cognito's 500.
    response = error_response({"InternalErrorException", "An internal error occurred in the sandbox.", 500, {}});
    event.outcome = "InternalErrorException";
    event.message = e.what();
  }
  event.status = response.status;
  if (found->spec->logged && options.record) account.events.add(std::move(event));
  return response;
}

Response call_text(Account& account, std::string_view operation, std::string_view request_text) {
  AccountDoor door(account);
  return call_text(door, operation, request_text);
}

}  // namespace userpool
