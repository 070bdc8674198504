// The Users page of the pool console: the users table (username, email,
// phone, status, identity provider, enabled, created), "Create user" as the console offers it
// (invitation or not, a generated or chosen temporary password, verified
// flags), and one user's detail with attributes, groups and actions.
#pragma once

#include <string>
#include <vector>

#include "core/base/json.h"
#include "web/shell/ui_context.h"

namespace userpool::web {

class UsersPage {
 public:
  explicit UsersPage(UiContext& ctx) : ctx_(ctx) {}
  // `pool` is the DescribeUserPool document of the open pool.
  void draw(const Json& pool);

 private:
  struct Row {
    std::string username, email, phone, status, provider, created;
    bool enabled = true;
  };
  struct NewUser {
    int invitation = 0;  // 0 none (SUPPRESS), 1 email, 2 SMS
    std::string username, email, phone, password;
    bool email_verified = false, phone_verified = false;
    bool generate_password = true;
  };

  void refresh(const std::string& pool_id);
  void draw_table();
  void draw_create(const Json& pool);
  void create_user(const Json& pool);
  void draw_detail();
  // A native user's linked identities, and a provider's account linked to
  // it (AdminLinkProviderForUser), so its sign-ins land in this user.
  void draw_links();
  void link_account();
  // Runs an action on the selected user and reports its outcome.
  bool act(const char* operation, Json request, const char* done);

  UiContext& ctx_;
  std::string pool_id_;
  std::uint64_t revision_ = ~0ull;
  std::vector<Row> rows_;
  // Each column's width for its widest cell, measured once per change of rows.
  std::vector<float> column_widths_;
  std::string search_;
  std::string selected_;
  Json selected_user_;  // AdminGetUser of the selected user
  std::vector<std::string> selected_groups_, pool_groups_;
  std::string group_to_add_;
  std::vector<std::string> pool_providers_;  // the pool's identity providers' names
  struct Link {
    std::string provider, id;
  };
  std::vector<Link> selected_links_;  // the selected user's identities attribute, read once per change
  std::string link_provider_, link_email_;
  bool creating_ = false;
  NewUser new_user_;
  std::string error_;  // of the last action or creation
  bool confirm_delete_ = false;
};

}  // namespace userpool::web
