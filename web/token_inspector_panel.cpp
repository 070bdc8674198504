#include "web/token_inspector_panel.h"

#include "imgui.h"
#include "web/widgets.h"

namespace userpool::web {

void TokenInspectorPanel::draw() {
  heading(ctx_, "Not built yet");
}

}  // namespace userpool::web
