#include "web/js_api.h"

#include <emscripten.h>

#include <string>

#include "core/dispatcher.h"
#include "web/widget_registry.h"

namespace {

userpool::web::ApiClient* g_api = nullptr;
std::string g_answer;  // the last answer; its buffer is handed to JavaScript

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
});

}  // namespace

// {"status": ..., "body": ...} as JSON text, valid until the next call. A
// request that parses goes through the app's API client, so the app sees the
// change, logs it and saves it, as if the learner had made it.
extern "C" EMSCRIPTEN_KEEPALIVE const char* userpool_call(const char* op, const char* params_json) {
  const userpool::Json params = userpool::Json::parse(params_json, nullptr, false);
  const userpool::Response r = params.is_discarded() ? userpool::call_text(g_api->account(), op, params_json)
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

namespace userpool::web {

void install_js_api(ApiClient& api) {
  g_api = &api;
  define_api();
}

}  // namespace userpool::web
