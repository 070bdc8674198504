// A browser and the app it runs, as the "Hosted UI" view and a lesson's
// replayed hosted sign-in use them: it goes where the hosted pages send it,
// as a real browser does, and plays the learner's app at the client's
// callback URL. The pages come from the pool's domain through the same
// routes the local endpoint serves (core/http/hosted_routes.h), and from
// the simulated identity providers a pool federates with
// (core/http/provider_routes.h), called through the app's door, so every
// hop is in the API log. It keeps the
// domain's cookies, a history for Back, each hop for the Flow view, and
// what the app received: a code (which it exchanges at the token endpoint
// with its PKCE verifier) or tokens.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/api/door.h"
#include "core/base/url.h"
#include "core/http/hosted_routes.h"

namespace userpool {

// One request the browser or the app made, and what came back.
struct HostedHop {
  std::string who;  // "browser" or "app"
  std::string to;   // "Cognito", "app", or the identity provider's host
  std::string method, url;
  int status = 0;
  std::string location;  // where a redirect sent the browser
  std::string operation;  // HostedUI.* (empty for the app's own page)
};

// What the app at its callback URL received and did.
struct AppCallback {
  std::string url;
  std::string code, state, error, error_description;
  bool state_matches = false;
  Json token_request = Json::object();  // the form the app posted to /oauth2/token
  int token_status = 0;
  Json tokens = Json::object();  // the token endpoint's answer, or the implicit grant's fragment
};

// Where a pool's hosted pages are served: its custom domain if it has one,
// else its Cognito domain prefix, and the address of either. Both empty when
// the pool has no domain. `pool` is DescribeUserPool's UserPool.
struct HostedSite {
  std::string domain, base_url;
};
HostedSite hosted_site_of(const std::string& user_pool_id, const Json& pool);

class HostedUiBrowser {
 public:
  // How the app asks to sign in.
  struct Start {
    std::string user_pool_id, client_id, client_secret;
    std::string domain;    // the pool's domain (a prefix or a custom domain name)
    std::string base_url;  // where the domain is reached
    std::string redirect_uri;
    std::string scope;     // space-separated; empty: the client's
    bool implicit = false;  // response_type=token instead of code with PKCE
    std::string identity_provider;  // straight to that provider (identity_provider=...); empty: the sign-in page
  };

  // The current page's first form that posts: where it goes, and its hidden fields.
  struct PageForm {
    std::string action;
    UrlParams hidden;
  };

  explicit HostedUiBrowser(Door& door) : door_(door) {}

  // How an app of the pool starts a sign-in with this client: the pool's
  // domain (its custom domain if it has one), the client's first callback
  // URL and its secret, read through `door`; the reason when the pool has no
  // domain or the client no callback URL.
  static tl::expected<Start, std::string> start_for(Door& door, const std::string& user_pool_id, const std::string& client_id);

  // The app sends the browser to /oauth2/authorize (with a new state, nonce
  // and PKCE verifier for the code grant).
  void start(const Start& start);
  // The browser follows a link or submits a form on the current page.
  void navigate(const std::string& method, const std::string& url, const std::string& form_body = {});
  // Opens a link to a page of the domain that no authorize request led to
  // (the confirmation link of a verification email).
  void open(const Start& site, const std::string& url);
  void back();
  // The page's form, read from the pages the sandbox serves (its own
  // markup, not any page of the web); nullopt when it has none. With
  // `typed`, the first form that has a field of each of those names (a
  // provider's "use another account" form after its remembered accounts'),
  // else the first form.
  std::optional<PageForm> post_form(const UrlParams& typed = {}) const;
  // Submits that form as a learner would: its hidden fields with `fields`
  // typed in (a field given replaces a hidden one). False when there is none.
  bool submit(const UrlParams& fields = {});
  // Forgets the domain's cookies (a new private window).
  void clear_cookies() { cookies_.clear(); }

  bool active() const { return !url_.empty(); }
  const std::string& url() const { return url_; }
  // The page the browser shows (HTML), and a number that moves when it changes.
  const std::string& page() const { return page_; }
  std::uint64_t page_version() const { return page_version_; }
  int status() const { return status_; }
  bool at_app() const { return callback_.has_value(); }
  const std::optional<AppCallback>& callback() const { return callback_; }
  const std::vector<HostedHop>& hops() const { return hops_; }
  const Start& started() const { return start_; }
  // The app's values for this sign-in.
  const std::string& state() const { return state_; }
  const std::string& nonce() const { return nonce_; }
  const std::string& code_verifier() const { return verifier_; }

 private:
  // A new visit to a pool's domain: no hops, history or callback yet.
  void arrive_at_site(const Start& site);
  void load(std::string method, std::string url, std::string body, bool remember);
  void arrive_at_app(const std::string& url);
  bool on_domain(const std::string& url) const;
  // Whether a URL off the domain is a simulated identity provider's page or
  // endpoint (not the app's: the app is at the callback URL's origin).
  bool at_provider(const std::string& method, const std::string& url) const;
  // Records the hop; shows the answer unless it is a redirect (false: follow it).
  bool show(const std::string& method, const std::string& url, const std::string& to, const HostedAnswer& answer);
  // The next request after a redirect answer: its Location, by GET.
  static void follow_redirect(const HostedAnswer& answer, std::string& url, std::string& method, std::string& body);

  Door& door_;
  Start start_;
  std::string state_, nonce_, verifier_;
  std::string url_, page_;
  int status_ = 0;
  std::uint64_t page_version_ = 0;
  std::vector<std::string> history_;
  std::vector<std::pair<std::string, std::string>> cookies_;
  std::optional<AppCallback> callback_;
  std::vector<HostedHop> hops_;
};

}  // namespace userpool
