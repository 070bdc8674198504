// Runs the UI headlessly: an ImGui context with a built font atlas and no
// renderer. Frames are drawn into draw lists that nobody displays; input is
// fed through ImGuiIO, and widgets are found through the widget registry.
#pragma once

#include <functional>
#include <string_view>

#include "web/fonts.h"

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
  // Presses and releases the mouse over the named widget (two frames), after
  // a frame that finds it. Returns false if no such widget was drawn.
  bool click(std::string_view name, const std::function<void()>& draw);
  // Vertices in the last frame's draw data: zero means nothing was drawn.
  int vertex_count() const;

 private:
  web::Fonts fonts_;
};

}  // namespace userpool::test
