#include "tests/core/hosted/federated.h"

namespace userpool::test {

Json provider_settings(const std::string& pool, const std::string& type) {
  if (type == "Google")
    return {{"UserPoolId", pool}, {"ProviderName", "Google"}, {"ProviderType", "Google"},
            {"ProviderDetails", {{"client_id", "g-client.apps.googleusercontent.com"}, {"client_secret", "g-secret"},
                                 {"authorize_scopes", "openid email profile"}}},
            {"AttributeMapping", {{"email", "email"}, {"name", "name"}}}};
  if (type == "Facebook")
    return {{"UserPoolId", pool}, {"ProviderName", "Facebook"}, {"ProviderType", "Facebook"},
            {"ProviderDetails", {{"client_id", "1234567890"}, {"client_secret", "fb-secret"}, {"authorize_scopes", "public_profile, email"},
                                 {"api_version", "v17.0"}}},
            {"AttributeMapping", {{"email", "email"}, {"name", "name"}}}};
  if (type == "LoginWithAmazon")
    return {{"UserPoolId", pool}, {"ProviderName", "LoginWithAmazon"}, {"ProviderType", "LoginWithAmazon"},
            {"ProviderDetails", {{"client_id", "amzn1.application-oa2-client.abc"}, {"client_secret", "amzn-secret"},
                                 {"authorize_scopes", "profile"}}},
            {"AttributeMapping", {{"email", "email"}, {"name", "name"}}}};
  if (type == "SignInWithApple")
    return {{"UserPoolId", pool}, {"ProviderName", "SignInWithApple"}, {"ProviderType", "SignInWithApple"},
            {"ProviderDetails", {{"client_id", "com.example.app.signin"}, {"team_id", "TEAM123456"}, {"key_id", "KEY1234567"},
                                 {"private_key", "-----BEGIN PRIVATE KEY-----\nMIGT\n-----END PRIVATE KEY-----"},
                                 {"authorize_scopes", "email name"}}},
            {"AttributeMapping", {{"email", "email"}, {"name", "name"}}}};
  if (type == "SAML")
    return {{"UserPoolId", pool}, {"ProviderName", "Corp"}, {"ProviderType", "SAML"},
            {"ProviderDetails", {{"MetadataURL", "https://idp.example.com/saml/metadata"}}},
            {"AttributeMapping", {{"email", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"},
                                  {"name", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"}}}};
  return {{"UserPoolId", pool}, {"ProviderName", "Corp"}, {"ProviderType", "OIDC"},
          {"ProviderDetails", {{"client_id", "corp-client"}, {"client_secret", "corp-secret"}, {"authorize_scopes", "openid email profile"},
                               {"attributes_request_method", "GET"}, {"oidc_issuer", "https://idp.example.com"}}},
          {"AttributeMapping", {{"email", "email"}, {"name", "name"}}},
          {"IdpIdentifiers", {"example.com"}}};
}

Federated::Federated(const std::string& type, Json pool_settings, Json provider_overrides) {
  pool = hosted_pool(s, std::move(pool_settings));
  Json settings = provider_settings(pool, type);
  for (const auto& [key, value] : provider_overrides.items()) settings[key] = value;
  provider = settings["ProviderName"];
  s.ok("CreateIdentityProvider", settings);
  client = s.create_client(pool, hosted_client_settings({{"SupportedIdentityProviders", {"COGNITO", provider}}}));
}

HttpResponse Federated::to_provider(UrlParams extra) {
  extra.emplace_back("identity_provider", provider);
  const HttpResponse r = b.get(authorize_url(client, std::move(extra)));
  INFO(r.body);
  REQUIRE(r.status == 302);
  return b.follow(r);
}

std::string Federated::sign_in(const std::string& email, const std::string& name, UrlParams extra) {
  HttpResponse page = to_provider(std::move(extra));
  REQUIRE(page.status == 200);
  return finish(b.submit(page, {{"email", email}, {"name", name}}));
}

std::string Federated::finish(HttpResponse page) {
  page = b.follow(page);
  for (int step = 0; step < 4 && page.status == 200; ++step) {
    INFO(page.body);
    REQUIRE((shows(page, "Share your account?") || shows(page, "Continue to the app")));
    page = b.follow(b.submit(page));
  }
  INFO(page.body);
  REQUIRE(page.status == 302);
  return HostedBrowser::location(page);
}

Json Federated::tokens(const std::string& callback) {
  const std::string code = HostedBrowser::url_param(callback, "code");
  INFO(callback);
  REQUIRE_FALSE(code.empty());
  const HttpResponse r = b.post("/oauth2/token", {{"grant_type", "authorization_code"}, {"client_id", client}, {"code", code},
                                                  {"redirect_uri", kCallback}});
  INFO(r.body);
  REQUIRE(r.status == 200);
  return json_body(r);
}

Json Federated::user(const std::string& username) { return s.ok("AdminGetUser", {{"UserPoolId", pool}, {"Username", username}}); }

std::string Federated::attribute(const Json& user, const std::string& name) {
  for (const Json& a : user["UserAttributes"])
    if (a["Name"] == name) return a["Value"];
  return {};
}

std::size_t Federated::user_count() { return s.ok("ListUsers", {{"UserPoolId", pool}})["Users"].size(); }

std::string epoch_ms(Timestamp t) { return std::to_string(std::chrono::duration_cast<Millis>(t.time_since_epoch()).count()); }

std::string subject(Sandbox& s, const std::string& provider_url, const std::string& email) {
  return simulated_idp::subject_for(*simulated_idp::site_for_url(s.account, provider_url), email);
}

}  // namespace userpool::test
