#include "web/try_it/hosted_browser.h"

#include <algorithm>

#include "core/base/encoding.h"
#include "core/base/random.h"
#include "core/crypto/digest.h"
#include "core/http/hosted_routes.h"
#include "core/http/provider_routes.h"

namespace userpool::web {
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

bool HostedBrowser::at_provider(const std::string& method, const std::string& url) const {
  // The app's own origin is the app's, whatever its paths look like.
  if (!url.starts_with("https://") || origin_of(url) == origin_of(start_.redirect_uri)) return false;
  const std::string rest = url.substr(origin_of(url).size());
  return !provider_operation(method, rest.substr(0, rest.find_first_of("?#"))).empty();
}

bool HostedBrowser::on_domain(const std::string& url) const {
  return url.starts_with(start_.base_url + "/") || url == start_.base_url;
}

void HostedBrowser::arrive_at_site(const Start& site) {
  start_ = site;
  hops_.clear();
  history_.clear();
  callback_.reset();
}

void HostedBrowser::start(const Start& start) {
  arrive_at_site(start);
  state_ = random_text(12);
  nonce_ = random_text(12);
  UrlParams p = {{"client_id", start.client_id}, {"response_type", start.implicit ? "token" : "code"},
                 {"redirect_uri", start.redirect_uri}};
  if (!start.scope.empty()) p.emplace_back("scope", start.scope);
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

void HostedBrowser::navigate(const std::string& method, const std::string& url, const std::string& form_body) {
  if (url.empty()) return;
  callback_.reset();
  load(method == "POST" ? "POST" : "GET", url, form_body, true);
}

void HostedBrowser::open(const Start& site, const std::string& url) {
  arrive_at_site(site);
  load("GET", url, {}, true);
}

void HostedBrowser::back() {
  if (history_.size() < 2) return;
  history_.pop_back();
  const std::string previous = history_.back();
  history_.pop_back();
  callback_.reset();
  load("GET", previous, {}, true);
}

void HostedBrowser::load(std::string method, std::string url, std::string body, bool remember) {
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

void HostedBrowser::follow_redirect(const HostedAnswer& answer, std::string& url, std::string& method, std::string& body) {
  // A redirect is followed with a GET, as browsers do after a form post.
  url = answer.response.header("Location").value_or("");
  method = "GET";
  body.clear();
}

bool HostedBrowser::show(const std::string& method, const std::string& url, const std::string& to, const HostedAnswer& answer) {
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
void HostedBrowser::arrive_at_app(const std::string& url) {
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

}  // namespace userpool::web
