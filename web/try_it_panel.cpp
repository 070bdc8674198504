#include "web/try_it_panel.h"

#include "imgui.h"
#include "web/widgets.h"

namespace userpool::web {

void TryItPanel::draw() {
  heading(ctx_, "Not built yet");
}

}  // namespace userpool::web
