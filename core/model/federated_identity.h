// The identities a user signs in with through federated providers
// (Developer Guide: "Linking federated users to an existing user profile"):
// the `identities` attribute Cognito keeps as a JSON string, and the
// `identities` claim of the user's ID tokens (the same list, as an array).
// Each entry is written as real tokens show it: primary and dateCreated
// (epoch milliseconds) as strings, issuer null for social providers and the
// entity ID for SAML.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/json.h"

namespace userpool {

struct User;

struct FederatedIdentity {
  std::string user_id;        // the provider's ID for the user (sub, id, user_id, NameID)
  std::string provider_name;  // "Google", or the name given an OIDC or SAML provider
  std::string provider_type;  // Google | Facebook | LoginWithAmazon | SignInWithApple | OIDC | SAML
  std::optional<std::string> issuer;
  bool primary = false;       // the identity the user was made by (false for a linked one)
  std::int64_t date_created_ms = 0;

  Json to_json() const;
};

// The user's identities (none when the attribute is absent or unreadable).
std::vector<FederatedIdentity> identities_of(const User& user);
// The attribute's value for a list of identities.
std::string identities_attribute(const std::vector<FederatedIdentity>& identities);

}  // namespace userpool
