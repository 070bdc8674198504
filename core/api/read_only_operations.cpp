#include "core/api/read_only_operations.h"

#include <initializer_list>

#include "core/api/dispatcher.h"

namespace userpool {
namespace {

bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view prefix : prefixes)
    if (text.starts_with(prefix)) return true;
  return false;
}

}  // namespace

bool is_read_only_operation(std::string_view op) {
  if (op.starts_with(kTargetPrefix)) op.remove_prefix(kTargetPrefix.size());
  // Names that read like reads but change something.
  if (op == "GetUserAttributeVerificationCode" || op == "GetTokensFromRefreshToken") return false;
  // Operations of the other simulated services name their reads as those
  // services' APIs do: API Gateway only "Get", Elastic Beanstalk "Describe"
  // and "List".
  if (op.starts_with("ApiGateway.")) return op.substr(11).starts_with("Get");
  if (op.starts_with("ElasticBeanstalk.")) return starts_with_any(op.substr(17), {"Describe", "List"});
  if (op.starts_with("Sandbox.")) return starts_with_any(op.substr(8), {"Get", "List", "Export"});
  // A name without a service prefix is Cognito's; AdminGet*/AdminList* are
  // its administrator reads (AdminGetUser, AdminListGroupsForUser, ...).
  if (op.find('.') != std::string_view::npos) return false;
  return starts_with_any(op, {"Describe", "List", "Get", "AdminGet", "AdminList"});
}

}  // namespace userpool
