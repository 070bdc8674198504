// The token inspector: the session's ID and access tokens, or any pasted
// token; header and payload as tables with each claim explained, times
// against the virtual clock, the signature checked against a JWKS, and an
// edit mode that shows verification failing.
#pragma once

#include "web/ui_context.h"

namespace userpool::web {

class TokenInspectorPanel {
 public:
  explicit TokenInspectorPanel(UiContext& ctx) : ctx_(ctx) {}
  void draw();

 private:
  UiContext& ctx_;
};

}  // namespace userpool::web
