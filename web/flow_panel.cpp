#include "web/flow_panel.h"

#include "imgui.h"
#include "web/widgets.h"

namespace userpool::web {

void FlowPanel::draw() {
  heading(ctx_, "Not built yet");
}

}  // namespace userpool::web
