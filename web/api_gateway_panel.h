// The simulated API Gateway console (placeholder, being built).
#pragma once

#include "web/ui_context.h"

namespace userpool::web {

class ApiGatewayPanel {
 public:
  explicit ApiGatewayPanel(UiContext& ctx) : ctx_(ctx) {}
  void draw();

 private:
  UiContext& ctx_;
};

}  // namespace userpool::web
