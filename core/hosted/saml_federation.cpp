#include "core/hosted/saml_federation.h"

#include <algorithm>

#include "core/api/api_error.h"
#include "core/api/registry.h"
#include "core/base/encoding.h"
#include "core/hosted/federated_users.h"
#include "core/hosted/federation.h"
#include "core/hosted/pages.h"
#include "core/saml/saml_metadata.h"
#include "core/saml/saml_request.h"
#include "core/saml/saml_response.h"
#include "core/saml/xml.h"
#include "core/services/simulated_idp/simulated_idp.h"

namespace userpool::hosted {
namespace {

// The provider's metadata: the document it was given, or the one its
// MetadataURL answers with now (Cognito re-reads it from time to time).
tl::expected<saml::IdpMetadata, std::string> metadata_of(OpContext& ctx, const IdentityProvider& p) {
  std::string xml = provider_detail(p, "MetadataFile");
  if (xml.empty()) {
    try {
      xml = call_operation(ctx, "SimulatedIdP.GetSamlMetadata", Json{{"Url", Json(provider_detail(p, "MetadataURL"))}}).value("Body", std::string());
    } catch (const ApiException& e) {
      return tl::unexpected("its metadata cannot be retrieved: " + e.error().message);
    }
  }
  return saml::read_idp_metadata(xml);
}

Reply something_went_wrong() { return html_page(400, render_error_page(Look{}, "Something went wrong. Please try signing in again.")); }

// POST /saml2/idpresponse: the provider's Response, posted by the browser.
Json saml_response(OpContext& ctx, const Request& r) {
  const Site site = read_site(ctx, r);
  const HostedRequest request = read_hosted_request(r);
  UserPool& pool = site.pool;
  std::erase_if(pool.federation_requests, [&](const auto& e) { return e.second.expires_at <= ctx.now; });
  std::erase_if(pool.saml_assertions_taken, [&](const auto& e) { return e.second <= ctx.now; });
  const std::string relay_state = request.param("RelayState");
  HostedRequest original;
  original.method = "GET";
  std::string provider_name;
  std::optional<std::string> in_response_to;
  if (const auto found = pool.federation_requests.find(relay_state); found != pool.federation_requests.end()) {
    const FederationRequest f = found->second;
    pool.federation_requests.erase(found);  // once
    for (const auto& [name, value] : f.authorize) original.query.emplace(name, value);
    provider_name = f.provider_name;
    in_response_to = f.saml_request_id;
  } else {
    // IdP-initiated: the RelayState is the authorize request itself.
    original.query = first_values(parse_url_params(relay_state));
    provider_name = original.query.count("identity_provider") ? original.query["identity_provider"] : "";
    const IdentityProvider* p = pool.find_identity_provider(provider_name);
    if (p == nullptr || p->type != "SAML" || provider_detail(*p, "IDPInit") != "true") {
      ctx.rule("The RelayState is no request Cognito sent (or the 5 minutes passed), and no SAML provider of the pool with "
               "IDPInit true is named in it");
      return something_went_wrong().to_json();
    }
    ctx.rule("IdP-initiated sign-in through " + provider_name + " (IDPInit is true): the RelayState carries the authorize request");
  }
  auto checked = check_authorization(ctx, site, original);
  if (auto* reply = std::get_if<Reply>(&checked)) return reply->to_json();
  const Authorization& a = std::get<Authorization>(checked);
  ctx.event.client_id = a.client->client_id;
  const IdentityProvider* p = pool.find_identity_provider(provider_name);
  if (p == nullptr || p->type != "SAML") return error_redirect(a, "invalid_request", "Login option is not available. Please try another one").to_json();
  const auto refuse = [&](const std::string& why) {
    ctx.rule("The SAML response is refused: " + why);
    // UNVERIFIED: the description Cognito sends the app.
    return error_redirect(a, "invalid_request", "Invalid SAML response received: " + why).to_json();
  };
  const auto metadata = metadata_of(ctx, *p);
  if (!metadata) return refuse(metadata.error());
  const auto decoded = base64_decode(saml::without_whitespace(request.param("SAMLResponse")));
  if (!decoded || decoded->empty()) return refuse("there is no base64 SAMLResponse");
  record_received(ctx, *p, "SamlResponse", std::string(decoded->begin(), decoded->end()));
  saml::ResponseExpectations expected{metadata->signing_certificates, metadata->entity_id, service_provider_entity_id(pool),
                                      site.url("/saml2/idpresponse"), in_response_to, ctx.now};
  const auto assertion = saml::read_response(std::string(decoded->begin(), decoded->end()), expected);
  if (!assertion) return refuse(assertion.error());
  ctx.rule("The assertion is signed by a certificate in " + p->name + "'s metadata, from its entity ID, for this pool's entity ID and "
           "ACS URL, in time" + std::string(in_response_to ? ", answering Cognito's request" : ""));
  if (pool.saml_assertions_taken.contains(assertion->assertion_id)) return refuse("the assertion was used before (replay)");
  pool.saml_assertions_taken[assertion->assertion_id] = assertion->not_on_or_after;
  ProviderProfile profile;
  profile.user_id = assertion->name_id;
  profile.issuer = metadata->entity_id;
  // UNVERIFIED: a multi-valued attribute's values are joined with commas.
  for (const auto& [name, values] : assertion->attributes) {
    std::string joined;
    for (const std::string& v : values) joined += (joined.empty() ? "" : ",") + v;
    profile.claims[name] = joined;
  }
  ctx.rule(p->name + "'s NameID for the user is " + profile.user_id);
  auto user = federated_user(ctx, pool, *a.client, *p, profile);
  if (!user) return error_redirect(a, "invalid_request", user.error()).to_json();
  return finish_sign_in(ctx, site, a, **user, ctx.now, true).to_json();
}

}  // namespace

std::string service_provider_entity_id(const UserPool& pool) { return "urn:amazon:cognito:sp:" + pool.id; }

Reply to_saml_provider(OpContext& ctx, const Site& site, const Authorization& a, const IdentityProvider& p) {
  UserPool& pool = site.pool;
  FederationRequest f = new_federation_request(ctx, pool, a, p);
  f.saml_request_id = "_" + hex_encode(ctx.random().bytes(16));
  const std::string sso = provider_detail(p, "SSORedirectBindingURI");
  const saml::AuthnRequest request{f.saml_request_id, service_provider_entity_id(pool), sso, site.url("/saml2/idpresponse"), ctx.now};
  ctx.rule("To " + p.name + "'s sign-on service with a SAML AuthnRequest (HTTP-Redirect binding: deflated, base64) from " +
           request.issuer + ", and a RelayState that brings this request back (it lasts 5 minutes)");
  pool.federation_requests.emplace(f.state, f);
  return redirect(with_query(simulated_idp::served_url(ctx.account, sso),
                             {{"SAMLRequest", saml::encode_redirect_message(saml::write_authn_request(request))}, {"RelayState", f.state}}));
}

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& saml_federation_operations() {
  static const OperationTable table = {
      {"SamlResponse", saml_response, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::hosted
