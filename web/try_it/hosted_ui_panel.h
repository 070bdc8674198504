// "Hosted UI": the learner's app signing in through the pool's domain, as a
// real app does with the authorization code grant and PKCE (or the implicit
// grant): a browser with an address bar and Back shows the hosted pages
// themselves (in the page, real HTML in a sandboxed frame over the canvas),
// the app at its callback URL shows the code arriving and its exchange at
// the token endpoint, and every redirect is listed with its parameters. A
// machine client can get a client_credentials token the same way.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "web/shell/clock_reader.h"
#include "web/shell/ui_context.h"
#include "core/client/hosted_ui_browser.h"

namespace userpool::web {

class HostedUiPanel {
 public:
  explicit HostedUiPanel(UiContext& ctx) : ctx_(ctx), browser_(ctx.api) {}
  void draw();

  HostedUiBrowser& browser() { return browser_; }
  // Starts the sign-in with the chosen pool and client (what the button does).
  void sign_in();
  // The client_credentials grant for the chosen client; the token endpoint's answer.
  const Json& machine_token() const { return machine_token_; }
  void get_machine_token();
  void choose(const std::string& pool_id, const std::string& client_id);
  // The pool whose app signs in (empty before one is chosen).
  const std::string& pool_id() const { return pool_id_; }
  // Opens a link to the pool's domain (from a message in the inbox) in the browser.
  void open_link(const std::string& pool_id, const std::string& url);
  const std::string& error() const { return error_; }

 private:
  struct Choice {
    std::string id, name;
  };
  void refresh();
  void draw_pickers();
  void draw_browser();
  void draw_app();
  void draw_hops();
  // A phone's authenticator app, for the hosted pages that ask for its
  // code: the secret key of an MFA_SETUP page is taken into it (a learner
  // may also paste one), and it shows the current code to copy.
  void draw_authenticator();
  std::string domain() const;
  std::string base_url() const;

  UiContext& ctx_;
  HostedUiBrowser browser_;
  std::uint64_t revision_ = ~0ull;
  std::vector<Choice> pools_, clients_;
  std::string pool_id_, client_id_;
  Json pool_ = Json::object(), client_ = Json::object();
  std::string redirect_uri_;
  std::string scope_;
  bool implicit_ = false;
  std::string error_;
  Json machine_token_ = Json::object();
  std::string totp_secret_;
  std::uint64_t totp_page_version_ = 0;  // the page totp_secret_ and page_asks_for_totp_ were read from
  bool page_asks_for_totp_ = false;
  ClockReader clock_{0.25};  // for the authenticator's code
};

}  // namespace userpool::web
