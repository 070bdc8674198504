#include "web/pool_console.h"

#include "imgui.h"
#include "web/widgets.h"

namespace userpool::web {

void PoolConsole::draw() {
  heading(ctx_, "Not built yet");
}

}  // namespace userpool::web
