// Groups, so cognito:groups can be taught: CreateGroup, GetGroup,
// UpdateGroup, DeleteGroup, ListGroups, AdminAddUserToGroup,
// AdminRemoveUserFromGroup, AdminListGroupsForUser, ListUsersInGroup.
#include <algorithm>

#include "core/api/api_error.h"
#include "core/rules/quotas.h"
#include "core/ops/common.h"
#include "core/api/registry.h"

namespace userpool::ops {
namespace {


Group& require_group(UserPool& pool, const std::string& name) {
  Group* g = pool.find_group(name);
  if (g == nullptr) fail_resource_not_found("Group not found.");
  return *g;
}

void read_group_settings(const Request& r, Group& g) {
  StringShape description;
  description.max = 2048;
  StringShape role;
  role.min = 20;
  role.max = 2048;
  if (auto d = r.optional_string("Description", description)) g.description = *d;
  if (auto a = r.optional_string("RoleArn", role)) g.role_arn = *a;
  if (auto p = r.optional_int("Precedence", 0, 2147483647)) g.precedence = *p;
}


Json create_group(OpContext& ctx, const Request& r) {
  const std::string name = r.string("GroupName", shapes::kGroupName);
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  if (pool.find_group(name) != nullptr) fail("GroupExistsException", "A group with the name already exists.");
  if (pool.groups.size() >= quotas::kGroupsPerUserPool) fail("LimitExceededException", "The user pool has reached its limit of 10000 groups.");
  Group g;
  g.name = name;
  read_group_settings(r, g);
  g.created = g.last_modified = ctx.now;
  ctx.rule("Members of the group get it in the cognito:groups claim of their ID and access tokens");
  return Json{{"Group", pool.groups.emplace_back(std::move(g)).describe(pool.id)}};
}

Json get_group(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  return Json{{"Group", require_group(pool, r.string("GroupName", shapes::kGroupName)).describe(pool.id)}};
}

Json update_group(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  Group& g = require_group(pool, r.string("GroupName", shapes::kGroupName));
  Group updated = g;
  read_group_settings(r, updated);
  updated.last_modified = ctx.now;
  g = std::move(updated);
  return Json{{"Group", g.describe(pool.id)}};
}

Json delete_group(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const std::string name = require_group(pool, r.string("GroupName", shapes::kGroupName)).name;
  for (auto& [seq, user] : pool.users.users()) std::erase(user.groups, name);
  std::erase_if(pool.groups, [&](const Group& g) { return g.name == name; });
  return Json::object();
}

Json list_groups(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const auto limit = static_cast<std::size_t>(r.optional_int("Limit", 0, 60).value_or(60));
  return page_of(r, pool.groups, limit == 0 ? 60 : limit, "Groups", [&](const Group& g) { return g.describe(pool.id); });
}

Json admin_add_user_to_group(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  User& user = require_user(ctx, pool, r.string("Username", shapes::kUsername));
  const std::string name = require_group(pool, r.string("GroupName", shapes::kGroupName)).name;
  if (std::find(user.groups.begin(), user.groups.end(), name) != user.groups.end()) return Json::object();
  if (user.groups.size() >= quotas::kGroupsPerUser) fail("LimitExceededException", "A user can belong to at most 100 groups.");
  user.groups.push_back(name);
  ctx.rule("Tokens issued from now on list the group in cognito:groups; tokens already issued do not change");
  return Json::object();
}

Json admin_remove_user_from_group(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  User& user = require_user(ctx, pool, r.string("Username", shapes::kUsername));
  const std::string name = require_group(pool, r.string("GroupName", shapes::kGroupName)).name;
  std::erase(user.groups, name);
  return Json::object();
}

Json admin_list_groups_for_user(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const User& user = require_user(ctx, pool, r.string("Username", shapes::kUsername));
  const auto limit = static_cast<std::size_t>(r.optional_int("Limit", 0, 60).value_or(60));
  return page_of(r, user.groups, limit == 0 ? 60 : limit, "Groups", [&](const std::string& name) {
    const Group* g = pool.find_group(name);
    return g == nullptr ? Json() : g->describe(pool.id);
  });
}

Json list_users_in_group(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const std::string name = require_group(pool, r.string("GroupName", shapes::kGroupName)).name;
  const auto limit = static_cast<std::size_t>(r.optional_int("Limit", 0, 60).value_or(60));
  std::vector<const User*> members;
  for (const auto& [seq, user] : pool.users.users())
    if (std::find(user.groups.begin(), user.groups.end(), name) != user.groups.end()) members.push_back(&user);
  return page_of(r, members, limit == 0 ? 60 : limit, "Users", [](const User* u) { return user_json(*u, "Attributes"); });
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& group_operations() {
  static const OperationTable table = {
      {"CreateGroup", create_group, OperationKind::kChange},
      {"GetGroup", get_group, OperationKind::kRead},
      {"UpdateGroup", update_group, OperationKind::kChange},
      {"DeleteGroup", delete_group, OperationKind::kChange},
      {"ListGroups", list_groups, OperationKind::kRead},
      {"AdminAddUserToGroup", admin_add_user_to_group, OperationKind::kChange},
      {"AdminRemoveUserFromGroup", admin_remove_user_from_group, OperationKind::kChange},
      {"AdminListGroupsForUser", admin_list_groups_for_user, OperationKind::kRead},
      {"ListUsersInGroup", list_users_in_group, OperationKind::kRead},
  };
  return table;
}

}  // namespace userpool::ops
