// "Your work": the sandbox is kept in this browser after every change; this
// page says whether saving works, exports everything to a file, imports such
// a file (a bad one is refused and the current work kept), and starts over.
#pragma once

#include <string>

#include "web/shell/ui_context.h"

namespace userpool::web {

class SavedWorkPanel {
 public:
  explicit SavedWorkPanel(UiContext& ctx) : ctx_(ctx) {}
  void draw();

 private:
  UiContext& ctx_;
  bool confirm_reset_ = false;
};

}  // namespace userpool::web
