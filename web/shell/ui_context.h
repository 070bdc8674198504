// What the panels share: the API client, fonts, which view is open, the
// learner's signed-in session ("Try it" and the token inspector both use
// it), short notices, and copying to the clipboard.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/base/json.h"
#include "web/shell/api_client.h"
#include "web/shell/fonts.h"
#include "core/lessons/lesson_context.h"
#include "web/lessons/lesson_state.h"
#include "web/shell/theme.h"

namespace userpool::web {

enum class View {
  kWelcome,
  kLessons,     // the list of lessons
  kCreatePool,  // the wizard
  kPool,        // the pool console of the selected pool
  kTryIt,
  kHostedUi,  // signing in through the pool's domain
  kInbox,
  kTokens,
  kApiLog,
  kFlow,
  kSavedWork,  // export, import, reset
  kApiGateway,  // the connected services the lessons use
  kBeanstalk,
};

// The learner's app: who is signed in, with which tokens. Kept across
// reloads with the rest of the state.
// It is the session lesson checks read (pool, client, username, tokens,
// signed_in(), sign_out()), plus the client secret the app signs requests
// with.
struct AppSession : lessons::LessonSession {
  std::string client_secret;

  // The saved form (not the lesson Session source's document).
  Json to_json() const;
  static AppSession from_json(const Json& j);
};

struct Notice {
  std::string text;
  bool error = false;
  double shown_at = 0;  // ImGui time
};

class UiContext {
 public:
  explicit UiContext(ApiClient& api_client) : api(api_client) {}

  ApiClient& api;
  Fonts fonts;
  View view = View::kWelcome;
  std::string pool_id;  // the pool the console shows
  AppSession session;
  // The lessons, and where the learner is in them.
  LessonState lessons;
  std::vector<Notice> notices;
  // A code the inbox hands to the form that waits for one ("Use" beside a
  // code); the Try it panel takes it into its code field and clears it.
  std::string offered_code;

  // What the page offers for files and storage, set by the browser glue
  // (tests set their own). `download` saves text as a file; `choose_file`
  // asks for a file and hands its name and text to the handler.
  std::function<void(const std::string& filename, const std::string& text)> download;
  using FileHandler = std::function<void(const std::string& name, const std::string& text)>;
  std::function<void(FileHandler)> choose_file;
  // Asks for a PNG or JPEG image and hands its name and bytes, in base64
  // (as an API blob travels in JSON), to the handler.
  std::function<void(FileHandler)> choose_image;
  // Fetches a text file from an address (the page's fetch(), so the server
  // must allow this page's origin): `done` gets the address and the text,
  // `failed` why not, in words.
  using FetchFailure = std::function<void(const std::string& why)>;
  std::function<void(const std::string& url, FileHandler done, FetchFailure failed)> fetch_text;
  // Opens a link of a pool's hosted domain (a verification email's link) in
  // the Hosted UI view's browser; set by the app.
  std::function<void(const std::string& pool_id, const std::string& url)> open_link;
  // Whether the work is kept in this browser: when it was last saved, or why
  // it could not be (storage full, private mode).
  std::string storage_status;
  bool storage_failed = false;
  // The hosted UI's page, shown over the canvas by the browser glue (a
  // sandboxed frame; `version` moves when the HTML changes): placed at
  // `frame`, cut to the part of it on screen (`visible`), both in device
  // pixels; hidden again when no view shows it. Unset natively.
  struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
  };
  std::function<void(Rect frame, Rect visible, const std::string& html, std::uint64_t version)> show_hosted_page;
  std::function<void()> hide_hosted_page;
  // Called when the learner switches theme, so the page can remember it.
  std::function<void(Theme)> theme_chosen;
  // The page's own address, without a fragment (empty outside a browser):
  // links to a lesson step are made from it.
  std::string page_address;

  // Changes whenever the learner's work changes: the sandbox (any call but a
  // read, through the API client), the lessons' progress, or the signed-in
  // session (which panels set directly, without a call).
  std::uint64_t work_revision() const;

  void open(View v) { view = v; }
  void open_pool(const std::string& id) {
    pool_id = id;
    view = View::kPool;
  }
  // A short line at the bottom of the window for a few seconds.
  void notify(std::string text, bool error = false);
  // Copies text to the clipboard (the system clipboard in the browser) and says so.
  void copy(const std::string& text, const std::string& what = "Value");
};

}  // namespace userpool::web
