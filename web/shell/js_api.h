// The sandbox's API for the page's JavaScript: window.userpool.call(op,
// params) returns {status, body}, through the same dispatcher the UI uses,
// so any script (tests, lessons, the browser console) can do what the UI
// does, and nothing more.
#pragma once

#include "web/shell/api_client.h"

namespace userpool::web {

// Installs window.userpool.call (through the app's API client, which must
// outlive the page), window.userpool.widgets, window.userpool.frameTimes and
// window.userpool.framesDrawn.
void install_js_api(ApiClient& api);

// How many frames' CPU times the page keeps for window.userpool.frameTimes().
inline constexpr int kFrameTimesKept = 600;

// Adds one frame's CPU time, in milliseconds (web/shell/browser_main.cpp says what
// it covers), and whether it drew on the canvas; the oldest time is dropped
// once kFrameTimesKept are kept.
void record_frame_time(double ms, bool drawn);

}  // namespace userpool::web
