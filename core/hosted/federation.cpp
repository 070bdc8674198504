#include "core/hosted/federation.h"

#include <algorithm>

#include "core/api/registry.h"
#include "core/base/encoding.h"
#include "core/hosted/federated_users.h"
#include "core/hosted/pages.h"
#include "core/hosted/saml_federation.h"
#include "core/services/simulated_idp/simulated_idp.h"
#include "core/tokens/jwks.h"
#include "core/tokens/jwt.h"

namespace userpool::hosted {
namespace {

bool is_oidc_style(const IdentityProvider& p) { return p.type == "Google" || p.type == "SignInWithApple" || p.type == "OIDC"; }


// Cognito calling one of the provider's endpoints: the provider's
// operation, with the URL split into its address and query.
struct ProviderAnswer {
  int status = 0;
  Json body;  // the answer's JSON (null when it is not JSON)
};
ProviderAnswer call_provider(OpContext& ctx, const char* operation, const std::string& url, const std::string& method,
                             const UrlParams& params, const std::string& authorization = {}) {
  const auto q = url.find('?');
  Json query = Json::object(), form = Json::object();
  if (q != std::string::npos)
    for (const auto& [name, value] : first_values(parse_url_params(url.substr(q + 1)))) query[name] = value;
  for (const auto& [name, value] : params) (method == "GET" ? query : form)[name] = value;
  Json call = {{"Url", url.substr(0, q)}, {"Method", method}, {"Query", query}, {"Form", form}};
  if (!authorization.empty()) call["Authorization"] = authorization;
  const Json answer = call_operation(ctx, operation, call);
  ProviderAnswer a;
  a.status = answer.value("Status", 0);
  a.body = Json::parse(answer.value("Body", std::string()), nullptr, false);
  if (a.body.is_discarded()) a.body = nullptr;
  return a;
}

// Where each OIDC-style provider publishes its keys.
std::string jwks_url(const IdentityProvider& p) {
  if (p.type == "Google") return "https://www.googleapis.com/oauth2/v3/certs";
  if (p.type == "SignInWithApple") return "https://appleid.apple.com/auth/keys";
  return provider_detail(p, "jwks_uri");
}

// The provider's ID token checked as Cognito checks it. UNVERIFIED: the
// descriptions, but for "Bad id_token issuer", which real sign-ins show.
tl::expected<Json, std::string> verify_id_token(OpContext& ctx, const IdentityProvider& p, const std::string& token,
                                                const std::string& nonce) {
  auto decoded = decode_jwt(token);
  if (!decoded) return tl::unexpected("Invalid id_token: " + decoded.error().message);
  const Json& header = decoded->header;
  if (header.value("alg", std::string()) != "RS256") return tl::unexpected(std::string("Invalid id_token: the algorithm is not RS256"));
  const std::string kid = header.value("kid", std::string());
  const ProviderAnswer keys = call_provider(ctx, "SimulatedIdP.GetJwks", jwks_url(p), "GET", {});
  const auto jwks = keys.status == 200 ? Jwks::parse(keys.body) : tl::expected<Jwks, std::string>(tl::unexpected(std::string("no keys")));
  // The message real sign-ins show when the keys cannot be had.
  if (!jwks) return tl::unexpected(std::string("Timeout in calling jwks uri"));
  const Jwk* jwk = jwks->find(kid);
  if (jwk == nullptr) return tl::unexpected("Invalid id_token: no key of " + p.name + " has the kid " + kid);
  const auto key = jwk->rsa_key();
  if (!key || !key->verify_rs256(bytes_of(decoded->signing_input()), decoded->signature))
    return tl::unexpected(std::string("Invalid id_token: the signature does not verify with the provider's key"));
  ctx.rule("The ID token's signature verifies with " + p.name + "'s public key (kid " + kid + ")");
  const Json& c = decoded->payload;
  std::string issuer = p.type == "Google" ? "https://accounts.google.com" : p.type == "SignInWithApple" ? "https://appleid.apple.com" : provider_detail(p, "oidc_issuer");
  while (issuer.ends_with('/')) issuer.pop_back();
  const std::string iss = c.value("iss", std::string());
  // Google's tokens may name their issuer without the scheme.
  if (iss != issuer && !(p.type == "Google" && iss == "accounts.google.com")) return tl::unexpected("Bad id_token issuer " + iss);
  const std::string client_id = provider_detail(p, "client_id");
  const Json aud = c.value("aud", Json());
  const bool audience = aud == client_id || (aud.is_array() && std::find(aud.begin(), aud.end(), Json(client_id)) != aud.end());
  if (!audience) return tl::unexpected("Invalid id_token: its audience is not the client_id " + client_id + " Cognito has for " + p.name);
  const Json exp = c.value("exp", Json());
  if (!exp.is_number() || exp.get<std::int64_t>() <= to_epoch_whole_seconds(ctx.now)) return tl::unexpected(std::string("Invalid id_token: expired"));
  if (c.value("nonce", std::string()) != nonce) return tl::unexpected(std::string("Invalid id_token: the nonce is not the one Cognito sent"));
  ctx.rule("The ID token's issuer, audience (Cognito's client ID at " + p.name + "), expiry and nonce are right");
  return c;
}

// What the provider says about the user: the code exchanged at its token
// endpoint, then the ID token checked and, where the provider has one, its
// user-info endpoint read with the access token.
tl::expected<ProviderProfile, std::string> read_profile(OpContext& ctx, const Site& site, const IdentityProvider& p,
                                                        const HostedRequest& request, const std::string& nonce) {
  const std::string code = request.param("code");
  if (code.empty()) return tl::unexpected(p.name + " sent no authorization code");
  UrlParams params = {{"grant_type", "authorization_code"}, {"code", code}, {"client_id", provider_detail(p, "client_id")},
                      {"redirect_uri", site.url("/oauth2/idpresponse")}};
  // UNVERIFIED: Apple's client secret is a JWT Cognito signs with the
  // private key it was given; the simulated Apple does not check one.
  if (!provider_detail(p, "client_secret").empty()) params.emplace_back("client_secret", provider_detail(p, "client_secret"));
  const std::string token_method = provider_detail(p, "token_request_method", "POST");
  const std::string token_url = provider_detail(p, "token_url");
  ctx.rule("Cognito exchanges the code at " + p.name + "'s token endpoint (" + token_method + " " + token_url + ") with its client ID and secret there");
  const ProviderAnswer tokens = call_provider(ctx, "SimulatedIdP.Token", token_url, token_method, params);
  if (tokens.status != 200 || !tokens.body.is_object())
    return tl::unexpected(p.name + " Error - " + std::to_string(tokens.status) + " error getting token");
  const std::string access_token = tokens.body.value("access_token", std::string());
  ProviderProfile profile;
  if (is_oidc_style(p)) {
    const std::string id_token = tokens.body.value("id_token", std::string());
    if (id_token.empty()) return tl::unexpected(p.name + " Error - " + std::to_string(tokens.status) + " no id_token");
    record_received(ctx, p, "IdToken", id_token);
    auto claims = verify_id_token(ctx, p, id_token, nonce);
    if (!claims) return tl::unexpected(claims.error());
    profile.claims = *claims;
  }
  // The profile, where the provider has a user-info endpoint; the mapped
  // names are added to its URL where the provider asks for fields by name.
  std::string attributes_url = provider_detail(p, "attributes_url");
  if (!attributes_url.empty()) {
    if (provider_detail(p, "attributes_url_add_attributes") == "true") {
      std::string fields = p.type == "Facebook" ? "id" : "";
      for (const auto& [attribute, claim] : p.attribute_mapping)
        if (("," + fields + ",").find("," + claim + ",") == std::string::npos) fields += (fields.empty() ? "" : ",") + claim;
      attributes_url += fields;
    }
    const std::string method = provider_detail(p, "attributes_request_method", "GET");
    const UrlParams token_param = p.type == "Facebook" ? UrlParams{{"access_token", access_token}} : UrlParams{};
    ctx.rule("Cognito reads the user's profile at " + p.name + " (" + method + " " + attributes_url + ")");
    const ProviderAnswer info = call_provider(ctx, "SimulatedIdP.GetUserInfo", attributes_url, method, token_param,
                                              p.type == "Facebook" ? std::string() : "Bearer " + access_token);
    if (info.status != 200 || !info.body.is_object())
      return tl::unexpected(p.name + " Error - " + std::to_string(info.status) + " error getting user attributes");
    record_received(ctx, p, "UserInfo", info.body.dump(2));
    for (const auto& [name, value] : info.body.items()) profile.claims[name] = value;
  }
  // Sign in with Apple gives the user's name only with the first consent,
  // in the form it posts back.
  if (p.type == "SignInWithApple" && request.has("user")) {
    const Json user = Json::parse(request.param("user"), nullptr, false);
    if (user.is_object() && user.contains("name") && user["name"].is_object()) {
      const std::string first = user["name"].value("firstName", ""), last = user["name"].value("lastName", "");
      profile.claims["firstName"] = first;
      profile.claims["lastName"] = last;
      profile.claims["name"] = first + (last.empty() ? "" : " " + last);
    }
  }
  const char* id_claim = p.type == "Facebook" ? "id" : p.type == "LoginWithAmazon" ? "user_id" : "sub";
  profile.user_id = profile.claims.value(id_claim, std::string());
  if (profile.user_id.empty()) return tl::unexpected(p.name + " did not say who the user is (no " + id_claim + ")");
  ctx.rule(p.name + "'s ID for the user is " + profile.user_id + " (its " + id_claim + ")");
  return profile;
}

// GET or POST /oauth2/idpresponse: the provider's answer, back at Cognito.
Json idp_response(OpContext& ctx, const Request& r) {
  const Site site = read_site(ctx, r);
  const HostedRequest request = read_hosted_request(r);
  UserPool& pool = site.pool;
  std::erase_if(pool.federation_requests, [&](const auto& e) { return e.second.expires_at <= ctx.now; });
  const auto found = pool.federation_requests.find(request.param("state"));
  if (found == pool.federation_requests.end()) {
    ctx.rule("The state the provider sent back is not one Cognito gave (or the round trip took over 5 minutes)");
    return html_page(400, render_error_page(Look{}, "Something went wrong. Please try signing in again.")).to_json();
  }
  const FederationRequest f = found->second;
  pool.federation_requests.erase(found);  // once
  HostedRequest original;
  original.method = "GET";
  for (const auto& [name, value] : f.authorize) original.query.emplace(name, value);
  auto checked = check_authorization(ctx, site, original);
  if (auto* reply = std::get_if<Reply>(&checked)) return reply->to_json();
  const Authorization& a = std::get<Authorization>(checked);
  const IdentityProvider* p = pool.find_identity_provider(f.provider_name);
  if (p == nullptr) return error_redirect(a, "invalid_request", "Login option is not available. Please try another one").to_json();
  ctx.event.client_id = a.client->client_id;
  if (request.has("error")) {
    // UNVERIFIED: Cognito passes the provider's error on to the app.
    ctx.rule(p->name + " answered with error " + request.param("error") + " (the user cancelled, or the provider refused)");
    return error_redirect(a, request.param("error"), request.param("error_description")).to_json();
  }
  auto profile = read_profile(ctx, site, *p, request, f.nonce);
  if (!profile) {
    ctx.rule("Sign-in through " + p->name + " failed: " + profile.error());
    return error_redirect(a, "invalid_request", profile.error()).to_json();
  }
  auto user = federated_user(ctx, pool, *a.client, *p, *profile);
  if (!user) return error_redirect(a, "invalid_request", user.error()).to_json();
  return finish_sign_in(ctx, site, a, **user, ctx.now, true).to_json();
}

}  // namespace

std::string provider_detail(const IdentityProvider& p, const char* key, std::string fallback) {
  const auto it = p.details.find(key);
  return it == p.details.end() || it->second.empty() ? fallback : it->second;
}

void record_received(OpContext& ctx, const IdentityProvider& p, const char* kind, std::string content) {
  Json& f = ctx.event.federation;
  f["ProviderName"] = p.name;
  f["ProviderType"] = p.type;
  f["Received"].push_back(Json{{"Kind", kind}, {"Content", std::move(content)}});
}

std::string provider_button_text(const IdentityProvider& provider) {
  if (provider.type == "Google") return "Continue with Google";
  if (provider.type == "Facebook") return "Continue with Facebook";
  if (provider.type == "LoginWithAmazon") return "Continue with Amazon";
  if (provider.type == "SignInWithApple") return "Continue with Apple";
  return provider.name;
}

FederationRequest new_federation_request(OpContext& ctx, UserPool& pool, const Authorization& a, const IdentityProvider& p) {
  std::erase_if(pool.federation_requests, [&](const auto& e) { return e.second.expires_at <= ctx.now; });
  FederationRequest f;
  f.state = base64url_encode(ctx.random().bytes(24));
  f.provider_name = p.name;
  f.authorize = a.query;
  std::erase_if(f.authorize, [](const auto& param) { return param.first == "identity_provider" || param.first == "idp_identifier"; });
  f.authorize.emplace_back("identity_provider", p.name);
  f.expires_at = ctx.now + kFederationRequestLifetime;
  return f;
}

Reply to_identity_provider(OpContext& ctx, const Site& site, const Authorization& a) {
  UserPool& pool = site.pool;
  const IdentityProvider& p = *pool.find_identity_provider(a.identity_provider);
  if (p.type == "SAML") return to_saml_provider(ctx, site, a, p);
  FederationRequest f = new_federation_request(ctx, pool, a, p);
  UrlParams q = {{"client_id", provider_detail(p, "client_id")}, {"redirect_uri", site.url("/oauth2/idpresponse")}, {"response_type", "code"},
                 {"scope", provider_detail(p, "authorize_scopes")}, {"state", f.state}};
  if (is_oidc_style(p)) {
    f.nonce = base64url_encode(ctx.random().bytes(16));
    q.emplace_back("nonce", f.nonce);
  }
  // Apple answers with a form post when it is asked for the name or email.
  if (p.type == "SignInWithApple") q.emplace_back("response_mode", "form_post");
  // login_hint goes to Google and OIDC providers only; prompt (but none) to all.
  if (!a.login_hint.empty() && (p.type == "Google" || p.type == "OIDC")) q.emplace_back("login_hint", a.login_hint);
  if (!a.prompt.empty() && a.prompt != "none") q.emplace_back("prompt", a.prompt);
  ctx.rule("To " + p.name + "'s sign-in, with Cognito's client ID there, the redirect URI /oauth2/idpresponse and a state "
           "that brings this request back (it lasts 5 minutes)");
  pool.federation_requests.emplace(f.state, f);
  return redirect(with_query(simulated_idp::served_url(ctx.account, provider_detail(p, "authorize_url")), q));
}

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& federation_operations() {
  static const OperationTable table = {
      {"IdpResponse", idp_response, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::hosted
