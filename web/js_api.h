// The sandbox's API for the page's JavaScript: window.userpool.call(op,
// params) returns {status, body}, through the same dispatcher the UI uses,
// so any script (tests, lessons, the browser console) can do what the UI
// does, and nothing more.
#pragma once

#include "core/account.h"

namespace userpool::web {

// Installs window.userpool.call for this account (which must outlive the page).
void install_js_api(Account& account);

}  // namespace userpool::web
