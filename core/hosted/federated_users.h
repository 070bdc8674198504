// The user a federated sign-in signs in as (Developer Guide: "Adding user
// pool sign-in through a third party", "Specifying identity provider
// attribute mappings", "Linking federated users to an existing user
// profile"): a user the identity was linked to; else <ProviderName>_<id>,
// made with UserStatus EXTERNAL_PROVIDER on the first sign-in and put in
// the provider's automatic group <poolId>_<ProviderName>; its mapped
// attributes written again at every sign-in.
#pragma once

#include <string>

#include <tl/expected.hpp>

#include "core/api/operation.h"

namespace userpool::hosted {

// What the provider said about the user: its ID for them, and the claims
// or profile fields the attribute mapping reads (by the provider's names).
struct ProviderProfile {
  std::string user_id;
  Json claims = Json::object();
  std::optional<std::string> issuer;  // the entity ID of a SAML provider; none for social ones
};

// The user to sign in, or the error_description the app is sent back with
// (a required attribute the provider did not give, a mapped attribute the
// client may not write, ...).
tl::expected<User*, std::string> federated_user(OpContext& ctx, UserPool& pool, const AppClient& client,
                                                 const IdentityProvider& provider, const ProviderProfile& profile);

// The user a provider's identity is linked to by AdminLinkProviderForUser
// (an entry of its identities with primary false), or nullptr.
User* linked_user(UserPool& pool, const std::string& provider_name, const std::string& user_id);

// <ProviderName>_<id>, as the pool stores it (lower case in a pool whose
// usernames are case-insensitive; UNVERIFIED, the reference's best guess).
std::string federated_username(const UserPool& pool, const std::string& provider_name, const std::string& user_id);

// The group every user of a provider is put in: <poolId>_<ProviderName>.
std::string provider_group_name(const UserPool& pool, const std::string& provider_name);

}  // namespace userpool::hosted
