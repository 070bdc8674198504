// "Try it": the learner's own app against the selected pool, as a hosted
// sign-in page would behave: sign up, confirm, sign in (SRP or password),
// every challenge, forgot and change password, attributes, sign-out and
// refresh. It keeps the signed-in session in UiContext::session.
#pragma once

#include "web/ui_context.h"

namespace userpool::web {

class TryItPanel {
 public:
  explicit TryItPanel(UiContext& ctx) : ctx_(ctx) {}
  void draw();

 private:
  UiContext& ctx_;
};

}  // namespace userpool::web
