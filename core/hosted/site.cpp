#include "core/hosted/site.h"

#include "core/api/api_error.h"
#include "core/api/registry.h"
#include "core/tokens/well_known.h"

namespace userpool::hosted {

std::string HostedRequest::param(const std::string& name) const {
  if (method == "POST")
    if (const auto it = form.find(name); it != form.end()) return it->second;
  const auto it = query.find(name);
  return it == query.end() ? std::string() : it->second;
}

bool HostedRequest::has(const std::string& name) const {
  return query.contains(name) || (method == "POST" && form.contains(name));
}

Site read_site(OpContext& ctx, const Request& r) {
  const std::string domain = r.string("Domain", StringShape{1, 253, nullptr, nullptr});
  for (const auto& pool : ctx.account.pools)
    if (pool->domain == domain || (pool->custom_domain && pool->custom_domain->name == domain)) {
      ctx.event.user_pool_id = pool->id;
      const bool custom = pool->custom_domain && pool->custom_domain->name == domain;
      const std::string base = domain_base_url(domain, domain_host(pool->id, domain, custom), ctx.account.hosted_origin);
      const bool local = !ctx.account.hosted_origin.empty();
      return Site{*pool, domain, base, local ? "/domain/" + domain + "/" : "/", base.starts_with("https://")};
    }
  fail_resource_not_found("No user pool has the domain " + domain + ".");
}

HostedRequest read_hosted_request(const Request& r) {
  HostedRequest h;
  h.method = r.optional_string("Method").value_or("GET");
  h.query = r.string_map("Query");
  h.form = r.string_map("Form");
  h.cookies = r.string_map("Cookies");
  h.authorization = r.optional_string("Authorization").value_or("");
  return h;
}

Json Reply::to_json() const {
  Json j = {{"Status", status}};
  if (!location.empty()) j["Location"] = location;
  if (!set_cookies.empty()) j["SetCookies"] = set_cookies;
  if (!headers.empty()) {
    Json h = Json::object();
    for (const auto& [name, value] : headers) h[name] = value;
    j["Headers"] = h;
  }
  if (!content_type.empty()) j["ContentType"] = content_type;
  if (!body.empty()) j["Body"] = body;
  return j;
}

Reply redirect(std::string location) {
  Reply r;
  r.status = 302;
  r.location = std::move(location);
  return r;
}

Reply html_page(int status, std::string html) {
  Reply r;
  r.status = status;
  r.content_type = "text/html;charset=UTF-8";
  r.body = std::move(html);
  // The pages must not be framed by other sites, cached, or load anything
  // from elsewhere (custom CSS included: it is inline, images are data: URLs).
  r.headers = {{"Cache-Control", "no-store"},
               {"Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"},
               {"X-Content-Type-Options", "nosniff"}};
  return r;
}

Reply json_reply(int status, const Json& body) {
  Reply r;
  r.status = status;
  r.content_type = "application/json;charset=UTF-8";
  r.body = body.dump();
  r.headers = {{"Cache-Control", "no-store"}};
  return r;
}

Json call_operation(OpContext& ctx, std::string_view operation, const Json& body) {
  const RegisteredOperation* op = find_operation(operation);
  return op->spec->handler(ctx, Request(std::string(operation), body));
}

std::string session_cookie(const Site& site, const std::string& name, const std::string& value, int max_age_seconds) {
  std::string c = name + "=" + value + "; Path=" + site.cookie_path + "; Max-Age=" + std::to_string(max_age_seconds) + "; HttpOnly; SameSite=Lax";
  if (site.secure) c += "; Secure";
  return c;
}

std::string expired_cookie(const Site& site, const std::string& name) { return session_cookie(site, name, "", 0); }

}  // namespace userpool::hosted
