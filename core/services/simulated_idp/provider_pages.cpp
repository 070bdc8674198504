#include "core/services/simulated_idp/provider_pages.h"

#include "core/base/html.h"

namespace userpool::simulated_idp {
namespace {

// Grey and teal, unlike any provider's colours: the page is plainly the
// sandbox's stand-in.
constexpr std::string_view kCss = R"(
body{margin:0;font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;font-size:15px;color:#1f2933;background:#e9edf0}
main{max-width:400px;margin:40px auto;background:#fff;border:1px solid #c8d1d8;border-radius:10px;padding:24px 28px}
.provider{font-size:13px;font-weight:600;color:#0f766e;letter-spacing:.02em;margin:0 0 4px}
h1{font-size:21px;font-weight:600;margin:0 0 6px}
.sub{color:#52606d;margin:0 0 18px}
label{display:block;font-size:13px;font-weight:600;margin:12px 0 4px}
input[type=email],input[type=text]{width:100%;box-sizing:border-box;height:36px;padding:6px 10px;border:1px solid #9aa5b1;border-radius:6px;font-size:15px}
button{margin-top:16px;width:100%;height:38px;border:0;border-radius:6px;background:#0f766e;color:#fff;font-size:15px;font-weight:600;cursor:pointer}
.account{margin:0 0 8px}.account button{margin:0;background:#f5f7fa;color:#1f2933;border:1px solid #c8d1d8;text-align:left;padding:0 12px}
.or{color:#7b8794;font-size:13px;margin:18px 0 0}
.error{color:#9b1c1c;background:#fde8e8;border-radius:6px;padding:8px 10px;margin:0 0 12px}
ul{padding-left:20px;margin:8px 0}a{color:#0f766e;display:block;text-align:center;margin-top:14px}
.note{color:#7b8794;font-size:12px;margin-top:18px}
)";

std::string page(const SiteRef& site, const std::string& title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
         html_escape(title + " - " + site.title) + "</title>\n<style>" + std::string(kCss) + "</style></head><body><main>\n" +
         "<p class=\"provider\">" + html_escape(site.title) + "</p>\n<h1>" + html_escape(title) + "</h1>\n" + body +
         "<p class=\"note\">A provider simulated by the sandbox: any email address signs in, no password is asked.</p>\n"
         "</main></body></html>\n";
}

std::string hidden(const std::string& name, const std::string& value) {
  return "<input type=\"hidden\" name=\"" + html_escape(name) + "\" value=\"" + html_escape(value) + "\">";
}

}  // namespace

std::string render_sign_in_page(const SiteRef& site, const std::string& action, const std::string& client_id,
                                const std::vector<TestAccount>& remembered, const std::string& error, const std::string& login_hint) {
  std::string b = "<p class=\"sub\">to continue to " + html_escape(client_id) + "</p>\n";
  if (!error.empty()) b += "<p class=\"error\" role=\"alert\">" + html_escape(error) + "</p>\n";
  for (const TestAccount& a : remembered)
    b += "<form class=\"account\" method=\"post\" action=\"" + html_escape(action) + "\">" + hidden("step", "account") +
         hidden("email", a.email) + "<button type=\"submit\">" + html_escape(a.name.empty() ? a.email : a.name + " (" + a.email + ")") +
         "</button></form>\n";
  if (!remembered.empty()) b += "<p class=\"or\">Or use another account</p>\n";
  b += "<form method=\"post\" action=\"" + html_escape(action) + "\">" + hidden("step", "signin") +
       "<label for=\"email\">Email address</label><input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" value=\"" +
       html_escape(login_hint) + "\">"
       "<label for=\"name\">Display name</label><input id=\"name\" name=\"name\" type=\"text\" autocomplete=\"name\" value=\"\">"
       "<button type=\"submit\" name=\"continue\">Continue</button></form>\n";
  return page(site, "Sign in", b);
}

std::string render_consent_page(const SiteRef& site, const std::string& action, const std::string& client_id,
                                const TestAccount& account, const std::string& scope, const std::string& cancel_url) {
  std::string b = "<p class=\"sub\">" + html_escape(account.name.empty() ? account.email : account.name + " (" + account.email + ")") +
                  "</p>\n<p>" + html_escape(client_id) + " asks to see:</p>\n<ul><li>your user ID</li>";
  if (scope.find("email") != std::string::npos) b += "<li>your email address</li>";
  if (scope.find("profile") != std::string::npos || scope.find("public_profile") != std::string::npos ||
      scope.find("name") != std::string::npos)
    b += "<li>your name</li>";
  b += "</ul>\n<form method=\"post\" action=\"" + html_escape(action) + "\">" + hidden("step", "consent") + hidden("email", account.email) +
       hidden("name", account.name) + "<button type=\"submit\" name=\"allow\">Allow</button></form>\n<a href=\"" +
       html_escape(cancel_url) + "\">Cancel</a>\n";
  return page(site, "Share your account?", b);
}

std::string render_provider_error(const SiteRef& site, const std::string& message) {
  return page(site, "That request cannot be answered", "<p class=\"error\" role=\"alert\">" + html_escape(message) + "</p>\n");
}

std::string render_form_post(const SiteRef& site, const std::string& redirect_uri, const UrlParams& fields) {
  const char* how = site.kind == ProviderKind::kSaml ? "the SAML HTTP-POST binding" : "response_mode=form_post";
  std::string b = "<p class=\"sub\">Signed in. The answer goes back by a form post (" + std::string(how) + ").</p>\n"
                  "<form method=\"post\" action=\"" + html_escape(redirect_uri) + "\">";
  for (const auto& [name, value] : fields) b += hidden(name, value);
  b += "<button type=\"submit\" name=\"continue\">Continue</button></form>\n";
  return page(site, "Continue to the app", b);
}

}  // namespace userpool::simulated_idp
