// The pool console for the pool in UiContext::pool_id: overview, users,
// app clients and settings, as the AWS console's pool pages.
#pragma once

#include "web/ui_context.h"

namespace userpool::web {

class PoolConsole {
 public:
  explicit PoolConsole(UiContext& ctx) : ctx_(ctx) {}
  void draw();

 private:
  UiContext& ctx_;
};

}  // namespace userpool::web
