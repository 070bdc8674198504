// The simulated SAML identity providers, as operations of the
// "SimulatedIdP." service: the metadata a learner gives the user pool
// (GET https://<host>/saml/metadata, which also brings the provider into
// being), and its single sign-on service (/saml/sso): the sign-in page for
// the pool's AuthnRequest (HTTP-Redirect binding), and the signed Response
// it posts back to the pool's /saml2/idpresponse with the RelayState
// (HTTP-POST binding). IdP-initiated sign-in is the same page opened
// without a request, as Shibboleth's unsolicited endpoint takes it:
// ?providerId=<SP entity ID>&shire=<ACS URL>&target=<RelayState>.
#include "core/api/api_error.h"
#include "core/api/registry.h"
#include "core/base/encoding.h"
#include "core/hosted/site.h"
#include "core/saml/saml_metadata.h"
#include "core/saml/saml_request.h"
#include "core/saml/saml_response.h"
#include "core/services/simulated_idp/provider_pages.h"
#include "core/services/simulated_idp/simulated_idp.h"

namespace userpool::simulated_idp {
namespace {

using hosted::Reply;

// The attribute names the simulated providers send, as ADFS and Entra ID name them.
constexpr const char* kEmailClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";
constexpr const char* kNameClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";
constexpr const char* kGivenNameClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname";
constexpr const char* kSurnameClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname";

struct SamlRequest {
  SiteRef site;
  std::string url;  // the address without its query
  std::map<std::string, std::string> query, form;
  std::string param(const std::string& name) const {
    if (const auto it = form.find(name); it != form.end()) return it->second;
    const auto it = query.find(name);
    return it == query.end() ? std::string() : it->second;
  }
};

SamlRequest read(OpContext& ctx, const Request& r, bool may_make) {
  SamlRequest s;
  s.url = r.string("Url", StringShape{1, 2048, nullptr, nullptr});
  const auto site = site_for_url(ctx.account, s.url);
  if (site && site->kind != ProviderKind::kSaml) fail_invalid_parameter(site->title + " is not a SAML provider.");
  if (!site && !may_make) fail_resource_not_found("No simulated identity provider answers at " + s.url + ".");
  s.site = site ? *site : saml_site(s.url);
  s.query = r.string_map("Query");
  s.form = r.string_map("Form");
  return s;
}

ProviderSite& state_of(OpContext& ctx, const SiteRef& site) { return ctx.account.services.get<SimulatedProviders>().sites[site.key]; }

std::string host_base(const SiteRef& site) { return site.issuer.substr(0, site.issuer.size() - std::string("/saml").size()); }

// Who is asking and where the answer goes: the AuthnRequest, or an
// unsolicited (IdP-initiated) request's parameters.
struct Audience {
  std::string sp_entity, acs_url, in_response_to, relay_state;
};
tl::expected<Audience, std::string> audience_of(const SamlRequest& s) {
  if (!s.param("SAMLRequest").empty()) {
    auto request = saml::read_authn_request(s.param("SAMLRequest"));
    if (!request) return tl::unexpected(request.error());
    return Audience{request->issuer, request->acs_url, request->id, s.param("RelayState")};
  }
  if (!s.param("providerId").empty() && !s.param("shire").empty())
    return Audience{s.param("providerId"), s.param("shire"), {}, s.param("target")};
  return tl::unexpected(std::string("There is no SAMLRequest: this page answers a service provider's request (or, IdP-initiated, "
                                    "?providerId=<its entity ID>&shire=<its ACS URL>&target=<RelayState>)."));
}

std::string form_action(OpContext& ctx, const SamlRequest& s) {
  UrlParams q;
  for (const auto& [name, value] : s.query) q.emplace_back(name, value);
  return with_query(served_url(ctx.account, s.url), q);
}

Reply page(OpContext& ctx, const SamlRequest& s, const Audience& a, const std::string& error = {}) {
  return hosted::html_page(error.empty() ? 200 : 400, render_sign_in_page(s.site, form_action(ctx, s), a.sp_entity,
                                                                         state_of(ctx, s.site).accounts, error, {}));
}

std::string new_id(OpContext& ctx) { return "_" + hex_encode(ctx.random().bytes(16)); }

// GET <host>/saml/metadata. Any host: the address is how a learner makes a
// simulated SAML provider; other paths are not one's.
Json get_saml_metadata(OpContext& ctx, const Request& r) {
  const SamlRequest s = read(ctx, r, true);
  const std::string path = s.url.substr(0, s.url.find_first_of("?#"));
  if (!path.ends_with("/saml/metadata"))
    fail_resource_not_found("No simulated identity provider answers at " + s.url + ": a simulated SAML provider's metadata is at "
                            "https://<any host>/saml/metadata.");
  ProviderSite& site = state_of(ctx, s.site);
  const Bytes certificate = site.signing_certificate(ctx.now);
  ctx.rule(s.site.title + " publishes its metadata: entity ID " + s.site.issuer + ", sign-on at " + host_base(s.site) +
           "/saml/sso, and the certificate of its signing key");
  Reply reply;
  reply.content_type = "application/samlmetadata+xml";
  reply.body = saml::write_idp_metadata(s.site.issuer, host_base(s.site) + "/saml/sso", host_base(s.site) + "/saml/slo", certificate);
  return reply.to_json();
}

// GET <host>/saml/sso: the sign-in page.
Json get_saml_sign_in_page(OpContext& ctx, const Request& r) {
  const SamlRequest s = read(ctx, r, false);
  const auto a = audience_of(s);
  if (!a) return hosted::html_page(400, render_provider_error(s.site, a.error())).to_json();
  ctx.rule(s.site.title + " shows its sign-in page for " + a->sp_entity + (a->in_response_to.empty() ? " (IdP-initiated)" : ""));
  return page(ctx, s, *a).to_json();
}

// POST <host>/saml/sso: signed in; the Response goes back by a form post.
Json saml_sign_in(OpContext& ctx, const Request& r) {
  const SamlRequest s = read(ctx, r, false);
  const auto a = audience_of(s);
  if (!a) return hosted::html_page(400, render_provider_error(s.site, a.error())).to_json();
  TestAccount account{s.param("email"), s.param("name")};
  ProviderSite& site = state_of(ctx, s.site);
  if (s.param("step") == "account") {
    const auto known = std::find_if(site.accounts.begin(), site.accounts.end(), [&](const TestAccount& t) { return t.email == account.email; });
    if (known != site.accounts.end()) account = *known;
  }
  if (!is_email_address(account.email))
    return page(ctx, s, *a, "Enter an email address, such as jane@example.com.").to_json();
  site.remember(account);
  saml::AssertionContent c;
  c.response_id = new_id(ctx);
  c.assertion_id = new_id(ctx);
  c.issuer = s.site.issuer;
  c.destination = a->acs_url;
  c.in_response_to = a->in_response_to;
  c.audience = a->sp_entity;
  c.name_id = subject_for(s.site, account.email);
  c.issue_instant = ctx.now;
  c.attributes = {{kEmailClaim, {account.email}}};
  if (!account.name.empty()) {
    const auto space = account.name.find(' ');
    c.attributes.push_back({kNameClaim, {account.name}});
    c.attributes.push_back({kGivenNameClaim, {account.name.substr(0, space)}});
    if (space != std::string::npos) c.attributes.push_back({kSurnameClaim, {account.name.substr(space + 1)}});
  }
  const Bytes certificate = site.signing_certificate(ctx.now);
  const std::string response = saml::write_signed_response(c, site.signing_key(), certificate);
  ctx.rule(s.site.title + ": " + account.email + " signed in; a signed SAML Response (NameID " + c.name_id + ", audience " +
           c.audience + ") is posted to " + c.destination);
  UrlParams fields = {{"SAMLResponse", base64_encode(to_bytes(response))}};
  if (!a->relay_state.empty()) fields.emplace_back("RelayState", a->relay_state);
  return hosted::html_page(200, render_form_post(s.site, c.destination, fields)).to_json();
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& saml_provider_operations() {
  static const OperationTable table = {
      {"GetSamlMetadata", get_saml_metadata, OperationKind::kChange, "makes the provider (its key and certificate) on first use"},
      {"GetSamlSignInPage", get_saml_sign_in_page, OperationKind::kRead},
      {"SamlSignIn", saml_sign_in, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::simulated_idp
