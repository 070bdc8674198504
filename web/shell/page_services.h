// What the browser page gives the app (browser build only): the learner's
// work kept in localStorage and restored on reload, export to and import
// from files, and the system clipboard for copy and paste.
#pragma once

#include "web/shell/app.h"

namespace userpool::web {

// Connects the app to the page: file and clipboard hooks, and restoring the
// work saved by an earlier visit (a copy that cannot be read is kept aside
// and reported, never overwritten silently).
void install_page_services(App& app);

// Call once per frame: saves the work when the sandbox changed since the
// last save (and not more often than a few times a second).
void save_work_if_changed(App& app, double now_seconds);

}  // namespace userpool::web
