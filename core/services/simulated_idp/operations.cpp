// The simulated providers' endpoints, as operations of the "SimulatedIdP."
// service (core/http/provider_routes.h turns HTTP into these calls): the
// sign-in page at the provider's authorize URL and its form, the token
// endpoint Cognito exchanges the code at, the user-info endpoint it reads
// the profile from, and the keys it checks ID tokens with. A request is
// {"Url", "Method", "Query", "Form", "Authorization"}; the answer is the
// HTTP response, as for the hosted UI (core/hosted/site.h).
#include <algorithm>

#include "core/api/api_error.h"
#include "core/api/registry.h"
#include "core/base/encoding.h"
#include "core/base/identifiers.h"
#include "core/hosted/site.h"
#include "core/services/simulated_idp/provider_pages.h"
#include "core/tokens/jwks.h"
#include "core/tokens/jwt.h"
#include "core/tokens/tokens.h"

namespace userpool::simulated_idp {
namespace {

using hosted::Reply;

constexpr auto kCodeLifetime = std::chrono::minutes(5);
constexpr auto kTokenLifetime = std::chrono::hours(1);

struct ProviderRequest {
  SiteRef site;
  std::string url;  // as the provider knows it: https://accounts.google.com/o/oauth2/v2/auth
  std::string method;
  std::map<std::string, std::string> query, form;
  std::string authorization;

  std::string param(const std::string& name) const {
    if (const auto it = form.find(name); it != form.end()) return it->second;
    const auto it = query.find(name);
    return it == query.end() ? std::string() : it->second;
  }
};

ProviderRequest read_request(OpContext& ctx, const Request& r) {
  ProviderRequest p;
  p.url = r.string("Url", StringShape{1, 2048, nullptr, nullptr});
  const auto site = site_for_url(ctx.account, p.url);
  // UNVERIFIED territory: no real provider is here; an address no simulated
  // provider answers is "not found", as the network would have it.
  if (!site) fail_resource_not_found("No simulated identity provider answers at " + p.url + ".");
  p.site = *site;
  p.method = r.optional_string("Method").value_or("GET");
  p.query = r.string_map("Query");
  p.form = r.string_map("Form");
  p.authorization = r.optional_string("Authorization").value_or("");
  return p;
}

ProviderSite& site_state(OpContext& ctx, const SiteRef& site) {
  return ctx.account.services.get<SimulatedProviders>().sites[site.key];
}

std::string random_token(OpContext& ctx, std::size_t bytes) { return base64url_encode(ctx.random().bytes(bytes)); }

// The page's own address with the authorize request's query, where its forms post.
std::string form_action(OpContext& ctx, const ProviderRequest& p) {
  UrlParams q;
  for (const auto& [name, value] : p.query) q.emplace_back(name, value);
  return with_query(served_url(ctx.account, p.url), q);
}

std::string given_name_of(const std::string& name) { return name.substr(0, name.find(' ')); }
std::string family_name_of(const std::string& name) {
  const auto space = name.find(' ');
  return space == std::string::npos ? std::string() : name.substr(space + 1);
}

// The checks every authorize request gets before there is anywhere to send
// an error back to: what is missing is shown on the provider's page.
std::optional<std::string> authorize_problem(const ProviderRequest& p) {
  if (p.param("client_id").empty()) return "Missing required parameter: client_id";
  if (p.param("redirect_uri").empty()) return "Missing required parameter: redirect_uri";
  if (p.param("response_type") != "code")
    return "response_type must be code (the sandbox's providers give Cognito an authorization code)";
  return std::nullopt;
}

// Back to the redirect URI with the code (a redirect, or for Apple's
// form_post a page whose form posts it).
Reply give_code(OpContext& ctx, const ProviderRequest& p, const TestAccount& account, bool first_consent) {
  ProviderSite& site = site_state(ctx, p.site);
  std::erase_if(site.codes, [&](const auto& c) { return c.second.expires_at <= ctx.now; });
  const std::string code = (p.site.kind == ProviderKind::kGoogle ? "4/0A" : "") + random_token(ctx, 24);
  site.codes[code] = IssuedCode{p.param("client_id"), p.param("redirect_uri"), p.param("scope"), p.param("nonce"),
                                account.email, account.name, first_consent, ctx.now + kCodeLifetime};
  UrlParams back = {{"code", code}};
  if (!p.param("state").empty()) back.emplace_back("state", p.param("state"));
  ctx.rule(p.site.title + ": " + account.email + " signed in; an authorization code goes back to " + p.param("redirect_uri"));
  if (p.param("response_mode") == "form_post") {
    // Apple sends the user's name to the app once, with the first consent.
    if (p.site.kind == ProviderKind::kSignInWithApple && first_consent)
      back.emplace_back("user", Json{{"name", {{"firstName", given_name_of(account.name)}, {"lastName", family_name_of(account.name)}}},
                                     {"email", account.email}}.dump());
    return hosted::html_page(200, render_form_post(p.site, p.param("redirect_uri"), back));
  }
  return hosted::redirect(with_query(p.param("redirect_uri"), back));
}

Reply sign_in_page(OpContext& ctx, const ProviderRequest& p, const std::string& error = {}) {
  if (const auto problem = authorize_problem(p)) return hosted::html_page(400, render_provider_error(p.site, *problem));
  const ProviderSite& site = site_state(ctx, p.site);
  return hosted::html_page(error.empty() ? 200 : 400, render_sign_in_page(p.site, form_action(ctx, p), p.param("client_id"), site.accounts,
                                                                        error, p.param("login_hint")));
}

// GET <authorize URL>: the sign-in page.
Json get_sign_in_page(OpContext& ctx, const Request& r) {
  const ProviderRequest p = read_request(ctx, r);
  ctx.rule(p.site.title + " shows its sign-in page to the browser Cognito sent there");
  return sign_in_page(ctx, p).to_json();
}

// POST <authorize URL>: an account chosen or added (step=account|signin),
// then consent (step=consent) the first time this app asks for it.
Json sign_in(OpContext& ctx, const Request& r) {
  const ProviderRequest p = read_request(ctx, r);
  if (const auto problem = authorize_problem(p)) return hosted::html_page(400, render_provider_error(p.site, *problem)).to_json();
  const std::string step = p.param("step");
  TestAccount account{p.param("email"), p.param("name")};
  if (!is_email_address(account.email))
    return sign_in_page(ctx, p, "Enter an email address, such as jane@example.com.").to_json();
  ProviderSite& site = site_state(ctx, p.site);
  if (step == "account") {
    const auto known = std::find_if(site.accounts.begin(), site.accounts.end(), [&](const TestAccount& a) { return a.email == account.email; });
    if (known == site.accounts.end()) return sign_in_page(ctx, p, "That account is no longer remembered: sign in with it again.").to_json();
    account = *known;
  }
  site.remember(account);
  const std::string client_id = p.param("client_id");
  if (step == "consent") {
    site.consents.push_back(client_id + " " + account.email);
    ctx.rule(account.email + " agreed to share their profile with " + client_id);
    return give_code(ctx, p, account, true).to_json();
  }
  if (site.has_consent(client_id, account.email)) {
    ctx.rule(account.email + " agreed before to share their profile with " + client_id + ": no consent page this time");
    return give_code(ctx, p, account, false).to_json();
  }
  UrlParams denied = {{"error", "access_denied"}};
  if (!p.param("state").empty()) denied.emplace_back("state", p.param("state"));
  ctx.rule("The first time " + client_id + " asks for " + account.email + ": the consent page");
  return hosted::html_page(200, render_consent_page(p.site, form_action(ctx, p), client_id, account, p.param("scope"),
                                                    with_query(p.param("redirect_uri"), denied)))
      .to_json();
}

// The ID token an OIDC-style provider gives, with its own claim names.
std::string id_token(OpContext& ctx, const ProviderRequest& p, const IssuedCode& c, const std::string& access_token) {
  ProviderSite& site = site_state(ctx, p.site);
  const RsaKey key = site.signing_key();
  const auto iat = to_epoch_whole_seconds(ctx.now);
  const std::string sub = subject_for(p.site, c.email);
  Json claims = {{"iss", p.site.issuer}};
  switch (p.site.kind) {
    case ProviderKind::kGoogle:
      claims["azp"] = c.client_id;
      claims["aud"] = c.client_id;
      claims["sub"] = sub;
      claims["email"] = c.email;
      claims["email_verified"] = true;
      claims["at_hash"] = access_token_hash(access_token);
      if (!c.nonce.empty()) claims["nonce"] = c.nonce;
      claims["name"] = c.name;
      claims["given_name"] = given_name_of(c.name);
      if (!family_name_of(c.name).empty()) claims["family_name"] = family_name_of(c.name);
      break;
    case ProviderKind::kSignInWithApple:
      // Apple writes its booleans as strings, and never the user's name.
      claims["aud"] = c.client_id;
      claims["sub"] = sub;
      if (!c.nonce.empty()) claims["nonce"] = c.nonce;
      claims["at_hash"] = access_token_hash(access_token);
      claims["email"] = c.email;
      claims["email_verified"] = "true";
      claims["is_private_email"] = "false";
      claims["auth_time"] = iat;
      claims["nonce_supported"] = true;
      break;
    default:
      claims["sub"] = sub;
      claims["aud"] = c.client_id;
      if (!c.nonce.empty()) claims["nonce"] = c.nonce;
      claims["auth_time"] = iat;
      claims["email"] = c.email;
      claims["email_verified"] = true;
      claims["name"] = c.name;
      claims["preferred_username"] = c.email.substr(0, c.email.find('@'));
      break;
  }
  claims["iat"] = iat;
  claims["exp"] = iat + std::chrono::duration_cast<std::chrono::seconds>(kTokenLifetime).count();
  Json header = {{"kid", site.key_id()}, {"typ", "JWT"}};
  // A fault the learner asked for, so that Cognito's checks can be seen refusing the token.
  if (site.fault == "WrongAudience") claims["aud"] = "another-app-" + c.client_id;
  if (site.fault == "WrongIssuer") claims["iss"] = "https://issuer.example.net";
  if (site.fault == "Expired") {
    claims["iat"] = iat - 7200;
    claims["exp"] = iat - 3600;
  }
  if (site.fault == "WrongNonce") claims["nonce"] = "a-nonce-Cognito-never-sent";
  if (site.fault == "UnknownKey") header["kid"] = "a-key-the-provider-does-not-publish";
  if (!site.fault.empty()) ctx.rule(p.site.title + " puts a fault in its ID token, as asked: " + site.fault);
  std::string token = sign_jwt(header, claims, key);
  if (site.fault == "BadSignature") {
    // Another signature of the right length: the last character of the first signature's first byte changed.
    const auto at = token.rfind('.') + 1;
    token[at] = token[at] == 'A' ? 'B' : 'A';
  }
  return token;
}

Reply token_error(const std::string& error, const std::string& description) {
  return hosted::json_reply(400, Json{{"error", error}, {"error_description", description}});
}

// <token URL>: the code for tokens (POST; Facebook's is a GET).
Json token(OpContext& ctx, const Request& r) {
  const ProviderRequest p = read_request(ctx, r);
  ProviderSite& site = site_state(ctx, p.site);
  const auto found = site.codes.find(p.param("code"));
  if (found == site.codes.end() || found->second.expires_at <= ctx.now) {
    ctx.rule(p.site.title + ": the code is unknown, used or expired");
    return token_error("invalid_grant", "The authorization code is unknown, used or expired.").to_json();
  }
  const IssuedCode c = found->second;
  site.codes.erase(found);  // once
  if (p.param("client_id") != c.client_id || p.param("redirect_uri") != c.redirect_uri) {
    ctx.rule(p.site.title + ": the code was given to another client or redirect URI");
    return token_error("invalid_grant", "The code was issued to another client_id or redirect_uri.").to_json();
  }
  std::erase_if(site.access_tokens, [&](const auto& t) { return t.second.expires_at <= ctx.now; });
  Json answer;
  std::string access_token;
  switch (p.site.kind) {
    case ProviderKind::kFacebook: access_token = "EAA" + random_token(ctx, 48); break;
    case ProviderKind::kLoginWithAmazon: access_token = "Atza|" + random_token(ctx, 48); break;
    case ProviderKind::kGoogle: access_token = "ya29." + random_token(ctx, 48); break;
    default: access_token = random_token(ctx, 32); break;
  }
  site.access_tokens[access_token] = IssuedAccessToken{c.client_id, c.email, c.name, c.scope, ctx.now + kTokenLifetime};
  switch (p.site.kind) {
    case ProviderKind::kFacebook:
      answer = {{"access_token", access_token}, {"token_type", "bearer"}, {"expires_in", 5183944}};
      break;
    case ProviderKind::kLoginWithAmazon:
      answer = {{"access_token", access_token}, {"refresh_token", "Atzr|" + random_token(ctx, 48)}, {"token_type", "bearer"}, {"expires_in", 3600}};
      break;
    case ProviderKind::kGoogle:
      answer = {{"access_token", access_token}, {"expires_in", 3599}, {"scope", c.scope}, {"token_type", "Bearer"},
                {"id_token", id_token(ctx, p, c, access_token)}};
      break;
    case ProviderKind::kSignInWithApple:
      answer = {{"access_token", access_token}, {"token_type", "Bearer"}, {"expires_in", 3600},
                {"refresh_token", random_token(ctx, 32)}, {"id_token", id_token(ctx, p, c, access_token)}};
      break;
    case ProviderKind::kOidc:
      answer = {{"access_token", access_token}, {"token_type", "Bearer"}, {"expires_in", 3600}, {"id_token", id_token(ctx, p, c, access_token)}};
      break;
    case ProviderKind::kSaml:  // it issues no codes, so none reaches here
      return token_error("unsupported_grant_type", "A SAML provider has no token endpoint.").to_json();
  }
  ctx.rule(p.site.title + " exchanged the code for " + (answer.contains("id_token") ? "an ID token and an access token" : "an access token"));
  return hosted::json_reply(200, answer).to_json();
}

// <user-info URL>: the profile the access token reaches, in the provider's names.
Json get_user_info(OpContext& ctx, const Request& r) {
  const ProviderRequest p = read_request(ctx, r);
  ProviderSite& site = site_state(ctx, p.site);
  std::string token = p.param("access_token");
  if (p.authorization.starts_with("Bearer ")) token = p.authorization.substr(7);
  const auto found = site.access_tokens.find(token);
  if (found == site.access_tokens.end() || found->second.expires_at <= ctx.now) {
    ctx.rule(p.site.title + ": the access token is unknown or expired");
    return hosted::json_reply(401, Json{{"error", "invalid_token"}}).to_json();
  }
  const IssuedAccessToken& t = found->second;
  const std::string sub = subject_for(p.site, t.email);
  Json profile;
  switch (p.site.kind) {
    case ProviderKind::kFacebook: {
      const Json all = {{"id", sub}, {"name", t.name}, {"email", t.email}, {"first_name", given_name_of(t.name)},
                        {"last_name", family_name_of(t.name)}};
      // Graph answers the fields asked for (and always the id).
      const std::string fields = p.param("fields");
      profile = {{"id", sub}};
      for (const auto& [name, value] : all.items())
        if (fields.empty() || ("," + fields + ",").find("," + name + ",") != std::string::npos) profile[name] = value;
      break;
    }
    case ProviderKind::kLoginWithAmazon:
      profile = {{"user_id", sub}, {"name", t.name}, {"email", t.email}};
      if (t.scope.find("postal_code") != std::string::npos) profile["postal_code"] = "98109";
      break;
    default:
      // Google's People API answers in its own nested shape; the sandbox
      // answers in the flat OpenID Connect user-info names that Cognito's
      // attribute mapping uses for Google (a simplification).
      profile = {{"sub", sub}, {"name", t.name}, {"given_name", given_name_of(t.name)}, {"email", t.email}, {"email_verified", true}};
      if (!family_name_of(t.name).empty()) profile["family_name"] = family_name_of(t.name);
      break;
  }
  ctx.rule(p.site.title + " answered with the profile of " + t.email);
  return hosted::json_reply(200, profile).to_json();
}

// <keys URL>: the provider's public keys (none until it has signed a token).
Json get_jwks(OpContext& ctx, const Request& r) {
  const ProviderRequest p = read_request(ctx, r);
  Json keys = Json::array();
  if (const auto* state = ctx.account.services.find<SimulatedProviders>())
    if (const auto it = state->sites.find(p.site.key); it != state->sites.end() && !it->second.private_pem.empty())
      if (const auto key = RsaKey::from_private_pem(it->second.private_pem))
        keys.push_back(make_signing_jwk(*key, it->second.key_id()).to_json());
  return hosted::json_reply(200, Json{{"keys", keys}}).to_json();
}

// SimulatedIdP.SetFault {"Url": any address of the provider, "Fault": one
// of kIdTokenFaults, or "None"}: its next ID tokens carry that fault.
Json set_fault(OpContext& ctx, const Request& r) {
  const std::string url = r.string("Url", StringShape{1, 2048, nullptr, nullptr});
  const auto site = site_for_url(ctx.account, url);
  if (!site) fail_resource_not_found("No simulated identity provider answers at " + url + ".");
  const std::string fault = r.string("Fault", StringShape{1, 32, nullptr, nullptr});
  const bool known = fault == "None" || std::find(std::begin(kIdTokenFaults), std::end(kIdTokenFaults), fault) != std::end(kIdTokenFaults);
  if (!known) {
    std::string list = "None";
    for (const char* f : kIdTokenFaults) list += std::string(", ") + f;
    fail_invalid_parameter("1 validation error detected: Value '" + fault + "' at 'fault' failed to satisfy constraint: Member must satisfy enum value set: [" + list + "]");
  }
  if (site->kind == ProviderKind::kFacebook || site->kind == ProviderKind::kLoginWithAmazon)
    fail_invalid_parameter(site->title + " gives Cognito no ID token, so it has no ID token faults.");
  site_state(ctx, *site).fault = fault == "None" ? std::string() : fault;
  ctx.rule(site->title + (fault == "None" ? " issues correct ID tokens again" : " will put a fault in its ID tokens: " + fault));
  return Json::object();
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& provider_operations() {
  static const OperationTable table = {
      {"GetSignInPage", get_sign_in_page, OperationKind::kRead},
      {"SignIn", sign_in, OperationKind::kChange},
      {"Token", token, OperationKind::kChange},
      {"GetUserInfo", get_user_info, OperationKind::kRead},
      {"GetJwks", get_jwks, OperationKind::kRead},
      {"SetFault", set_fault, OperationKind::kChange},
  };
  return table;
}

// What the simulated providers keep in the saved state.
StateSection provider_state() {
  return {"SimulatedIdentityProviders",
          [](const Account& account) {
            const auto* kept = account.services.find<SimulatedProviders>();
            return kept == nullptr || kept->sites.empty() ? Json() : kept->to_state();
          },
          [](const Json* saved) -> std::function<void(Account&)> {
            auto read = std::make_shared<SimulatedProviders>(saved == nullptr ? SimulatedProviders{} : SimulatedProviders::from_state(*saved));
            return [read](Account& account) { account.services.put(std::move(*read)); };
          }};
}

}  // namespace userpool::simulated_idp
