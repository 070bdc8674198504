#include "web/api_client.h"

namespace userpool::web {

bool is_read_only(std::string_view op) {
  if (op.substr(0, kTargetPrefix.size()) == kTargetPrefix) op.remove_prefix(kTargetPrefix.size());
  for (std::string_view prefix : {"Describe", "List", "Get", "AdminGet", "AdminList", "Sandbox.Get", "Sandbox.List",
                                  "Sandbox.Export"})
    if (op.substr(0, prefix.size()) == prefix) return op != "GetUserAttributeVerificationCode";
  return false;
}

Response ApiClient::call(std::string_view operation, const Json& request) {
  const Timestamp time = account_.clock.now();
  Response r = userpool::call(account_, operation, request);
  log_.push_back({next_id_++, time, std::string(operation), request, r.status, r.body});
  while (log_.size() > kLogCapacity) log_.pop_front();
  if (!is_read_only(operation)) ++revision_;
  return r;
}

Response ApiClient::peek(std::string_view operation, const Json& request) {
  return userpool::call(account_, operation, request, CallOptions{false});
}

}  // namespace userpool::web
