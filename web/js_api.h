// The sandbox's API for the page's JavaScript: window.userpool.call(op,
// params) returns {status, body}, through the same dispatcher the UI uses,
// so any script (tests, lessons, the browser console) can do what the UI
// does, and nothing more.
#pragma once

#include "web/api_client.h"

namespace userpool::web {

// Installs window.userpool.call (through the app's API client, which must
// outlive the page) and window.userpool.widgets.
void install_js_api(ApiClient& api);

}  // namespace userpool::web
