// Runs the UI headlessly: an ImGui context with a built font atlas and no
// renderer. Frames are drawn into draw lists that nobody displays; input is
// fed through ImGuiIO, and widgets are found through the widget registry.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/api/door.h"
#include "core/model/account.h"

#include "web/shell/fonts.h"
#include "web/shell/ui_context.h"
#include "web/shell/widget_registry.h"

struct ImGuiContext;

namespace userpool::web {
class App;
}

namespace userpool::test {

class HeadlessUi {
 public:
  explicit HeadlessUi(float width = 1280, float height = 720, float scale = 1.0f);
  ~HeadlessUi();
  HeadlessUi(const HeadlessUi&) = delete;
  HeadlessUi& operator=(const HeadlessUi&) = delete;

  const web::Fonts& fonts() const { return fonts_; }

  // Draws one frame with `draw` between NewFrame and Render.
  void frame(const std::function<void()>& draw);
  // Where the named widget is on screen, scrolling the view to it if need be;
  // nullopt if it cannot be found.
  std::optional<web::WidgetRect> reveal(std::string_view name, const std::function<void()>& draw);
  // Moves the mouse over the named widget, then presses and releases it
  // (three frames), after revealing it. Returns false if no such widget can be found.
  bool click(std::string_view name, const std::function<void()>& draw);
  // Clicks the named text field and types `text` into it (replacing what was
  // there), then draws a frame.
  bool type(std::string_view name, std::string_view text, const std::function<void()>& draw);
  // Draws `count` frames.
  void frames(int count, const std::function<void()>& draw);
  // Turns the mouse wheel by `notches` (negative: down) over the middle of
  // the main view, then draws two frames.
  void wheel(float notches, const std::function<void()>& draw);
  // Vertices in the last frame's draw data: zero means nothing was drawn.
  int vertex_count() const;

 private:
  ImGuiContext* context_ = nullptr;
  web::Fonts fonts_;
};

// The whole app on a headless UI, over its own Account (pools share the test
// keys, so creating one is fast). Panels are reached through the sidebar as a
// learner would; the Account is there to check outcomes through the API.
struct AppUnderTest {
  explicit AppUnderTest(float width = 1280, float height = 720);
  ~AppUnderTest();

  HeadlessUi ui;
  Account account;  // for checking outcomes; the app reaches it only through `door`
  AccountDoor door{account};
  std::unique_ptr<web::App> app;

  std::function<void()> draw();
  bool click(std::string_view name) { return ui.click(name, draw()); }
  bool type(std::string_view name, std::string_view text) { return ui.type(name, text, draw()); }
  void frames(int count) { ui.frames(count, draw()); }
  // Whether the named widget was drawn in the last frame (without scrolling).
  bool shown(std::string_view name);

  // A pool like the lab's, made through the API (not the wizard): email as
  // the username, name required, email verified by code, and an app client
  // "kekeclient" without a secret, allowing SRP, password and refresh.
  struct LabPool {
    std::string pool_id, client_id;
  };
  LabPool create_lab_pool();
  // A body from the API that must succeed (REQUIREs status 200). The call
  // goes through the app's door unrecorded, as a test's set-up: the app
  // sees the change (its revision moves) but its API log does not list it.
  Json ok(std::string_view operation, const Json& request);
};

// The session Try it keeps after a sign-in answered with `tokens` (an
// AuthenticationResult), for an app client without a secret.
web::AppSession signed_in_session(const std::string& pool_id, const std::string& client_id,
                                  const std::string& username, const Json& tokens);

// Whether a widget is on screen after one more frame.
bool shown(AppUnderTest& t, std::string_view name);
// Picks `value` in the combo box `combo` (the test fails if either is not there).
void choose(AppUnderTest& t, const std::string& combo, const std::string& value);

// What the app last copied to the clipboard.
std::string clipboard();

}  // namespace userpool::test
