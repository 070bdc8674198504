// The inbox: every email and SMS the simulated pool sent, newest first, with
// the code picked out and buttons to copy it or use it in the waiting form.
#pragma once

#include "web/ui_context.h"

namespace userpool::web {

class InboxPanel {
 public:
  explicit InboxPanel(UiContext& ctx) : ctx_(ctx) {}
  void draw();

 private:
  UiContext& ctx_;
};

}  // namespace userpool::web
