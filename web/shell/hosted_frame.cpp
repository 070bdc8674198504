#include "web/shell/hosted_frame.h"

#include <emscripten.h>

namespace {

userpool::web::App* g_app = nullptr;

// Places the frame (creating it the first time) at a rectangle given in
// device pixels, and loads the page when its version moved.
EM_JS(void, hosted_frame_show, (float x, float y, float w, float h, const char* html, double version), {
  var frame = document.getElementById("hosted-frame");
  if (!frame) {
    frame = document.createElement("iframe");
    frame.id = "hosted-frame";
    frame.title = "Hosted UI page";
    // Same origin, so the page can catch the frame's clicks and posts; no
    // scripts and no top navigation for anything inside it.
    frame.setAttribute("sandbox", "allow-same-origin allow-forms");
    frame.style.position = "absolute";
    frame.style.border = "0";
    frame.style.background = "#fff";
    document.body.appendChild(frame);
    var hand = function(method, url, body) {
      Module.ccall("userpool_hosted_navigate", null, [ "string", "string", "string" ], [ method, url || "", body || "" ]);
    };
    frame.addEventListener("load", function() {
      var doc = frame.contentDocument;
      if (!doc) return;
      doc.addEventListener("submit", function(e) {
        e.preventDefault();
        var form = e.target;
        var data = new URLSearchParams(new FormData(form, e.submitter || undefined)).toString();
        hand("POST", form.getAttribute("action"), data);
      }, true);
      doc.addEventListener("click", function(e) {
        var link = e.target && e.target.closest ? e.target.closest("a[href]") : null;
        if (!link) return;
        e.preventDefault();
        hand("GET", link.getAttribute("href"), "");
      }, true);
    });
  }
  var ratio = window.devicePixelRatio || 1;
  frame.style.left = (x / ratio) + "px";
  frame.style.top = (y / ratio) + "px";
  frame.style.width = (w / ratio) + "px";
  frame.style.height = (h / ratio) + "px";
  frame.style.display = "block";
  if (frame.dataset.version !== String(version)) {
    frame.dataset.version = String(version);
    frame.srcdoc = UTF8ToString(html);
  }
});

EM_JS(void, hosted_frame_hide, (), {
  var frame = document.getElementById("hosted-frame");
  if (frame && frame.style.display !== "none") frame.style.display = "none";
});

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void userpool_hosted_navigate(const char* method, const char* url, const char* body) {
  if (g_app != nullptr) g_app->hosted_ui().browser().navigate(method, url, body);
}

namespace userpool::web {

void install_hosted_frame(App& app) {
  g_app = &app;
  UiContext& ctx = app.context();
  ctx.show_hosted_page = [](float x, float y, float w, float h, const std::string& html, std::uint64_t version) {
    hosted_frame_show(x, y, w, h, html.c_str(), static_cast<double>(version));
  };
  ctx.hide_hosted_page = [] { hosted_frame_hide(); };
}

}  // namespace userpool::web
