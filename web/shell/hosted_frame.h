// The hosted UI's pages in the browser (browser build only): real HTML in
// a sandboxed frame placed over the canvas where the Hosted UI view leaves
// room for it. The frame runs no script of its own (no allow-scripts): the
// page around it catches its link clicks and form posts and hands them to
// the view's browser, which asks the pool's domain through the door.
#pragma once

#include "web/shell/app.h"

namespace userpool::web {

void install_hosted_frame(App& app);

}  // namespace userpool::web
