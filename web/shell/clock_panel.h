// The virtual clock in the header: the time every expiry is judged by, and
// buttons to jump ahead (+1 min, +1 h, +1 day, or any amount) to watch codes
// and tokens expire.
#pragma once

#include "web/shell/ui_context.h"

namespace userpool::web {

class ClockPanel {
 public:
  explicit ClockPanel(UiContext& ctx) : ctx_(ctx) {}
  // Draws on the current line, right-aligned within `right_edge` (screen x).
  void draw(float right_edge);

 private:
  void jump(long long seconds);

  UiContext& ctx_;
  int custom_amount_ = 2;
  int custom_unit_ = 2;  // 0 minutes, 1 hours, 2 days
};

}  // namespace userpool::web
