// A pool's federated identity provider (API Reference: IdentityProviderType;
// Developer Guide: "Adding user pool sign-in through a third party"): a
// social provider (Google, Facebook, Login with Amazon, Sign in with Apple),
// an OpenID Connect provider or a SAML provider, with the details Cognito
// needs to send users there, how their attributes map onto the pool's, and
// the identifiers that route users to it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/base/json.h"

namespace userpool {

struct IdentityProvider {
  std::string name;  // Google, Facebook, LoginWithAmazon, SignInWithApple, or the name given an OIDC or SAML provider
  std::string type;  // Google | Facebook | LoginWithAmazon | SignInWithApple | OIDC | SAML
  std::map<std::string, std::string> details;            // ProviderDetails, with the keys Cognito adds
  std::map<std::string, std::string> attribute_mapping;  // pool attribute -> the provider's attribute
  std::vector<std::string> idp_identifiers;
  Timestamp created{}, last_modified{};

  // IdentityProviderType, as Describe answers (Apple's private_key is
  // never given back).
  Json describe(const std::string& user_pool_id) const;
  // ProviderDescription, as ListIdentityProviders answers.
  Json summary() const;
};

}  // namespace userpool
