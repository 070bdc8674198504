// The hosted domain's requests and answers, as its operations see them.
//
// Each page and endpoint of a pool's domain (the hosted UI and the OAuth 2.0
// endpoints) is an operation of the "HostedUI." service, called through the
// door like every other (core/http/hosted_routes.h turns HTTP into these
// calls, in the page and natively). A request names the domain and carries
// the parts of the HTTP request that matter:
//   {"Domain", "Method", "Query": {..}, "Form": {..}, "Cookies": {..},
//    "Authorization": "Basic ..." | "Bearer ..."}
// and the answer is the HTTP response to send:
//   {"Status", "Location"?, "SetCookies"?: [..], "Headers"?: {..},
//    "ContentType"?, "Body"?}
// OAuth errors are answers (an error page, a redirect with ?error=, a JSON
// {"error"}), not exceptions: only a request the sandbox cannot read at all
// fails as an API error.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/api/operation.h"
#include "core/base/url.h"

namespace userpool::hosted {

// The domain a request came to, and where its pages are reached.
struct Site {
  UserPool& pool;
  std::string domain;       // "my-app" (a Cognito prefix) or "auth.example.com"
  std::string base_url;     // https://my-app.auth.us-east-1.amazoncognito.com, or the local endpoint's
  std::string cookie_path;  // "/" on the real host; the domain's own path on a local endpoint
  bool secure = true;       // https: cookies are Secure

  std::string url(std::string_view path) const { return base_url + std::string(path); }
};

struct HostedRequest {
  std::string method;
  std::map<std::string, std::string> query, form, cookies;
  std::string authorization;  // the Authorization header, as sent

  // A parameter from the query or, for a POST, the form (the form wins).
  std::string param(const std::string& name) const;
  bool has(const std::string& name) const;
};

// The site and the request an operation was called with. A domain no pool
// has is ResourceNotFoundException (the router answers 404).
Site read_site(OpContext& ctx, const Request& r);
HostedRequest read_hosted_request(const Request& r);

// An answer.
struct Reply {
  int status = 200;
  std::string location;
  std::vector<std::string> set_cookies;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string content_type;
  std::string body;

  Json to_json() const;
};
Reply redirect(std::string location);
Reply html_page(int status, std::string html);
Reply json_reply(int status, const Json& body);

// One of the pool's API operations called on a user's or an app's behalf
// (the hosted UI is a client of the pool like any app): its rules go into
// the calling page's event; its errors are thrown as ApiException.
Json call_operation(OpContext& ctx, std::string_view operation, const Json& body);

// Set-Cookie values for the site.
std::string session_cookie(const Site& site, const std::string& name, const std::string& value, int max_age_seconds);
std::string expired_cookie(const Site& site, const std::string& name);

}  // namespace userpool::hosted
