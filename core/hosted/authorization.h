// The authorize request (Developer Guide: "Authorize endpoint"), checked the
// way Cognito checks it, and carried through the sign-in pages until the
// browser goes back to the app with a code or tokens.
//
// The order of the checks matters: until the client and its redirect_uri are
// known good, an error is a page on the domain (never a redirect, which
// would send the browser to an address nobody registered); after that,
// errors go back to the app as ?error=...&state=....
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/hosted/site.h"

namespace userpool::hosted {

struct Authorization {
  AppClient* client = nullptr;
  std::string redirect_uri;
  std::string response_type;  // "code" or "token"
  std::optional<std::string> state;
  std::vector<std::string> scopes;  // granted
  std::string code_challenge;       // PKCE S256, empty when none
  std::optional<std::string> nonce;
  std::string prompt;
  std::string login_hint;
  // A provider asked for by identity_provider or idp_identifier (empty:
  // none, the sign-in page offers them all). COGNITO is the pool's own users.
  std::string identity_provider;
  UrlParams query;  // the authorize parameters as sent, carried to every page

  // A URL on the domain with the authorize parameters carried along.
  std::string page_url(const Site& site, const std::string& path) const;
};

// The scopes of a space-separated scope parameter, each once, in order.
std::vector<std::string> split_scopes(const std::string& text);

// The authorize parameters checked, or the answer to send instead (the
// error page, or a redirect with ?error=).
std::variant<Authorization, Reply> check_authorization(OpContext& ctx, const Site& site, const HostedRequest& request);

// The error page's address: /error?error=<code>&client_id=<id>.
Reply error_page_redirect(const Site& site, const std::string& error, const std::string& client_id);
// Back to the app with an error (and the state, when it sent one).
Reply error_redirect(const Authorization& a, const std::string& error, const std::string& description = {});

// The hosted UI's session cookie ("cognito"; UNVERIFIED name) and the
// double-submit CSRF cookie its forms carry (XSRF-TOKEN, the form's _csrf).
inline constexpr const char* kSessionCookie = "cognito";
inline constexpr const char* kCsrfCookie = "XSRF-TOKEN";
inline constexpr const char* kCsrfField = "_csrf";
// The managed login session lasts an hour, whatever the token lifetimes.
inline constexpr auto kHostedSessionLifetime = std::chrono::hours(1);
// Authorization codes are valid five minutes, once.
inline constexpr auto kAuthorizationCodeLifetime = std::chrono::minutes(5);

// The user a valid session cookie names, or nullptr.
const HostedSession* signed_in_session(OpContext& ctx, const Site& site, const HostedRequest& request);

// The user proved who they are: a session cookie for the domain, then the
// browser back to the app with a code (code grant) or tokens in the
// fragment (implicit grant).
Reply finish_sign_in(OpContext& ctx, const Site& site, const Authorization& a, User& user, Timestamp auth_time,
                     bool new_session);

// SHA-256 of the verifier, base64url: what code_challenge must be (S256).
std::string pkce_challenge(std::string_view code_verifier);

}  // namespace userpool::hosted
