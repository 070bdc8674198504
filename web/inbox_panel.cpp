#include "web/inbox_panel.h"

#include "imgui.h"
#include "web/widgets.h"

namespace userpool::web {

void InboxPanel::draw() {
  heading(ctx_, "Not built yet");
}

}  // namespace userpool::web
