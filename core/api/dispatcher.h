// The dispatcher: (operation, request JSON) -> (HTTP status, response JSON),
// in the Cognito Identity Provider wire format, over one account. Callers
// reach it through a door (core/api/door.h), which is how the UI logs every
// call and counts the changes.
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
  // Whether the call is recorded: in the sandbox's event log, and in the
  // app's API log. A read the app makes to draw its screen, or a lesson to
  // check a goal, passes false, so the logs show what was done rather than
  // the looking.
  bool record = true;
  // Who made the call when it was not the learner: "lesson" for a lesson's
  // set-up and "Do it for me". The API log and the Flow view say so.
  std::string made_by;

  static CallOptions unrecorded() {
    CallOptions o;
    o.record = false;
    return o;
  }
  static CallOptions by(std::string who) {
    CallOptions o;
    o.made_by = std::move(who);
    return o;
  }
};

Response call(Account& account, std::string_view operation, const Json& request, const CallOptions& options = {});
// The same with the request as JSON text (a parse error is a
// SerializationException, as AWS answers malformed bodies).
Response call_text(Account& account, std::string_view operation, std::string_view request_text);

// (Every operation the dispatcher knows, and what it is: core/api/registry.h.)

}  // namespace userpool
