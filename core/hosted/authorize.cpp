// Where a browser enters and leaves the hosted UI (Developer Guide:
// "Authorize endpoint", "Logout endpoint"): /oauth2/authorize, the error
// page, /logout.
#include "core/api/registry.h"
#include "core/hosted/authorization.h"
#include "core/hosted/federation.h"
#include "core/hosted/pages.h"

namespace userpool::hosted {
namespace {

// GET /oauth2/authorize: checks the request, then either signs in at once
// (a session cookie from an earlier sign-in) or sends the browser to the
// sign-in page with the same parameters.
Json authorize(OpContext& ctx, const Request& r) {
  const Site site = read_site(ctx, r);
  const HostedRequest request = read_hosted_request(r);
  auto checked = check_authorization(ctx, site, request);
  if (auto* reply = std::get_if<Reply>(&checked)) return reply->to_json();
  const Authorization& a = std::get<Authorization>(checked);
  if (!a.identity_provider.empty() && a.identity_provider != "COGNITO") return to_identity_provider(ctx, site, a).to_json();
  const HostedSession* session = a.prompt == "login" ? nullptr : signed_in_session(ctx, site, request);
  if (session != nullptr) {
    User* user = site.pool.users.by_username(session->username);
    ctx.rule("The browser is already signed in on this domain (session cookie): no sign-in page");
    return finish_sign_in(ctx, site, a, *user, session->auth_time, false).to_json();
  }
  if (a.prompt == "none") {
    ctx.rule("prompt=none and the browser is not signed in on this domain");
    return error_redirect(a, "login_required").to_json();
  }
  ctx.rule("Not signed in on this domain yet: to the sign-in page, carrying the request's parameters");
  return redirect(a.page_url(site, "/login")).to_json();
}

// GET /error: the page every error that cannot go back to the app ends on.
Json get_error_page(OpContext& ctx, const Request& r) {
  const Site site = read_site(ctx, r);
  const HostedRequest request = read_hosted_request(r);
  const std::string error = request.param("error");
  Look look;
  if (AppClient* client = site.pool.find_client(request.param("client_id"))) look = look_for(site, *client);
  std::string detail;
  if (error == "redirect_mismatch") detail = "redirect_mismatch: the redirect_uri is not one of the app client's allowed callback URLs.";
  else if (!error.empty()) detail = error;
  return html_page(400, render_error_page(look, detail)).to_json();
}

// GET /logout: ends the domain's session, then to a sign-out URL
// (logout_uri) or back to sign-in (redirect_uri with response_type).
Json logout(OpContext& ctx, const Request& r) {
  const Site site = read_site(ctx, r);
  const HostedRequest request = read_hosted_request(r);
  const std::string client_id = request.param("client_id");
  ctx.event.client_id = client_id;
  AppClient* client = site.pool.find_client(client_id);
  if (client == nullptr) {
    ctx.rule("/logout needs the client_id of an app client of this pool");
    return error_page_redirect(site, "invalid_request", client_id).to_json();
  }
  std::string target;
  const std::string logout_uri = request.param("logout_uri");
  if (!logout_uri.empty()) {
    // UNVERIFIED: an unregistered logout_uri gets the error page, as an
    // unregistered redirect_uri does at authorize.
    const auto& urls = client->logout_urls;
    if (!urls || std::find(urls->begin(), urls->end(), logout_uri) == urls->end()) {
      ctx.rule("logout_uri " + logout_uri + " is not one of the app client's sign-out URLs (LogoutURLs)");
      return error_page_redirect(site, "redirect_mismatch", client_id).to_json();
    }
    target = logout_uri;
    ctx.rule("Signed out of the domain, then to the app's sign-out URL");
  } else if (request.has("redirect_uri")) {
    auto checked = check_authorization(ctx, site, request);
    if (auto* reply = std::get_if<Reply>(&checked)) return reply->to_json();
    target = std::get<Authorization>(checked).page_url(site, "/login");
    ctx.rule("Signed out of the domain, then to the sign-in page again (redirect_uri and response_type given)");
  } else {
    ctx.rule("/logout needs logout_uri, or redirect_uri with response_type");
    return error_page_redirect(site, "invalid_request", client_id).to_json();
  }
  if (const auto cookie = request.cookies.find(kSessionCookie); cookie != request.cookies.end())
    site.pool.hosted_sessions.erase(cookie->second);
  Reply reply = redirect(target);
  reply.set_cookies.push_back(expired_cookie(site, kSessionCookie));
  return reply.to_json();
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& authorize_operations() {
  static const OperationTable table = {
      {"Authorize", authorize, OperationKind::kChange},
      {"GetErrorPage", get_error_page, OperationKind::kRead},
      {"Logout", logout, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::hosted
