#include "web/js_api.h"

#include <emscripten.h>

#include <string>

#include "core/dispatcher.h"

namespace {

userpool::Account* g_account = nullptr;
std::string g_answer;  // the last answer; its buffer is handed to JavaScript

EM_JS(void, define_call, (), {
  window.userpool = window.userpool || {};
  window.userpool.call = function(op, params) {
    var text = Module.ccall('userpool_call', 'string', [ 'string', 'string' ],
                            [ String(op), JSON.stringify(params === undefined ? {} : params) ]);
    return JSON.parse(text);
  };
});

}  // namespace

// {"status": ..., "body": ...} as JSON text, valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* userpool_call(const char* op, const char* params_json) {
  const userpool::Response r = userpool::call_text(*g_account, op, params_json);
  g_answer = userpool::Json{{"status", r.status}, {"body", r.body}}.dump(-1, ' ', false, userpool::Json::error_handler_t::replace);
  return g_answer.c_str();
}

namespace userpool::web {

void install_js_api(Account& account) {
  g_account = &account;
  define_call();
}

}  // namespace userpool::web
