#include "web/shell/page_services.h"

#include <emscripten.h>

#include <cstdlib>
#include <map>
#include <string>

#include "imgui.h"
#include "web/shell/saved_work.h"

namespace {

constexpr double kSaveInterval = 0.25;  // seconds between saves at most

userpool::web::App* g_app = nullptr;
std::uint64_t g_saved_revision = ~0ull;
double g_last_check = -1e9;  // when the work was last looked at for changes
// Who asked for the file the page is choosing (import, a lesson file).
userpool::web::UiContext::FileHandler g_file_handler;
std::string g_clipboard;  // the text ImGui pastes: the last copy, or the page's last paste event
// Files being fetched, by request number: the address and who asked.
struct Fetch {
  std::string url;
  userpool::web::UiContext::FileHandler done;
  userpool::web::UiContext::FetchFailure failed;
};
std::map<int, Fetch> g_fetches;
int g_next_fetch = 1;

// The key under which the work is kept, and where an unreadable copy is set aside.
EM_JS(char*, storage_load, (), {
  try {
    var text = window.localStorage.getItem("userpool-sandbox.work");
    return text === null ? 0 : allocateUTF8(text);
  } catch (e) {
    return 0;
  }
});
EM_JS(void, storage_set_aside, (), {
  try {
    var text = window.localStorage.getItem("userpool-sandbox.work");
    if (text !== null) window.localStorage.setItem("userpool-sandbox.work.unreadable", text);
  } catch (e) {
  }
});
// Returns null when saved, or why not (a full storage, storage turned off).
EM_JS(char*, storage_save, (const char* text), {
  try {
    window.localStorage.setItem("userpool-sandbox.work", UTF8ToString(text));
    return 0;
  } catch (e) {
    var why = (e && e.name === "QuotaExceededError") ? "the storage for this page is full"
                                                      : "this browser does not allow it (" + (e && e.name || e) + ")";
    return allocateUTF8(why);
  }
});
// The page's address without its fragment, and the fragment (without "#"),
// which is then taken off the address so a reload does not open it again.
EM_JS(char*, page_address, (), { return allocateUTF8(window.location.href.split("#")[0]); });
EM_JS(char*, take_page_fragment, (), {
  var fragment = window.location.hash.replace(/^#/, "");
  if (fragment) history.replaceState(null, "", window.location.pathname + window.location.search);
  return allocateUTF8(fragment);
});
EM_JS(void, page_download, (const char* name, const char* text), {
  var blob = new Blob([UTF8ToString(text)], {type : "application/json"});
  var a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = UTF8ToString(name);
  document.body.appendChild(a);
  a.click();
  setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 0);
});
// A file input per kind of file (`accept`), made once; the chosen file's
// name and contents go to userpool_file_chosen, which hands them to whoever
// asked: as text, or (`base64`) its bytes in base64, as a blob travels in
// an API request.
EM_JS(void, page_choose_file, (const char* accept_ptr, int base64), {
  var accept = UTF8ToString(accept_ptr);
  var id = "userpool-file-" + accept.replace(/[^a-z]/g, "");
  var input = document.getElementById(id);
  if (!input) {
    input = document.createElement("input");
    input.type = "file";
    input.accept = accept;
    input.id = id;
    input.hidden = true;
    input.addEventListener("change", function() {
      var file = input.files && input.files[0];
      if (!file) return;
      var read = base64 ? file.arrayBuffer().then(function(buffer) {
        var bytes = new Uint8Array(buffer);
        var binary = "";
        for (var i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
        return btoa(binary);
      }) : file.text();
      read.then(function(contents) {
        Module.ccall("userpool_file_chosen", null, [ "string", "string" ], [ file.name, contents ]);
      });
      input.value = "";
    });
    document.body.appendChild(input);
  }
  input.click();
});
// A text file from an address; its text (or why not) goes to
// userpool_fetched with the request's number. A page on another origin must
// allow this one (CORS), as any static host of files can.
EM_JS(void, page_fetch_text, (const char* url_ptr, int request), {
  var url = UTF8ToString(url_ptr);
  fetch(url, {cache : "no-store"})
      .then(function(r) {
        if (!r.ok) throw new Error("the server answered HTTP " + r.status);
        return r.text();
      })
      .then(function(text) { Module.ccall("userpool_fetched", null, [ "number", "number", "string" ], [ request, 1, text ]); },
            function(e) {
              var why = (e && e.message) || String(e);
              if (e && e.name === "TypeError") why = "the address cannot be reached from this page, or its server does not allow this page to read it (CORS)";
              Module.ccall("userpool_fetched", null, [ "number", "number", "string" ], [ request, 0, why ]);
            });
});
// The theme the learner chose last, or else the one the system prefers.
EM_JS(int, theme_prefers_dark, (), {
  try {
    var saved = window.localStorage.getItem("userpool-sandbox.theme");
    if (saved === "dark" || saved === "light") return saved === "dark" ? 1 : 0;
  } catch (e) {
  }
  return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? 1 : 0;
});
EM_JS(void, theme_remember, (const char* name), {
  try {
    window.localStorage.setItem("userpool-sandbox.theme", UTF8ToString(name));
  } catch (e) {
  }
});
EM_JS(void, page_copy, (const char* text), {
  var t = UTF8ToString(text);
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(function() {});
});
// Paste: the page"s paste event carries the system clipboard"s text; it
// arrives before the next frame, when ImGui handles the Ctrl+V key.
EM_JS(void, page_listen_for_paste, (), {
  window.addEventListener("paste", function(e) {
    var text = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
    Module.ccall("userpool_paste", null, [ "string" ], [ text ]);
  });
  window.addEventListener("pagehide", function() { Module.ccall("userpool_save_now", null, [], []); });
});

void set_clipboard(void*, const char* text) {
  g_clipboard = text;
  page_copy(text);
}
const char* get_clipboard(void*) { return g_clipboard.c_str(); }

void save_now() {
  if (g_app == nullptr) return;
  userpool::web::UiContext& ctx = g_app->context();
  g_saved_revision = ctx.work_revision();
  const std::string text = userpool::web::saved_work(ctx).dump();
  char* error = storage_save(text.c_str());
  if (error == nullptr) {
    ctx.storage_failed = false;
    ctx.storage_status = "Saved in this browser (" + std::to_string(text.size() / 1024 + 1) + " KB).";
    return;
  }
  const bool first_failure = !ctx.storage_failed;
  ctx.storage_failed = true;
  ctx.storage_status = std::string("Your work could not be saved in this browser: ") + error +
                       ". It is still here until you close the page; use Export to keep it.";
  std::free(error);
  if (first_failure) ctx.notify(ctx.storage_status, true);
}

}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE void userpool_paste(const char* text) { g_clipboard = text; }
EMSCRIPTEN_KEEPALIVE void userpool_save_now() { save_now(); }
EMSCRIPTEN_KEEPALIVE void userpool_fetched(int request, int ok, const char* text) {
  const auto it = g_fetches.find(request);
  if (it == g_fetches.end()) return;
  const Fetch fetch = std::move(it->second);
  g_fetches.erase(it);
  if (ok != 0) fetch.done(fetch.url, text);
  else fetch.failed(text);
}
EMSCRIPTEN_KEEPALIVE void userpool_file_chosen(const char* name, const char* text) {
  if (!g_file_handler) return;
  // The handler may ask for another file; it must not be the one running.
  const auto handler = std::move(g_file_handler);
  g_file_handler = nullptr;
  handler(name, text);
}
}

namespace userpool::web {

void install_page_services(App& app) {
  g_app = &app;
  UiContext& ctx = app.context();
  ctx.download = [](const std::string& name, const std::string& text) { page_download(name.c_str(), text.c_str()); };
  ctx.choose_file = [](UiContext::FileHandler handler) {
    g_file_handler = std::move(handler);
    page_choose_file(".json,application/json", 0);
  };
  ctx.fetch_text = [](const std::string& url, UiContext::FileHandler done, UiContext::FetchFailure failed) {
    const int request = g_next_fetch++;
    g_fetches[request] = Fetch{url, std::move(done), std::move(failed)};
    page_fetch_text(url.c_str(), request);
  };
  ctx.choose_image = [](UiContext::FileHandler handler) {
    g_file_handler = std::move(handler);
    page_choose_file("image/png,image/jpeg", 1);
  };
  ImGuiIO& io = ImGui::GetIO();
  io.SetClipboardTextFn = set_clipboard;
  io.GetClipboardTextFn = get_clipboard;
  io.ClipboardUserData = nullptr;
  page_listen_for_paste();
  set_theme(theme_prefers_dark() != 0 ? Theme::kDark : Theme::kLight);
  // A theme that cannot be remembered is no loss worth a notice: the work is.
  ctx.theme_chosen = [](Theme theme) { theme_remember(theme_name(theme)); };

  if (char* saved = storage_load()) {
    const std::string text = saved;
    std::free(saved);
    if (const auto error = restore_saved_work(ctx, text)) {
      storage_set_aside();
      ctx.notify("Your saved work could not be restored (" + *error +
                     "). It was kept aside in this browser's storage as userpool-sandbox.work.unreadable.",
                 true);
    } else {
      ctx.api.clear_log();  // the restore itself is not the learner's request
    }
  }
  g_saved_revision = ctx.work_revision();

  char* address = page_address();
  ctx.page_address = address;
  std::free(address);
  // A presenter's link to a lesson (#lesson=<Id>&step=<n>, or a lesson file's
  // #lesson-url=<address>&step=<n>) opens it, over the restored work.
  char* fragment = take_page_fragment();
  const std::string link = fragment;
  std::free(fragment);
  if (link.find("lesson=") != std::string::npos || link.find("lesson-url=") != std::string::npos) {
    if (const auto error = ctx.lessons.open_link(ctx, link))
      ctx.notify("This link's lesson could not be opened: " + *error, true);
  }
}

void save_work_if_changed(App& app, double now_seconds) {
  // Looked at once per interval, not every frame: work_revision() hashes the session's tokens.
  if (now_seconds - g_last_check < kSaveInterval) return;
  g_last_check = now_seconds;
  if (app.context().work_revision() != g_saved_revision) save_now();
}

}  // namespace userpool::web
