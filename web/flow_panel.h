// The flow view: the last flow as a sequence diagram (the learner's app,
// the user pool, the inbox), and the pool's pieces as a small picture.
#pragma once

#include "web/ui_context.h"

namespace userpool::web {

class FlowPanel {
 public:
  explicit FlowPanel(UiContext& ctx) : ctx_(ctx) {}
  void draw();

 private:
  UiContext& ctx_;
};

}  // namespace userpool::web
