#include "core/client/hosted_ui_browser.h"

#include <algorithm>
#include <regex>

#include "core/base/encoding.h"
#include "core/base/html.h"
#include "core/base/random.h"
#include "core/crypto/digest.h"
#include "core/http/hosted_routes.h"
#include "core/http/provider_routes.h"
#include "core/tokens/well_known.h"

namespace userpool {
namespace {

// A browser gives up after this many redirects in a row.
constexpr int kMaxRedirects = 20;

std::string random_text(std::size_t bytes) { return base64url_encode(secure_random().bytes(bytes)); }

std::string param_of(const std::string& text, const std::string& name) {
  const auto values = first_values(parse_url_params(text));
  const auto it = values.find(name);
  return it == values.end() ? std::string() : it->second;
}

// scheme://host of a URL (lower case), or empty.
std::string origin_of(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return {};
  std::string origin = url.substr(0, url.find_first_of("/?#", scheme + 3));
  std::transform(origin.begin(), origin.end(), origin.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return origin;
}

std::string host_of(const std::string& url) {
  const std::string origin = origin_of(url);
  return origin.substr(origin.find("://") + 3);
}

}  // namespace

bool HostedUiBrowser::at_provider(const std::string& method, const std::string& url) const {
  // The app's own origin is the app's, whatever its paths look like.
  if (!url.starts_with("https://") || origin_of(url) == origin_of(start_.redirect_uri)) return false;
  const std::string rest = url.substr(origin_of(url).size());
  return !provider_operation(method, rest.substr(0, rest.find_first_of("?#"))).empty();
}

bool HostedUiBrowser::on_domain(const std::string& url) const {
  return url.starts_with(start_.base_url + "/") || url == start_.base_url;
}

void HostedUiBrowser::arrive_at_site(const Start& site) {
  start_ = site;
  hops_.clear();
  history_.clear();
  callback_.reset();
}

HostedSite hosted_site_of(const std::string& user_pool_id, const Json& pool) {
  const bool custom = pool.contains("CustomDomain");
  HostedSite site;
  site.domain = custom ? pool.value("CustomDomain", std::string()) : pool.value("Domain", std::string());
  if (!site.domain.empty()) site.base_url = domain_base_url(site.domain, domain_host(user_pool_id, site.domain, custom), "");
  return site;
}

tl::expected<HostedUiBrowser::Start, std::string> HostedUiBrowser::start_for(Door& door, const std::string& user_pool_id,
                                                                             const std::string& client_id) {
  const Response pool = door.read("DescribeUserPool", Json{{"UserPoolId", user_pool_id}});
  const Response client = door.read("DescribeUserPoolClient", Json{{"UserPoolId", user_pool_id}, {"ClientId", client_id}});
  if (pool.status != 200) return tl::unexpected("DescribeUserPool answered " + pool.body.value("__type", std::string("an error")));
  if (client.status != 200) return tl::unexpected("DescribeUserPoolClient answered " + client.body.value("__type", std::string("an error")));
  const Json& p = pool.body["UserPool"];
  const Json& c = client.body["UserPoolClient"];
  Start s;
  s.user_pool_id = user_pool_id;
  s.client_id = client_id;
  s.client_secret = c.value("ClientSecret", std::string());
  const HostedSite site = hosted_site_of(user_pool_id, p);
  if (site.domain.empty()) return tl::unexpected(std::string("the user pool has no domain"));
  s.domain = site.domain;
  s.base_url = site.base_url;
  const Json callbacks = c.value("CallbackURLs", Json::array());
  if (callbacks.empty() || !callbacks[0].is_string()) return tl::unexpected(std::string("the app client has no callback URL"));
  s.redirect_uri = callbacks[0].get<std::string>();
  return s;
}

void HostedUiBrowser::start(const Start& start) {
  arrive_at_site(start);
  state_ = random_text(12);
  nonce_ = random_text(12);
  UrlParams p = {{"client_id", start.client_id}, {"response_type", start.implicit ? "token" : "code"},
                 {"redirect_uri", start.redirect_uri}};
  if (!start.scope.empty()) p.emplace_back("scope", start.scope);
  if (!start.identity_provider.empty()) p.emplace_back("identity_provider", start.identity_provider);
  p.emplace_back("state", state_);
  p.emplace_back("nonce", nonce_);
  verifier_.clear();
  if (!start.implicit) {
    // PKCE (RFC 7636): the app keeps the verifier and sends its SHA-256.
    verifier_ = random_text(32);
    p.emplace_back("code_challenge", base64url_encode(sha256(to_bytes(verifier_))));
    p.emplace_back("code_challenge_method", "S256");
  }
  load("GET", with_query(start.base_url + "/oauth2/authorize", p), {}, true);
}

void HostedUiBrowser::navigate(const std::string& method, const std::string& url, const std::string& form_body) {
  if (url.empty()) return;
  callback_.reset();
  load(method == "POST" ? "POST" : "GET", url, form_body, true);
}

void HostedUiBrowser::open(const Start& site, const std::string& url) {
  arrive_at_site(site);
  load("GET", url, {}, true);
}

std::optional<HostedUiBrowser::PageForm> HostedUiBrowser::post_form(const UrlParams& typed) const {
  const std::regex form_pattern("<form[^>]*method=\"post\"[^>]*action=\"([^\"]*)\"[^>]*>([\\s\\S]*?)</form>");
  std::smatch form;
  bool found = false;
  for (std::sregex_iterator it(page_.begin(), page_.end(), form_pattern), end; it != end; ++it) {
    const std::string inside = (*it)[2].str();
    const bool fits = std::all_of(typed.begin(), typed.end(), [&](const auto& field) {
      return inside.find("name=\"" + field.first + "\"") != std::string::npos;
    });
    if (!found || fits) form = *it;  // the first form, unless a later one fits
    found = true;
    if (fits) break;
  }
  if (!found) return std::nullopt;
  // Attribute values are written with html_escape.
  const auto unescape = [](const std::string& text) { return html_unescape(text); };
  PageForm f{unescape(form[1].str()), {}};
  const std::string inside = form[2].str();
  const std::regex hidden("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"");
  for (std::sregex_iterator it(inside.begin(), inside.end(), hidden), end; it != end; ++it)
    f.hidden.emplace_back(unescape((*it)[1].str()), unescape((*it)[2].str()));
  return f;
}

bool HostedUiBrowser::submit(const UrlParams& fields) {
  auto form = post_form(fields);
  if (!form) return false;
  UrlParams body;
  for (const auto& h : form->hidden)
    if (std::none_of(fields.begin(), fields.end(), [&](const auto& f) { return f.first == h.first; })) body.push_back(h);
  body.insert(body.end(), fields.begin(), fields.end());
  navigate("POST", form->action, format_url_params(body));
  return true;
}

void HostedUiBrowser::back() {
  if (history_.size() < 2) return;
  history_.pop_back();
  const std::string previous = history_.back();
  history_.pop_back();
  callback_.reset();
  load("GET", previous, {}, true);
}

void HostedUiBrowser::load(std::string method, std::string url, std::string body, bool remember) {
  for (int hop = 0; hop <= kMaxRedirects; ++hop) {
    const bool provider = !on_domain(url) && at_provider(method, url);
    if (!on_domain(url) && !provider) {
      arrive_at_app(url);
      if (remember) history_.push_back(url);
      return;
    }
    HttpRequest request{method, {}, {}, body, {}};
    if (method == "POST") request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    if (provider) {
      // A simulated identity provider's page: its address, its query; none of the domain's cookies.
      const auto q = url.find('?');
      if (q != std::string::npos) request.query = url.substr(q + 1);
      const HostedAnswer answer = answer_provider(door_, request, url.substr(0, q));
      if (!show(method, url, host_of(url), answer)) {
        follow_redirect(answer, url, method, body);
        continue;
      }
      if (remember) history_.push_back(url);
      return;
    }
    std::string rest = url.substr(start_.base_url.size());
    if (rest.empty()) rest = "/";
    const auto q = rest.find('?');
    request.path = rest.substr(0, q);
    if (q != std::string::npos) request.query = rest.substr(q + 1);
    std::string cookie_header;
    for (const auto& [name, value] : cookies_) cookie_header += (cookie_header.empty() ? "" : "; ") + name + "=" + value;
    if (!cookie_header.empty()) request.headers.emplace_back("Cookie", cookie_header);
    const HostedAnswer answer = answer_hosted(door_, request, start_.domain, request.path);
    for (const auto& [name, value] : answer.response.headers) {
      if (!same_header_name(name, "Set-Cookie")) continue;
      const auto eq = value.find('='), semi = value.find(';');
      if (eq == std::string::npos) continue;
      const std::string cookie = value.substr(0, eq), content = value.substr(eq + 1, semi == std::string::npos ? std::string::npos : semi - eq - 1);
      std::erase_if(cookies_, [&](const auto& c) { return c.first == cookie; });
      if (value.find("Max-Age=0") == std::string::npos) cookies_.emplace_back(cookie, content);
    }
    if (!show(method, url, "Cognito", answer)) {
      follow_redirect(answer, url, method, body);
      continue;
    }
    if (remember) history_.push_back(url);
    return;
  }
  url_ = url;
  status_ = 0;
  page_ = "<!DOCTYPE html><p>Too many redirects.</p>";
  ++page_version_;
}

void HostedUiBrowser::follow_redirect(const HostedAnswer& answer, std::string& url, std::string& method, std::string& body) {
  // A redirect is followed with a GET, as browsers do after a form post.
  url = answer.response.header("Location").value_or("");
  method = "GET";
  body.clear();
}

bool HostedUiBrowser::show(const std::string& method, const std::string& url, const std::string& to, const HostedAnswer& answer) {
  const std::string location = answer.response.header("Location").value_or("");
  hops_.push_back({"browser", to, method, url, answer.response.status, location, answer.operation});
  if (answer.response.status / 100 == 3 && !location.empty()) return false;
  url_ = url;
  status_ = answer.response.status;
  page_ = answer.response.body;
  ++page_version_;
  return true;
}

// The app at its callback URL: it checks the state, then exchanges the code
// at the token endpoint (authorization code grant) or reads the tokens from
// the fragment (implicit grant).
void HostedUiBrowser::arrive_at_app(const std::string& url) {
  AppCallback c;
  c.url = url;
  const auto fragment = url.find('#');
  const auto query = url.find('?');
  const std::string params = fragment != std::string::npos ? url.substr(fragment + 1)
                             : query != std::string::npos ? url.substr(query + 1, fragment == std::string::npos ? std::string::npos : fragment - query - 1)
                                                          : std::string();
  c.code = param_of(params, "code");
  c.state = param_of(params, "state");
  c.error = param_of(params, "error");
  c.error_description = param_of(params, "error_description");
  c.state_matches = c.state == state_;
  hops_.push_back({"browser", "app", "GET", url, 200, {}, {}});
  if (fragment != std::string::npos) {
    for (const char* name : {"id_token", "access_token", "expires_in", "token_type"}) {
      const std::string value = param_of(params, name);
      if (!value.empty()) c.tokens[name] = value;
    }
  } else if (!c.code.empty() && c.state_matches) {
    UrlParams form = {{"grant_type", "authorization_code"}, {"client_id", start_.client_id}, {"code", c.code},
                      {"redirect_uri", start_.redirect_uri}, {"code_verifier", verifier_}};
    if (!start_.client_secret.empty()) form.emplace_back("client_secret", start_.client_secret);
    for (const auto& [name, value] : form) c.token_request[name] = name == "client_secret" ? std::string("(the app's secret)") : value;
    HttpRequest request{"POST", "/oauth2/token", {{"Content-Type", "application/x-www-form-urlencoded"}}, format_url_params(form), {}};
    const HostedAnswer answer = answer_hosted(door_, request, start_.domain, "/oauth2/token");
    c.token_status = answer.response.status;
    try {
      c.tokens = Json::parse(answer.response.body);
    } catch (const std::exception&) {
      c.tokens = Json{{"error", "the token endpoint's answer is not JSON"}};
    }
    hops_.push_back({"app", "Cognito", "POST", start_.base_url + "/oauth2/token", c.token_status, {}, answer.operation});
  }
  url_ = url;
  status_ = 200;
  page_.clear();
  ++page_version_;
  callback_ = std::move(c);
}

}  // namespace userpool
