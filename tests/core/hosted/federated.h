// A pool that federates, for the federation tests: the hosted domain, one
// identity provider of a given type (simulated by the sandbox,
// core/services/simulated_idp/simulated_idp.h) and an app client that
// offers it beside the pool's own sign-in; and a browser that goes through
// the provider's pages as a user would.
#pragma once

#include "core/services/simulated_idp/simulated_idp.h"
#include "tests/core/hosted/hosted_browser.h"

namespace userpool::test {

inline const std::string kIdpResponse = kBase + "/oauth2/idpresponse";

// CreateIdentityProvider's request for a provider of `type` (Google,
// Facebook, LoginWithAmazon, SignInWithApple, OIDC: "Corp" at
// https://idp.example.com, or SAML: "Corp", the simulated SAML provider at
// https://idp.example.com by its MetadataURL), mapping email and name.
Json provider_settings(const std::string& pool, const std::string& type);

struct Federated {
  Sandbox s;
  std::string pool;
  std::string provider;  // its ProviderName
  std::string client;
  HostedBrowser b{s};

  explicit Federated(const std::string& type, Json pool_settings = Json::object(), Json provider_overrides = Json::object());

  // From authorize?identity_provider=... to the provider's sign-in page.
  HttpResponse to_provider(UrlParams extra = {});
  // Signs in at the provider's page with an account (the consent page
  // allowed when it comes); the callback the app is sent to.
  std::string sign_in(const std::string& email, const std::string& name, UrlParams extra = {});
  // Whatever the provider shows next until the browser is back at the app:
  // the consent page allowed, Apple's form post sent on.
  std::string finish(HttpResponse page);
  // The callback's code exchanged at the token endpoint.
  Json tokens(const std::string& callback);

  Json user(const std::string& username);
  static std::string attribute(const Json& user, const std::string& name);
  std::size_t user_count();
};

// The provider's ID for an email address (the provider named by any of its URLs).
std::string subject(Sandbox& s, const std::string& provider_url, const std::string& email);
// Epoch milliseconds as a string, as identities' dateCreated is written.
std::string epoch_ms(Timestamp t);

}  // namespace userpool::test
