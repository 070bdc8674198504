#include "web/api_log_panel.h"

#include "imgui.h"
#include "web/widgets.h"

namespace userpool::web {

void ApiLogPanel::draw() {
  heading(ctx_, "Not built yet");
}

}  // namespace userpool::web
