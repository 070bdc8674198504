// Linking a federated identity to an existing user, and undoing it (API
// Reference: AdminLinkProviderForUser, AdminDisableProviderForUser;
// Developer Guide: "Linking federated users to an existing user profile").
// A link is an entry in the destination user's `identities` attribute with
// "primary": "false"; the next sign-in through that provider with that ID
// signs in as the destination user (core/hosted/federated_users.cpp), whose
// tokens then carry the entry in their identities claim.
//
// Each user is a ProviderUserIdentifierType: {ProviderName,
// ProviderAttributeName, ProviderAttributeValue}. A native user is
// {"Cognito", -, <username>}; a provider's identity is {<ProviderName>,
// "Cognito_Subject", <its ID there: sub, id, user_id, NameID>}.
#include <algorithm>

#include "core/api/api_error.h"
#include "core/api/registry.h"
#include "core/hosted/federated_users.h"
#include "core/model/federated_identity.h"
#include "core/ops/common.h"

namespace userpool::ops {
namespace {

// At most five identities are linked to one user (the reference's §7.4).
constexpr std::size_t kMaxLinkedIdentities = 5;

struct ProviderUser {
  std::string provider_name, attribute_name, attribute_value;
};

ProviderUser read_provider_user(const Request& r, std::string_view member) {
  if (!r.has(member)) fail_validation(lower_camel(member), "null", "Member must not be null");
  const Request m = r.member(member);
  const StringShape name{1, 32, nullptr, nullptr};
  ProviderUser u;
  u.provider_name = m.optional_string("ProviderName", name).value_or("");
  u.attribute_name = m.optional_string("ProviderAttributeName").value_or("");
  u.attribute_value = m.optional_string("ProviderAttributeValue").value_or("");
  return u;
}

bool is_cognito(const ProviderUser& u) { return u.provider_name == "Cognito"; }

// The user a native or federated ProviderUser names (nullptr when none).
User* user_named(UserPool& pool, const ProviderUser& u) {
  if (is_cognito(u)) return pool.users.by_username(u.attribute_value);
  return pool.users.by_username(hosted::federated_username(pool, u.provider_name, u.attribute_value));
}

void write_identities(UserPool& pool, User& user, const std::vector<FederatedIdentity>& identities) {
  // An empty value removes the attribute.
  pool.users.set_attribute(user, "identities", identities.empty() ? std::string() : identities_attribute(identities));
}

// The provider's identity as a SourceUser or a User to disable: a provider
// of the pool, named by Cognito_Subject.
const IdentityProvider& require_provider_identity(UserPool& pool, const ProviderUser& u, const char* role) {
  const IdentityProvider* provider = pool.find_identity_provider(u.provider_name);
  // UNVERIFIED: the wording for a provider the pool does not have.
  if (provider == nullptr) fail_invalid_parameter(std::string("Invalid ") + role + ": the user pool has no identity provider named " + u.provider_name + ".");
  // UNVERIFIED: SAML and OIDC identities may also be named by a mapped
  // attribute before their first sign-in; the sandbox takes Cognito_Subject
  // (the provider's ID for the user) for every type.
  if (u.attribute_name != "Cognito_Subject")
    fail_invalid_parameter(std::string("Invalid ") + role + ": ProviderAttributeName must be Cognito_Subject for " + u.provider_name + ".");
  if (u.attribute_value.empty()) fail_invalid_parameter(std::string("Invalid ") + role + ": ProviderAttributeValue is required.");
  return *provider;
}

Json admin_link_provider_for_user(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const ProviderUser destination = read_provider_user(r, "DestinationUser");
  const ProviderUser source = read_provider_user(r, "SourceUser");
  if (is_cognito(source))
    fail_invalid_parameter("Invalid SourceUser: Cognito users with a username/password may not be passed in as a SourceUser, only as a DestinationUser");
  const IdentityProvider& provider = require_provider_identity(pool, source, "SourceUser");
  if (!is_cognito(destination) && pool.find_identity_provider(destination.provider_name) == nullptr)
    fail_invalid_parameter("Invalid DestinationUser: the user pool has no identity provider named " + destination.provider_name + ".");
  User* target = user_named(pool, destination);
  if (target == nullptr) fail("UserNotFoundException", "User does not exist.");
  ctx.event.username = target->username;
  if (pool.users.by_username(hosted::federated_username(pool, provider.name, source.attribute_value)) != nullptr) {
    ctx.rule("The source identity has signed in already and has a user of its own: Cognito does not merge two users");
    fail_invalid_parameter("Merging is not currently supported, provide a SourceUser that has not been signed up in order to link");
  }
  if (User* linked = hosted::linked_user(pool, provider.name, source.attribute_value)) {
    // UNVERIFIED: the error for an identity linked to a user already.
    if (linked == target) fail_invalid_parameter("The SourceUser is already linked to this DestinationUser.");
    fail("AliasExistsException", "The SourceUser is already linked to another user.");
  }
  std::vector<FederatedIdentity> identities = identities_of(*target);
  const auto links = std::count_if(identities.begin(), identities.end(), [](const FederatedIdentity& f) { return !f.primary; });
  if (static_cast<std::size_t>(links) >= kMaxLinkedIdentities) {
    // UNVERIFIED: the message.
    fail("LimitExceededException", "A user can have at most 5 linked identities.");
  }
  identities.push_back(FederatedIdentity{source.attribute_value, provider.name, provider.type, std::nullopt, false,
                                         std::chrono::duration_cast<std::chrono::milliseconds>(ctx.now.time_since_epoch()).count()});
  write_identities(pool, *target, identities);
  target->last_modified = ctx.now;
  ctx.rule(provider.name + " identity " + source.attribute_value + " is linked to " + target->username +
           ": signing in through " + provider.name + " with it now signs in as " + target->username +
           ", whose identities claim lists it (primary false)");
  return Json::object();
}

Json admin_disable_provider_for_user(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const ProviderUser u = read_provider_user(r, "User");
  if (is_cognito(u)) {
    if (u.attribute_name != "Cognito_Subject")
      fail_invalid_parameter("Invalid User: ProviderAttributeName must be Cognito_Subject for a Cognito user.");
    User* user = pool.users.by_username(u.attribute_value);
    if (user == nullptr) fail("UserNotFoundException", "User does not exist.");
    ctx.event.username = user->username;
    // UNVERIFIED: how a native user is turned off; the sandbox disables it,
    // as AdminDisableUser does, and keeps its links.
    user->enabled = false;
    user->last_modified = ctx.now;
    ctx.rule("The native user " + user->username + " is disabled: it signs in neither with its password nor through a linked provider");
    return Json::object();
  }
  const IdentityProvider& provider = require_provider_identity(pool, u, "User");
  if (User* linked = hosted::linked_user(pool, provider.name, u.attribute_value)) {
    std::vector<FederatedIdentity> identities = identities_of(*linked);
    std::erase_if(identities, [&](const FederatedIdentity& f) {
      return !f.primary && f.provider_name == provider.name && f.user_id == u.attribute_value;
    });
    write_identities(pool, *linked, identities);
    linked->last_modified = ctx.now;
    ctx.event.username = linked->username;
    ctx.rule("The link from " + provider.name + " identity " + u.attribute_value + " to " + linked->username +
             " is removed: its next sign-in makes a user of its own");
    return Json::object();
  }
  User* own = user_named(pool, u);
  if (own == nullptr) fail("UserNotFoundException", "User does not exist.");
  ctx.event.username = own->username;
  // UNVERIFIED: an identity that is a user of its own is turned off by
  // disabling that user.
  own->enabled = false;
  own->last_modified = ctx.now;
  ctx.rule("The federated user " + own->username + " is disabled: signing in through " + provider.name + " with it fails");
  return Json::object();
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& provider_link_operations() {
  static const OperationTable table = {
      {"AdminLinkProviderForUser", admin_link_provider_for_user, OperationKind::kChange},
      {"AdminDisableProviderForUser", admin_disable_provider_for_user, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::ops
