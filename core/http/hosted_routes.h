// A pool's domain over HTTP: which HostedUI operation each page and OAuth
// endpoint is, and how an HTTP request becomes its call (the query, the
// form body, the cookies, the Authorization header) and its answer an HTTP
// response (status, Location, Set-Cookie, the page). Free of any server
// library: the endpoint (core/http/endpoint.h) serves it natively, and the
// app's browser view hands it requests in the page.
//
// Paths, relative to the domain:
//   GET  /oauth2/authorize                          HostedUI.Authorize
//   GET  /login (also /oauth2/login)                HostedUI.GetLoginPage
//   POST /login                                     HostedUI.Login
//   GET|POST /signup                                HostedUI.GetSignUpPage | SignUp
//   GET|POST /confirmUser                           HostedUI.GetConfirmUserPage | ConfirmUser
//   GET|POST /forgotPassword                        HostedUI.GetForgotPasswordPage | ForgotPassword
//   GET|POST /confirmForgotPassword                 HostedUI.GetConfirmForgotPasswordPage | ConfirmForgotPassword
//   POST /resetpassword, /mfa                       HostedUI.RespondToChallenge (a new password, an MFA code)
//   GET  /error                                     HostedUI.GetErrorPage
//   GET  /logout                                    HostedUI.Logout
//   POST /oauth2/token                              HostedUI.Token
//   GET|POST /oauth2/userInfo                       HostedUI.GetUserInfo
//   POST /oauth2/revoke                             HostedUI.Revoke
//   GET|POST /oauth2/idpresponse                    HostedUI.IdpResponse (a federated provider's answer)
//   POST /saml2/idpresponse                         HostedUI.SamlResponse (a SAML provider's Response)
#pragma once

#include <string>
#include <string_view>

#include "core/api/door.h"
#include "core/http/http_message.h"

namespace userpool {

struct HostedAnswer {
  HttpResponse response;
  std::string operation;  // "HostedUI.Login", or empty when no operation was called
  bool may_have_changed = false;
};

// The answer of `domain` to a request for `path` (the part after the
// domain's base URL; the query is the request's).
HostedAnswer answer_hosted(Door& door, const HttpRequest& request, std::string_view domain, std::string_view path);

// The HTTP response a page's or endpoint's answer ({"Status", "Location",
// "SetCookies", "Headers", "ContentType", "Body"}) describes.
HttpResponse hosted_http_response(const Json& reply);

// An HTTP request as a page operation's call: {"Method", "Query", "Form"
// (a form-encoded POST's fields), "Cookies", "Authorization"}.
Json hosted_call(const HttpRequest& request);

// Calls answer.operation with `call` through the door and fills in the
// answer: the HTTP response, and whether the sandbox may have changed.
void call_page_operation(Door& door, const Json& call, HostedAnswer& answer);

// A plain 404 page saying `message`.
HttpResponse page_not_found(std::string_view message);

// The operation a method and path name (empty when none).
std::string hosted_operation(std::string_view method, std::string_view path);

}  // namespace userpool
