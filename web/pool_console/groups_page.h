// The Groups page of the pool console, as the AWS console's: the pool's
// groups (name, description, precedence, IAM role, created), "Create group"
// with the console's four fields, and one group's members with Delete.
// Precedence orders cognito:groups in tokens; a group's IAM role goes into
// cognito:roles, the lowest precedence's into cognito:preferred_role.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/json.h"
#include "web/shell/ui_context.h"

namespace userpool::web {

class GroupsPage {
 public:
  explicit GroupsPage(UiContext& ctx) : ctx_(ctx) {}
  // `pool` is the DescribeUserPool document of the open pool.
  void draw(const Json& pool);

 private:
  struct NewGroup {
    std::string name, description, role_arn, precedence;  // precedence as typed: empty for none
  };

  void refresh(const std::string& pool_id);
  void draw_table();
  void draw_create();
  void create_group();
  void draw_detail();

  UiContext& ctx_;
  std::string pool_id_;
  std::uint64_t revision_ = ~0ull;
  Json groups_ = Json::array();  // ListGroups' GroupType documents, every page
  std::string selected_;
  std::vector<std::string> members_;  // ListUsersInGroup of the selected group
  bool creating_ = false;
  NewGroup new_group_;
  std::string error_;
  bool confirm_delete_ = false;
};

}  // namespace userpool::web
