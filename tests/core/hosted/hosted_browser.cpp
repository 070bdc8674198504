#include "tests/core/hosted/hosted_browser.h"

#include <regex>

#include "core/http/provider_routes.h"
#include "core/tokens/jwt.h"

namespace userpool::test {

std::string hosted_pool(Sandbox& s, Json pool_settings) {
  if (!pool_settings.contains("Schema"))
    pool_settings["Schema"] = {{{"Name", "email"}, {"AttributeDataType", "String"}, {"Required", true}, {"Mutable", true}}};
  if (!pool_settings.contains("AutoVerifiedAttributes")) pool_settings["AutoVerifiedAttributes"] = {"email"};
  const std::string pool = s.create_pool(pool_settings);
  s.ok("CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", kDomain}});
  return pool;
}

Json hosted_client_settings(Json overrides) {
  Json settings = {{"AllowedOAuthFlowsUserPoolClient", true},
                   {"AllowedOAuthFlows", {"code", "implicit"}},
                   {"AllowedOAuthScopes", {"openid", "email", "profile", "aws.cognito.signin.user.admin"}},
                   {"CallbackURLs", {kCallback}},
                   {"LogoutURLs", {kSignedOut}},
                   {"SupportedIdentityProviders", {"COGNITO"}}};
  for (const auto& [key, value] : overrides.items()) settings[key] = value;
  return settings;
}

HttpResponse HostedBrowser::send(HttpRequest request, const std::string& url) {
  if (url.starts_with("https://") && !url.starts_with(kBase)) {
    // Another site: a simulated identity provider's page or endpoint.
    const auto q = url.find('?');
    if (q != std::string::npos) request.query = url.substr(q + 1);
    HostedAnswer answer = answer_provider(door_, request, url.substr(0, q));
    last_operation = answer.operation;
    return answer.response;
  }
  std::string rest = url.starts_with(kBase) ? url.substr(kBase.size()) : url;
  const auto q = rest.find('?');
  request.path = rest.substr(0, q);
  if (q != std::string::npos) request.query = rest.substr(q + 1);
  std::string cookie_header;
  for (const auto& [name, value] : cookies) cookie_header += (cookie_header.empty() ? "" : "; ") + name + "=" + value;
  if (!cookie_header.empty()) request.headers.emplace_back("Cookie", cookie_header);
  HostedAnswer answer = answer_hosted(door_, request, kDomain, request.path);
  last_operation = answer.operation;
  for (const auto& [name, value] : answer.response.headers)
    if (same_header_name(name, "Set-Cookie")) {
      const auto eq = value.find('='), semi = value.find(';');
      const std::string cookie_name = value.substr(0, eq), cookie_value = value.substr(eq + 1, semi - eq - 1);
      if (value.find("Max-Age=0") != std::string::npos) cookies.erase(cookie_name);
      else cookies[cookie_name] = cookie_value;
    }
  return answer.response;
}

HttpResponse HostedBrowser::get(const std::string& url, const std::string& authorization) {
  HttpRequest r{"GET", "", {}, {}, {}};
  if (!authorization.empty()) r.headers.emplace_back("Authorization", authorization);
  return send(std::move(r), url);
}

HttpResponse HostedBrowser::post(const std::string& url, const UrlParams& form, const std::string& authorization) {
  HttpRequest r{"POST", "", {{"Content-Type", "application/x-www-form-urlencoded"}}, format_url_params(form), {}};
  if (!authorization.empty()) r.headers.emplace_back("Authorization", authorization);
  return send(std::move(r), url);
}

HttpResponse HostedBrowser::follow(HttpResponse response) {
  for (int hops = 0; hops < 10 && response.status == 302 && !location(response).starts_with(kApp); ++hops)
    response = get(location(response));
  return response;
}

std::string HostedBrowser::location(const HttpResponse& r) { return r.header("Location").value_or(""); }

namespace {
std::string unescape_html(std::string s) {
  const std::pair<const char*, const char*> entities[] = {{"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities)
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) s.replace(at, std::string(from).size(), to);
  return s;
}
}  // namespace

std::string HostedBrowser::field(const HttpResponse& page, const std::string& name) {
  const std::regex input("<input[^>]*name=\"" + std::regex_replace(name, std::regex(R"([\[\]])"), R"(\$&)") + "\"[^>]*value=\"([^\"]*)\"");
  std::smatch m;
  INFO(page.body);
  REQUIRE(std::regex_search(page.body, m, input));
  return unescape_html(m[1].str());
}

std::string HostedBrowser::action(const HttpResponse& page) {
  std::smatch m;
  INFO(page.body);
  REQUIRE(std::regex_search(page.body, m, std::regex("<form method=\"post\" action=\"([^\"]*)\"")));
  return unescape_html(m[1].str());
}

UrlParams HostedBrowser::hidden_fields(const HttpResponse& page) {
  const auto start = page.body.find("<form method=\"post\"");
  INFO(page.body);
  REQUIRE(start != std::string::npos);
  const std::string form = page.body.substr(start, page.body.find("</form>", start) - start);
  UrlParams fields;
  const std::regex hidden("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"");
  for (std::sregex_iterator it(form.begin(), form.end(), hidden), end; it != end; ++it)
    fields.emplace_back(unescape_html((*it)[1].str()), unescape_html((*it)[2].str()));
  return fields;
}

HttpResponse HostedBrowser::submit(const HttpResponse& page, UrlParams fields) {
  UrlParams form = hidden_fields(page);
  for (auto& f : fields) form.push_back(std::move(f));
  return post(action(page), form);
}

std::string HostedBrowser::url_param(const std::string& url, const std::string& name) {
  const auto start = url.find_first_of("?#");
  if (start == std::string::npos) return {};
  const auto params = first_values(parse_url_params(url.substr(start + 1)));
  const auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

Json json_body(const HttpResponse& r) {
  INFO(r.body);
  const Json body = Json::parse(r.body, nullptr, false);
  REQUIRE_FALSE(body.is_discarded());
  return body;
}

Json token_claims(const std::string& token) {
  const auto jwt = decode_jwt(token);
  INFO(token);
  REQUIRE(jwt);
  return jwt->payload;
}

std::string authorize_url(const std::string& client_id, UrlParams extra) {
  UrlParams p = {{"client_id", client_id}};
  const auto has = [&](const char* n) { return std::any_of(extra.begin(), extra.end(), [&](const auto& e) { return e.first == n; }); };
  if (!has("response_type")) p.emplace_back("response_type", "code");
  if (!has("redirect_uri")) p.emplace_back("redirect_uri", kCallback);
  for (auto& e : extra) p.push_back(std::move(e));
  return kBase + "/oauth2/authorize?" + format_url_params(p);
}

std::string hosted_sign_in(HostedBrowser& b, const std::string& client_id, const std::string& username, const std::string& password,
                           UrlParams extra) {
  const HttpResponse login = b.follow(b.get(authorize_url(client_id, std::move(extra))));
  REQUIRE(login.status == 200);
  const HttpResponse done = b.post(HostedBrowser::action(login), {{"username", username}, {"password", password},
                                                                   {"_csrf", HostedBrowser::field(login, "_csrf")}});
  INFO(done.body);
  REQUIRE(done.status == 302);
  return HostedBrowser::location(done);
}

}  // namespace userpool::test
