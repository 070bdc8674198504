#include "core/hosted/federated_users.h"

#include <algorithm>

#include "core/base/identifiers.h"
#include "core/model/federated_identity.h"
#include "core/model/schema.h"
#include "core/rules/quotas.h"

namespace userpool::hosted {
namespace {

// A claim as the attribute's string: booleans and numbers as written,
// objects and arrays as JSON.
std::optional<std::string> claim_text(const Json& claims, const std::string& name) {
  const auto it = claims.find(name);
  if (it == claims.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

constexpr std::size_t kMaxMappedLength = 2048;

}  // namespace

User* linked_user(UserPool& pool, const std::string& provider_name, const std::string& user_id) {
  for (auto& [seq, user] : pool.users.users())
    for (const FederatedIdentity& f : identities_of(user))
      if (!f.primary && f.provider_name == provider_name && f.user_id == user_id) return &user;
  return nullptr;
}

std::string federated_username(const UserPool& pool, const std::string& provider_name, const std::string& user_id) {
  const std::string name = provider_name + "_" + user_id;
  return pool.users.case_sensitive() ? name : pool.users.fold(name);
}

std::string provider_group_name(const UserPool& pool, const std::string& provider_name) { return pool.id + "_" + provider_name; }

tl::expected<User*, std::string> federated_user(OpContext& ctx, UserPool& pool, const AppClient& client,
                                                 const IdentityProvider& provider, const ProviderProfile& profile) {
  Json& record = ctx.event.federation;  // what Cognito read, for the inspector
  record["ProviderName"] = provider.name;
  record["ProviderType"] = provider.type;
  record["ProviderUserId"] = profile.user_id;
  record["Claims"] = profile.claims;
  record["Mapped"] = Json::array();
  if (User* linked = linked_user(pool, provider.name, profile.user_id)) {
    record["Username"] = linked->username;
    // UNVERIFIED: whether the mapping rewrites a linked user's attributes;
    // the sandbox keeps the profile the user already has.
    ctx.rule(provider.name + " identity " + profile.user_id + " is linked to user " + linked->username + ": signed in as that user");
    if (!linked->enabled) return tl::unexpected(std::string("User is disabled."));
    return linked;
  }
  // The mapped attributes, checked as Cognito checks them on every sign-in.
  AttributeList mapped;
  for (const auto& [attribute, claim] : provider.attribute_mapping) {
    if (attribute == "username") continue;
    const auto value = claim_text(profile.claims, claim);
    if (!value) continue;  // a claim the provider did not send leaves the attribute as it was
    // The verified flags are Cognito's to set: mapping them is how a
    // provider's word that an address is verified is taken.
    const bool flag = attribute == "email_verified" || attribute == "phone_number_verified";
    if (!flag && !client.can_write(pool.config, attribute)) {
      ctx.rule("The attribute mapping writes " + attribute + ", which app client " + client.client_name +
               " may not write (WriteAttributes)");
      return tl::unexpected("Invalid user attributes: " + attribute + ": Attribute cannot be updated.");
    }
    if (value->size() > kMaxMappedLength) {
      ctx.rule("The provider's " + claim + " is longer than 2048 characters, the most a mapped attribute holds");
      return tl::unexpected("Invalid user attributes: " + attribute + ": Attribute value is too long.");
    }
    mapped.emplace_back(attribute, *value);
    record["Mapped"].push_back(Json{{"Attribute", attribute}, {"From", claim}, {"Value", *value}});
  }
  const std::string username = federated_username(pool, provider.name, profile.user_id);
  record["Username"] = username;
  User* user = pool.users.by_username(username);
  if (user != nullptr) {
    if (!user->enabled) return tl::unexpected(std::string("User is disabled."));
    for (const auto& [attribute, value] : mapped) {
      const SchemaAttribute* a = find_attribute(pool.config.schema, attribute);
      if (a != nullptr && !a->mutable_ && user->attribute(attribute) != nullptr && *user->attribute(attribute) != value) {
        ctx.rule("The mapping changes " + attribute + ", which is immutable");
        return tl::unexpected("Invalid user attributes: " + attribute + ": Attribute cannot be updated.");
      }
    }
    for (const auto& [attribute, value] : mapped) pool.users.set_attribute(*user, attribute, value);
    user->last_modified = ctx.now;
    ctx.rule("Second and later sign-ins: the mapped attributes are written again from what " + provider.name + " sent");
  } else {
    const auto missing = missing_required_attributes(pool.config.schema, mapped);
    if (!missing.empty()) {
      std::string list;
      for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
      ctx.rule("The pool requires " + list + ", which the attribute mapping of " + provider.name +
               " does not fill: the federated user cannot be made");
      // The message real sign-ins come back with.
      return tl::unexpected("attributes required: [" + list + "]");
    }
    User fresh;
    fresh.username = username;
    fresh.sub = generate_uuid_v4(ctx.random());
    fresh.status = status::kExternalProvider;
    fresh.enabled = true;
    fresh.created = fresh.last_modified = ctx.now;
    fresh.attributes.emplace_back("sub", fresh.sub);
    for (const auto& [attribute, value] : mapped)
      if (!value.empty()) fresh.attributes.emplace_back(attribute, value);
    const FederatedIdentity identity{profile.user_id, provider.name, provider.type, profile.issuer, true,
                                     std::chrono::duration_cast<std::chrono::milliseconds>(ctx.now.time_since_epoch()).count()};
    fresh.attributes.emplace_back("identities", identities_attribute({identity}));
    user = &pool.users.add(std::move(fresh));
    ctx.rule("First sign-in through " + provider.name + ": user " + username + " made, with UserStatus EXTERNAL_PROVIDER, a new sub, "
             "the mapped attributes and the identities attribute");
  }
  // Every user of a provider is in its automatic group, made again if deleted.
  const std::string group = provider_group_name(pool, provider.name);
  if (pool.find_group(group) == nullptr) {
    Group g;
    g.name = group;
    g.created = g.last_modified = ctx.now;
    pool.groups.push_back(std::move(g));
    ctx.rule("Group " + group + " made for the users of " + provider.name);
  }
  if (std::find(user->groups.begin(), user->groups.end(), group) == user->groups.end()) user->groups.push_back(group);
  return user;
}

}  // namespace userpool::hosted
