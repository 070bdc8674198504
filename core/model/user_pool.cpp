#include "core/model/user_pool.h"

#include <algorithm>

namespace userpool {

Json Group::describe(const std::string& user_pool_id) const {
  Json j = {{"GroupName", name}, {"UserPoolId", user_pool_id}};
  if (!description.empty()) j["Description"] = description;
  if (!role_arn.empty()) j["RoleArn"] = role_arn;
  if (precedence) j["Precedence"] = *precedence;
  j["LastModifiedDate"] = to_epoch_seconds(last_modified);
  j["CreationDate"] = to_epoch_seconds(created);
  return j;
}

AppClient* UserPool::find_client(std::string_view client_id) {
  const auto it = std::find_if(clients.begin(), clients.end(), [&](const auto& c) { return c.client_id == client_id; });
  return it == clients.end() ? nullptr : &*it;
}

Group* UserPool::find_group(std::string_view name) {
  const auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.name == name; });
  return it == groups.end() ? nullptr : &*it;
}

void UserPool::drop_expired_sessions(Timestamp now) {
  std::erase_if(sessions, [&](const auto& kv) { return kv.second.expires_at < now; });
}

}  // namespace userpool
