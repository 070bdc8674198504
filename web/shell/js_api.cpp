#include "web/shell/js_api.h"

#include <emscripten.h>

#include <array>
#include <string>

#include "core/api/dispatcher.h"
#include "web/shell/widget_registry.h"

namespace {

userpool::web::ApiClient* g_api = nullptr;
std::string g_answer;  // the last answer; its buffer is handed to JavaScript

// The last kFrameTimesKept frames in a ring: fixed memory and a constant
// cost per frame however long the page stays open.
std::array<double, userpool::web::kFrameTimesKept> g_frame_times{};
int g_frame_times_next = 0;   // where the next time goes
int g_frame_times_count = 0;  // how many are kept (up to the ring's size)
int g_frames_drawn = 0;       // frames that drew (an unchanged frame does not)

EM_JS(void, define_api, (), {
  window.userpool = window.userpool || {};
  window.userpool.call = function(op, params) {
    var text = Module.ccall('userpool_call', 'string', [ 'string', 'string' ],
                            [ String(op), JSON.stringify(params === undefined ? {} : params) ]);
    return JSON.parse(text);
  };
  // Where each named widget was drawn in the last frame, in CSS pixels of
  // the page: {name: {x, y, w, h}}. Browser tests click the middle of one.
  // Recording is off until a test asks for it, so the app does not pay for it.
  window.userpool.recordWidgets = function(on) { Module.ccall('userpool_record_widgets', null, [ 'number' ], [ on ? 1 : 0 ]); };
  window.userpool.widgets = function() {
    var list = JSON.parse(Module.ccall('userpool_widgets', 'string', [], []));
    var canvas = document.getElementById('canvas');
    var box = canvas.getBoundingClientRect();
    var sx = box.width / canvas.width, sy = box.height / canvas.height;
    var out = {};
    for (var name in list) {
      var r = list[name];
      out[name] = {x : box.left + r[0] * sx, y : box.top + r[1] * sy, w : r[2] * sx, h : r[3] * sy};
    }
    return out;
  };
  // The CPU time of each of the last frames (up to 600), oldest first, in
  // milliseconds, for benchmarks. clearFrameTimes() starts a fresh series,
  // so a measurement can leave out the frames that did one-off work.
  window.userpool.frameTimes = function() { return JSON.parse(Module.ccall('userpool_frame_times', 'string', [], [])); };
  window.userpool.clearFrameTimes = function() { Module.ccall('userpool_clear_frame_times', null, [], []); };
  // How many frames have drawn on the canvas since the page loaded: a frame
  // that would look like the one before draws nothing.
  window.userpool.framesDrawn = function() { return Module.ccall('userpool_frames_drawn', 'number', [], []); };
});

}  // namespace

// {"status": ..., "body": ...} as JSON text, valid until the next call. A
// request that parses goes through the app's API client, so the app sees the
// change, logs it and saves it, as if the learner had made it.
extern "C" EMSCRIPTEN_KEEPALIVE const char* userpool_call(const char* op, const char* params_json) {
  const userpool::Json params = userpool::Json::parse(params_json, nullptr, false);
  const userpool::Response r = params.is_discarded() ? userpool::call_text(*g_api, op, params_json)
                                                     : g_api->call(op, params);
  g_answer = userpool::Json{{"status", r.status}, {"body", r.body}}.dump(-1, ' ', false, userpool::Json::error_handler_t::replace);
  return g_answer.c_str();
}

// {name: [x, y, w, h]} in canvas pixels, valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* userpool_widgets() {
  userpool::Json out = userpool::Json::object();
  for (const auto& [name, r] : userpool::web::widget_registry().all()) out[name] = {r.x, r.y, r.w, r.h};
  g_answer = out.dump();
  return g_answer.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE void userpool_record_widgets(int on) { userpool::web::widget_registry().set_enabled(on != 0); }

// [ms, ...], oldest first, valid until the next call. EMSCRIPTEN_KEEPALIVE
// alone exports these two to the page's JavaScript (they need no place in the
// link's list of exported functions).
extern "C" EMSCRIPTEN_KEEPALIVE const char* userpool_frame_times() {
  userpool::Json out = userpool::Json::array();
  const int size = static_cast<int>(g_frame_times.size());
  const int first = (g_frame_times_next - g_frame_times_count + size) % size;
  for (int i = 0; i < g_frame_times_count; ++i) out.push_back(g_frame_times[static_cast<std::size_t>((first + i) % size)]);
  g_answer = out.dump();
  return g_answer.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE int userpool_frames_drawn() { return g_frames_drawn; }

extern "C" EMSCRIPTEN_KEEPALIVE void userpool_clear_frame_times() {
  g_frame_times_next = 0;
  g_frame_times_count = 0;
}

namespace userpool::web {

void install_js_api(ApiClient& api) {
  g_api = &api;
  define_api();
}

void record_frame_time(double ms, bool drawn) {
  if (drawn) ++g_frames_drawn;
  g_frame_times[static_cast<std::size_t>(g_frame_times_next)] = ms;
  g_frame_times_next = (g_frame_times_next + 1) % kFrameTimesKept;
  if (g_frame_times_count < kFrameTimesKept) ++g_frame_times_count;
}

}  // namespace userpool::web
