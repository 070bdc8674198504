// The simulated Elastic Beanstalk console (placeholder, being built).
#pragma once

#include "web/ui_context.h"

namespace userpool::web {

class BeanstalkPanel {
 public:
  explicit BeanstalkPanel(UiContext& ctx) : ctx_(ctx) {}
  void draw();

 private:
  UiContext& ctx_;
};

}  // namespace userpool::web
