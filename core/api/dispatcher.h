// The one way into the simulation: (operation, request JSON) -> (HTTP status,
// response JSON), in the Cognito Identity Provider wire format (reference §1).
// The UI, the lessons, the command line and the tests all call this.
//
// Operations are named as Cognito names them, with or without the target
// prefix ("SignUp" or "AWSCognitoIdentityProviderService.SignUp"), plus the
// sandbox's own under "Sandbox." (GetClock, SetClock, AdvanceClock,
// ListMessages, ListEvents, GetJwks, ExportState, ImportState, Reset).
// The connected services the tutorials use have their own prefixes and
// their own APIs' member names and errors: "ApiGateway." (REST APIs,
// camelCase members, NotFoundException/BadRequestException/ConflictException)
// and "ElasticBeanstalk." (PascalCase members, InvalidParameterValue).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model/account.h"
#include "core/base/json.h"

namespace userpool {

struct Response {
  int status = 200;
  Json body = Json::object();
};

inline constexpr std::string_view kTargetPrefix = "AWSCognitoIdentityProviderService.";

struct CallOptions {
  // Whether the call goes in the event log. A UI reading what it needs to
  // draw passes false, so the log shows what the learner did, not the
  // screen's bookkeeping.
  bool record_event = true;
};

Response call(Account& account, std::string_view operation, const Json& request, const CallOptions& options = {});
// The same with the request as JSON text (a parse error is a
// SerializationException, as AWS answers malformed bodies).
Response call_text(Account& account, std::string_view operation, std::string_view request_text);

// (Every operation the dispatcher knows, and what it is: core/api/registry.h.)

}  // namespace userpool
