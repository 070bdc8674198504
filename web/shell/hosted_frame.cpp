#include "web/shell/hosted_frame.h"

#include <emscripten.h>

namespace {

userpool::web::App* g_hosted_app = nullptr;

// Places the frame (creating it the first time) at a rectangle given in
// device pixels, and loads the page when its version moved.
EM_JS(void, hosted_frame_show, (float x, float y, float w, float h, float vx, float vy, float vw, float vh, const char* html, double version), {
  var frame = document.getElementById("hosted-frame");
  if (!frame) {
    frame = document.createElement("iframe");
    frame.id = "hosted-frame";
    frame.title = "Hosted UI page";
    // Same origin, so the page can catch the frame's clicks and posts; no
    // scripts and no top navigation for anything inside it.
    frame.setAttribute("sandbox", "allow-same-origin allow-forms");
    // Fixed to the window, as the canvas is: the page itself never scrolls.
    frame.style.position = "fixed";
    frame.style.left = "0";
    frame.style.top = "0";
    // Moved by a transform, on its own compositing layer, so a move repaints
    // nothing behind it.
    frame.style.willChange = "transform";
    frame.style.border = "0";
    frame.style.background = "#fff";
    // Not quite opaque: the compositor then never culls the canvas behind
    // the frame (headless Chromium culled a stale region of it, leaving a
    // hole where the frame had been).
    frame.style.opacity = "0.999";
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
  // The frame covers the part of its place that is on screen (the view
  // scrolls); the page inside scrolls on its own.
  var ratio = window.devicePixelRatio || 1;
  frame.style.transform = "translate(" + (vx / ratio) + "px, " + (vy / ratio) + "px)";
  frame.style.width = (vw / ratio) + "px";
  frame.style.height = (vh / ratio) + "px";
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
  if (g_hosted_app != nullptr) g_hosted_app->hosted_ui().browser().navigate(method, url, body);
}

namespace userpool::web {

void install_hosted_frame(App& app) {
  g_hosted_app = &app;
  UiContext& ctx = app.context();
  ctx.show_hosted_page = [](UiContext::Rect f, UiContext::Rect v, const std::string& html, std::uint64_t version) {
    hosted_frame_show(f.x, f.y, f.w, f.h, v.x, v.y, v.w, v.h, html.c_str(), static_cast<double>(version));
  };
  ctx.hide_hosted_page = [] { hosted_frame_hide(); };
}

}  // namespace userpool::web
