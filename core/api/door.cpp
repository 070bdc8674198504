#include "core/api/door.h"

namespace userpool {

Response call_text(Door& door, std::string_view operation, std::string_view request_text, const CallOptions& options) {
  const auto request = parse_json_text(request_text.empty() ? std::string_view("{}") : request_text);
  if (!request)
    return Response{400, Json{{"__type", "SerializationException"}, {"message", "The request body is not JSON: " + request.error()}}};
  return door.call(operation, *request, options);
}

Timestamp virtual_now(Door& door) {
  const Response clock = door.read("Sandbox.GetClock", Json::object());
  return from_epoch_millis(clock.body.value("NowMillis", std::int64_t{0}));
}

}  // namespace userpool
