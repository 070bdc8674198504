// Runs the UI headlessly: an ImGui context with a built font atlas and no
// renderer. Frames are drawn into draw lists that nobody displays; input is
// fed through ImGuiIO, and widgets are found through the widget registry.
#pragma once

#include <functional>
#include <string_view>

#include "web/fonts.h"
#include "web/widget_registry.h"

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
  // Presses and releases the mouse over the named widget (two frames), after
  // revealing it. Returns false if no such widget can be found.
  bool click(std::string_view name, const std::function<void()>& draw);
  // Clicks the named text field and types `text` into it (replacing what was
  // there), then draws a frame.
  bool type(std::string_view name, std::string_view text, const std::function<void()>& draw);
  // Draws `count` frames.
  void frames(int count, const std::function<void()>& draw);
  // Vertices in the last frame's draw data: zero means nothing was drawn.
  int vertex_count() const;

 private:
  web::Fonts fonts_;
};

}  // namespace userpool::test
