// The pool console for the pool in UiContext::pool_id, as the AWS console's
// user pool pages: an overview (IDs, ARN, a summary of the settings, the
// signing keys), users, groups, app clients and settings. Each page is its own file;
// this one draws the frame, the tabs and the overview.
#pragma once

#include <cstdint>
#include <string>

#include "core/base/json.h"
#include "web/pool_console/app_clients_page.h"
#include "web/pool_console/app_integration_page.h"
#include "web/pool_console/groups_page.h"
#include "web/pool_console/pool_settings_page.h"
#include "web/shell/ui_context.h"
#include "web/pool_console/users_page.h"

namespace userpool::web {

class PoolConsole {
 public:
  explicit PoolConsole(UiContext& ctx);
  void draw();
  // Selects the tab that holds a widget ("users.create" → Users) in the
  // next frame; "Show me" in a lesson uses it.
  void show_tab_of(const std::string& widget);
  AppIntegrationPage& integration() { return integration_; }

 private:
  // Reads the pool again when the sandbox changed or another pool opened.
  void refresh();
  void draw_overview();
  void draw_delete();

  UiContext& ctx_;
  UsersPage users_;
  GroupsPage groups_;
  AppClientsPage clients_;
  AppIntegrationPage integration_;
  PoolSettingsPage settings_;
  std::string loaded_pool_;
  std::uint64_t loaded_revision_ = ~0ull;
  Json pool_;  // DescribeUserPool's UserPool; null when the read failed
  Json jwks_;
  std::string error_;
  std::string pending_tab_;  // "overview", "users", "groups", "clients", "settings"; empty: leave as is
  bool confirm_delete_ = false;
  std::string delete_text_;
  std::string delete_error_;
};

}  // namespace userpool::web
