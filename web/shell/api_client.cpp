#include "web/shell/api_client.h"

#include "core/api/registry.h"

namespace userpool::web {

// One rule for the UI and the lessons' checks (core/api/read_only_operations.h).
bool is_read_only(std::string_view op) { return is_read_only_operation(op); }

Response ApiClient::call(std::string_view operation, const Json& request) {
  const Timestamp time = account_.clock.now();
  Response r = userpool::call(account_, operation, request);
  log_.push_back({next_id_++, time, std::string(operation), request, r.status, r.body});
  while (log_.size() > kLogCapacity) log_.pop_front();
  if (!is_read_only(operation)) ++revision_;
  return r;
}

Response ApiClient::quiet(std::string_view operation, const Json& request) {
  Response r = userpool::call(account_, operation, request, CallOptions{false});
  ++revision_;
  return r;
}

Response ApiClient::peek(std::string_view operation, const Json& request) {
  return userpool::call(account_, operation, request, CallOptions{false});
}

std::string api_error_text(const Json& body) {
  const std::string type = body.value("__type", "");
  const std::string message = body.value("message", "");
  if (type.empty()) return message.empty() ? std::string("The request failed.") : message;
  return message.empty() ? type : type + ": " + message;
}

}  // namespace userpool::web
