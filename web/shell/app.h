// The sandbox's user interface: a header with the virtual clock, a sidebar
// (user pools, the learner's app, the tools) and the open view. ImGui only,
// no browser calls, so the same code runs in the page and headlessly in the
// native UI tests. Everything it does goes through the API client.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/api/door.h"
#include "web/shell/api_client.h"
#include "web/services/api_gateway_panel.h"
#include "web/services/beanstalk_panel.h"
#include "web/api_log/api_log_panel.h"
#include "web/shell/clock_panel.h"
#include "web/api_log/flow_panel.h"
#include "web/try_it/hosted_ui_panel.h"
#include "web/try_it/inbox_panel.h"
#include "web/lessons/lesson_panel.h"
#include "web/pool_console/pool_console.h"
#include "web/shell/saved_work_panel.h"
#include "web/tokens/token_inspector_panel.h"
#include "web/try_it/try_it_panel.h"
#include "web/shell/ui_context.h"
#include "web/wizard/wizard_panel.h"

namespace userpool::web {

class App {
 public:
  // Everything the app does goes through `engine`, the door to the
  // sandbox (core/api/door.h), wrapped in the app's API client.
  explicit App(Door& engine);

  // Fonts to draw with (after every atlas rebuild).
  void set_fonts(const Fonts& fonts) { ctx_.fonts = fonts; }

  // Draws the whole UI for one frame, filling the display. Call between
  // ImGui::NewFrame() and ImGui::Render().
  void frame();

  UiContext& context() { return ctx_; }
  ApiClient& api() { return api_; }
  WizardPanel& wizard() { return wizard_; }
  HostedUiPanel& hosted_ui() { return hosted_ui_; }

  // Identifiers shown on the welcome page (read by tests).
  struct Examples {
    std::string user_pool_id, app_client_id, sub;
  };
  const Examples& examples() const { return examples_; }
  void regenerate_examples();

 private:
  // Opens the Hosted UI view with a pool and client, and starts there: a
  // sign-in through the hosted pages, or (`machine`) a client_credentials
  // token. Preview, Try it's buttons.
  void open_hosted_ui(const std::string& pool_id, const std::string& client_id, bool machine);

  // A theme switch clicked in this frame, applied at the start of the next:
  // changing the style while colours are pushed would pop the old ones back.
  std::optional<Theme> theme_switch_;

  struct PoolEntry {
    std::string id, name;
  };

  void draw_header();
  void switch_theme_if_asked();
  void draw_sidebar(float height);
  void draw_main();
  // Opens the view that holds a widget and scrolls it into sight; a pool's
  // widget in the pool `pool_id` names (else the open or the newest pool).
  void show_me(const std::string& widget, const std::string& pool_id);
  void draw_welcome();
  void draw_notices();
  void refresh_pools();
  bool nav_item(const char* label, bool selected);

  ApiClient api_;
  UiContext ctx_;
  ClockPanel clock_;
  WizardPanel wizard_;
  PoolConsole pool_console_;
  TryItPanel try_it_;
  HostedUiPanel hosted_ui_;
  InboxPanel inbox_;
  TokenInspectorPanel tokens_;
  ApiLogPanel api_log_;
  FlowPanel flow_;
  SavedWorkPanel saved_work_;
  ApiGatewayPanel api_gateway_;
  BeanstalkPanel beanstalk_;
  LessonPanel lessons_;
  Examples examples_;
  std::vector<PoolEntry> pools_;
  std::uint64_t pools_revision_ = ~0ull;
};

}  // namespace userpool::web
