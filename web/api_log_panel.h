// The API log: every request and response the app made, as the OAuth
// Playground shows them; filterable and copyable.
#pragma once

#include "web/ui_context.h"

namespace userpool::web {

class ApiLogPanel {
 public:
  explicit ApiLogPanel(UiContext& ctx) : ctx_(ctx) {}
  void draw();

 private:
  UiContext& ctx_;
};

}  // namespace userpool::web
