#include "core/http/hosted_routes.h"

#include "core/api/registry.h"
#include "core/base/html.h"
#include "core/base/url.h"

namespace userpool {
namespace {

Json as_object(const std::map<std::string, std::string>& values) {
  Json j = Json::object();
  for (const auto& [name, value] : values) j[name] = value;
  return j;
}

}  // namespace

Json hosted_call(const HttpRequest& request) {
  Json call = {{"Method", request.method}, {"Query", as_object(first_values(parse_url_params(request.query)))}};
  const std::string content_type = request.header("Content-Type").value_or("");
  if (request.method == "POST" && content_type.find("application/x-www-form-urlencoded") != std::string::npos)
    call["Form"] = as_object(first_values(parse_url_params(request.body)));
  if (const auto cookie = request.header("Cookie")) call["Cookies"] = as_object(parse_cookie_header(*cookie));
  if (const auto authorization = request.header("Authorization")) call["Authorization"] = *authorization;
  return call;
}

HttpResponse page_not_found(std::string_view message) {
  HttpResponse r;
  r.status = 404;
  r.set_header("Content-Type", "text/html;charset=UTF-8");
  r.body = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Not found</title></head><body><p>" + html_escape(message) +
           "</p></body></html>\n";
  return r;
}

std::string hosted_operation(std::string_view method, std::string_view path) {
  const bool post = method == "POST";
  if (path == "/oauth2/authorize" && method == "GET") return "HostedUI.Authorize";
  if (path == "/login" || path == "/oauth2/login") return post ? "HostedUI.Login" : "HostedUI.GetLoginPage";
  if (path == "/signup") return post ? "HostedUI.SignUp" : "HostedUI.GetSignUpPage";
  if (path == "/confirmUser") return post ? "HostedUI.ConfirmUser" : "HostedUI.GetConfirmUserPage";
  if (path == "/forgotPassword") return post ? "HostedUI.ForgotPassword" : "HostedUI.GetForgotPasswordPage";
  if (path == "/confirmForgotPassword") return post ? "HostedUI.ConfirmForgotPassword" : "HostedUI.GetConfirmForgotPasswordPage";
  if ((path == "/mfa" || path == "/resetpassword") && post) return "HostedUI.RespondToChallenge";
  if (path == "/error" && method == "GET") return "HostedUI.GetErrorPage";
  if (path == "/logout" && method == "GET") return "HostedUI.Logout";
  if (path == "/oauth2/token") return "HostedUI.Token";
  if (path == "/oauth2/userInfo") return "HostedUI.GetUserInfo";
  if (path == "/oauth2/revoke") return "HostedUI.Revoke";
  if (path == "/oauth2/idpresponse" && (post || method == "GET")) return "HostedUI.IdpResponse";
  if (path == "/saml2/idpresponse" && post) return "HostedUI.SamlResponse";
  return {};
}

HostedAnswer answer_hosted(Door& door, const HttpRequest& request, std::string_view domain, std::string_view path) {
  HostedAnswer answer;
  answer.operation = hosted_operation(request.method, path);
  if (answer.operation.empty()) {
    answer.response = page_not_found("There is no page at " + std::string(path) + " on this domain.");
    return answer;
  }
  Json call = hosted_call(request);
  call["Domain"] = std::string(domain);
  call_page_operation(door, call, answer);
  return answer;
}

void call_page_operation(Door& door, const Json& call, HostedAnswer& answer) {
  const Response r = door.call(answer.operation, call);
  answer.may_have_changed = !is_read_only_operation(answer.operation);
  // An error only for a request the operation cannot read at all (a domain
  // no pool has, an address no provider answers): a page that says so.
  answer.response = r.status == 200 ? hosted_http_response(r.body) : page_not_found(r.body.value("message", std::string("Not found.")));
}

HttpResponse hosted_http_response(const Json& reply) {
  HttpResponse out;
  out.status = reply.value("Status", 200);
  if (reply.contains("Location")) out.headers.emplace_back("Location", reply["Location"].get<std::string>());
  if (const auto cookies = reply.find("SetCookies"); cookies != reply.end())
    for (const Json& c : *cookies) out.headers.emplace_back("Set-Cookie", c.get<std::string>());
  if (const auto headers = reply.find("Headers"); headers != reply.end())
    for (const auto& [name, value] : headers->items()) out.headers.emplace_back(name, value.get<std::string>());
  if (reply.contains("ContentType")) out.set_header("Content-Type", reply["ContentType"].get<std::string>());
  out.body = reply.value("Body", std::string());
  return out;
}

}  // namespace userpool
