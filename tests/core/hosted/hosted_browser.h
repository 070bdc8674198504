// A browser for the hosted-UI tests: it sends HTTP requests to a pool's
// domain through the same routes the endpoint and the page use
// (core/http/hosted_routes.h), and any other https:// address to the
// simulated identity providers (core/http/provider_routes.h); it keeps the
// domain's cookies, and reads the forms on the pages it gets.
#pragma once

#include <map>
#include <string>

#include "core/api/door.h"
#include "core/base/url.h"
#include "core/http/hosted_routes.h"
#include "tests/core/harness/harness.h"

namespace userpool::test {

// https://demo-app.auth.us-east-1.amazoncognito.com, the domain these tests give pools.
inline const std::string kDomain = "demo-app";
inline const std::string kBase = "https://demo-app.auth.us-east-1.amazoncognito.com";
inline const std::string kApp = "https://app.example.com";
inline const std::string kCallback = "https://app.example.com/callback";
inline const std::string kSignedOut = "https://app.example.com/signed-out";

// A pool with the domain, and the settings of an app client that signs in
// through the hosted UI with the code grant (and implicit), PKCE optional.
// Unless told otherwise the pool requires an email address and verifies it
// with a code, as the console's defaults do.
std::string hosted_pool(Sandbox& s, Json pool_settings = Json::object());
Json hosted_client_settings(Json overrides = Json::object());

class HostedBrowser {
 public:
  explicit HostedBrowser(Sandbox& s) : door_(s.account) {}

  // A GET of a URL on the domain (absolute, or a path with its query).
  HttpResponse get(const std::string& url, const std::string& authorization = {});
  // A form POST to a URL on the domain.
  HttpResponse post(const std::string& url, const UrlParams& form, const std::string& authorization = {});
  // Follows a response's Location until it leaves for the app (the domain's
  // pages and the simulated providers' are followed); the last response.
  HttpResponse follow(HttpResponse response);

  // The value of a form field on a page (the test fails if there is none).
  static std::string field(const HttpResponse& page, const std::string& name);
  // The form's action (decoded).
  static std::string action(const HttpResponse& page);
  // The hidden fields of the page's form (its first with method="post" first).
  static UrlParams hidden_fields(const HttpResponse& page);
  // Posts the page's form: its hidden fields and `fields`.
  HttpResponse submit(const HttpResponse& page, UrlParams fields = {});
  static std::string location(const HttpResponse& r);
  // A parameter of a URL's query (or fragment).
  static std::string url_param(const std::string& url, const std::string& name);

  std::map<std::string, std::string> cookies;
  std::string last_operation;

 private:
  HttpResponse send(HttpRequest request, const std::string& url);
  AccountDoor door_;
};

// Whether a page's HTML contains `text`.
inline bool shows(const HttpResponse& page, const std::string& text) { return page.body.find(text) != std::string::npos; }

// A JSON answer's body (the test fails, showing the body, if it is not JSON).
Json json_body(const HttpResponse& r);

// A token's claims (the test fails if it is not a JWT).
Json token_claims(const std::string& token);
inline Json token_claims(const Json& token) { return token_claims(token.get<std::string>()); }

// /oauth2/authorize?... for a client, with the parameters given (and
// response_type=code, the callback, unless given).
std::string authorize_url(const std::string& client_id, UrlParams extra = {});

// Signs in through the hosted UI from authorize to the callback; the
// callback URL the browser is sent to.
std::string hosted_sign_in(HostedBrowser& b, const std::string& client_id, const std::string& username,
                           const std::string& password, UrlParams extra = {});

}  // namespace userpool::test
