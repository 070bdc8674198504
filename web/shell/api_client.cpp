#include "web/shell/api_client.h"

#include "core/api/registry.h"

namespace userpool::web {

// One rule for the UI and the lessons' checks (core/api/registry.h).
bool is_read_only(std::string_view op) { return is_read_only_operation(op); }

Response ApiClient::call(std::string_view operation, const Json& request, const CallOptions& options) {
  const RegisteredOperation* op = find_operation(operation);
  const OperationKind kind = op != nullptr ? op->spec->kind : OperationKind::kChange;
  // The app's own bookkeeping is not the learner's doing; the same call
  // made by a lesson is shown, as everything a lesson does is.
  const bool shown = options.record && (kind != OperationKind::kBookkeeping || !options.made_by.empty());
  const Timestamp time = shown ? now() : Timestamp{};
  Response r = engine_.call(operation, request, options);
  if (shown) {
    log_.push_back({next_id_++, time, std::string(operation), request, r.status, r.body, options.made_by});
    while (log_.size() > kLogCapacity) log_.pop_front();
  }
  if (kind != OperationKind::kRead) ++revision_;
  return r;
}

const AccountFacts& ApiClient::facts() {
  if (facts_revision_ != revision_) {
    facts_revision_ = revision_;
    const Response r = peek("Sandbox.GetAccount", Json::object());
    facts_ = {r.body.value("AccountId", ""), r.body.value("Region", "us-east-1")};
  }
  return facts_;
}

std::string api_error_text(const Json& body) {
  const std::string type = body.value("__type", "");
  const std::string message = body.value("message", "");
  if (type.empty()) return message.empty() ? std::string("The request failed.") : message;
  return message.empty() ? type : type + ": " + message;
}

}  // namespace userpool::web
