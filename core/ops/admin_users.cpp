// Administrators' user operations (API Reference: AdminCreateUser, AdminConfirmSignUp, AdminGetUser, AdminDisableUser): AdminCreateUser,
// AdminConfirmSignUp, AdminGetUser, AdminUpdateUserAttributes,
// AdminDeleteUserAttributes, AdminDisableUser, AdminEnableUser,
// AdminDeleteUser, AdminUserGlobalSignOut.
#include <algorithm>

#include "core/api/api_error.h"
#include "core/base/identifiers.h"
#include "core/ops/attribute_updates.h"
#include "core/ops/common.h"
#include "core/ops/delivery.h"
#include "core/api/registry.h"
#include "core/ops/token_grants.h"

namespace userpool::ops {
namespace {

bool has_value(const AttributeList& list, std::string_view name, std::string_view value) {
  return std::any_of(list.begin(), list.end(), [&](const auto& kv) { return kv.first == name && kv.second == value; });
}

const std::string* value_of(const AttributeList& list, std::string_view name) {
  for (const auto& [n, v] : list)
    if (n == name) return &v;
  return nullptr;
}

// The invitation's destinations (DesiredDeliveryMediums, SMS by default).
std::vector<Destination> invitation_destinations(const Request& r, const User& user) {
  const auto mediums = r.optional_string_list("DesiredDeliveryMediums").value_or(std::vector<std::string>{"SMS"});
  std::vector<Destination> out;
  for (const auto& m : mediums) {
    if (m != "SMS" && m != "EMAIL")
      fail_validation("desiredDeliveryMediums", "'[" + m + "]'",
                      "Member must satisfy constraint: [Member must satisfy enum value set: [SMS, EMAIL]]");
    const char* attribute = m == "SMS" ? "phone_number" : "email";
    if (user.attribute(attribute) == nullptr)
      fail_invalid_parameter("The user has no " + std::string(attribute) + " to send the invitation to by " + m + ".",
                             "DesiredDeliveryMediums is SMS unless set: use [\"EMAIL\"] for an email invitation");
    out.push_back(destination_of(user, attribute));
  }
  return out;
}

Json resend_invitation(OpContext& ctx, UserPool& pool, const Request& r, const std::string& username) {
  User* user = find_user(pool, username);
  if (user == nullptr) fail_user_not_found("User does not exist.");
  ctx.event.username = user->username;
  if (user->status != status::kForceChangePassword)
    fail("UnsupportedUserStateException", "Resend not possible. " + user->username + " status is not FORCE_CHANGE_PASSWORD.",
         "Only a user who has not yet replaced the temporary password can be invited again");
  const auto temporary = r.optional_string("TemporaryPassword", shapes::kPassword);
  if (temporary) check_password_policy(pool.config.password_policy, *temporary, PolicyWording::kDoesNotConformTo);
  const std::string password = temporary ? *temporary : generate_temporary_password(pool.config.password_policy, ctx.random());
  const auto destinations = invitation_destinations(r, *user);
  for (const auto& to : destinations) deliver_invitation(ctx, pool, *user, to, password);
  user->password = srp::make_password_verifier(pool_name_of(pool.id), user->username, password, ctx.random());
  user->password_set_at = ctx.now;
  user->last_modified = ctx.now;
  ctx.rule("RESEND: a new temporary password, valid for " +
           std::to_string(pool.config.password_policy.temporary_password_validity_days) + " days from now");
  return Json{{"User", user_json(*user, "Attributes")}};
}


Json admin_create_user(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const std::string username = r.string("Username", shapes::kUsername);
  ctx.event.username = username;
  const auto action = r.optional_string("MessageAction");
  if (action && *action != "RESEND" && *action != "SUPPRESS")
    fail_validation("messageAction", "'" + *action + "'", "Member must satisfy enum value set: [RESEND, SUPPRESS]");
  if (action == "RESEND") return resend_invitation(ctx, pool, r, username);

  const PoolConfig& c = pool.config;
  AttributeList attributes = r.optional_attributes("UserAttributes").value_or(AttributeList{});
  check_attribute_values(c.schema, attributes, true);
  for (const char* attribute : {"email", "phone_number"}) {
    if (!c.username_is(attribute)) continue;
    const bool fits = std::string_view(attribute) == "email" ? looks_like_email(username) : looks_like_phone(username);
    if (fits) {
      std::erase_if(attributes, [&](const auto& kv) { return kv.first == attribute; });
      attributes.emplace_back(attribute, username);
    }
  }
  if (!c.username_attributes.empty()) {
    if (value_of(attributes, "email") == nullptr && value_of(attributes, "phone_number") == nullptr)
      fail_invalid_parameter("Username should be either an email or a phone number.");
    for (const char* attribute : {"email", "phone_number"}) {
      const std::string* v = value_of(attributes, attribute);
      if (c.username_is(attribute) && v != nullptr && !pool.users.with_attribute(attribute, *v).empty())
        fail("UsernameExistsException", std::string("An account with the given ") + attribute + " already exists.");
    }
  } else {
    if (c.alias_is("email") && looks_like_email(username))
      fail_invalid_parameter("Username cannot be of email format, since user pool is configured for email alias.");
    if (pool.users.by_username(username) != nullptr) fail("UsernameExistsException", "User account already exists");
  }
  for (const char* attribute : {"email", "phone_number"}) {
    const std::string flag = std::string(attribute) + "_verified";
    if (has_value(attributes, flag, "true") && value_of(attributes, attribute) == nullptr)
      fail_invalid_parameter(flag + " can be true only with " + (flag == "email_verified" ? "an email." : "a phone_number."));
  }
  const auto temporary = r.optional_string("TemporaryPassword", shapes::kPassword);
  if (temporary) check_password_policy(c.password_policy, *temporary, PolicyWording::kDoesNotConformTo);
  const std::string password = temporary ? *temporary : generate_temporary_password(c.password_policy, ctx.random());

  User user = new_user(ctx, pool, username, attributes, status::kForceChangePassword, password);
  const auto destinations = action == "SUPPRESS" ? std::vector<Destination>{} : invitation_destinations(r, user);
  // Aliases the administrator marks verified move from another user only with ForceAliasCreation.
  const bool force = r.optional_bool("ForceAliasCreation").value_or(false);
  std::vector<std::pair<User*, std::string>> alias_moves;
  for (const char* attribute : {"email", "phone_number"}) {
    const std::string* v = value_of(attributes, attribute);
    const std::string flag = std::string(attribute) + "_verified";
    if (!c.alias_is(attribute) || v == nullptr || !has_value(attributes, flag, "true")) continue;
    for (User* other : pool.users.with_attribute(attribute, *v))
      if (other->attribute_is_true(flag)) {
        if (!force) fail("AliasExistsException", std::string("An account with the given ") + attribute + " already exists.");
        alias_moves.emplace_back(other, flag);
      }
  }
  // Sending can still fail (the daily email quota), so it comes before any change.
  for (const auto& to : destinations) deliver_invitation(ctx, pool, user, to, password);
  for (auto& [other, flag] : alias_moves) {
    pool.users.set_attribute(*other, flag, "false");
    ctx.rule("ForceAliasCreation: the alias moved from " + other->username + " to the new user");
  }
  User& stored = pool.users.add(std::move(user));
  ctx.event.username = stored.username;
  if (destinations.empty()) ctx.rule("MessageAction SUPPRESS: no invitation is sent; give the user the temporary password yourself");
  ctx.rule("The user is FORCE_CHANGE_PASSWORD: the first sign-in answers NEW_PASSWORD_REQUIRED; the temporary password "
           "expires in " + std::to_string(c.password_policy.temporary_password_validity_days) + " days");
  return Json{{"User", user_json(stored, "Attributes")}};
}

Json admin_confirm_sign_up(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  User& user = require_user(ctx, pool, r.string("Username", shapes::kUsername));
  if (user.status != status::kUnconfirmed)
    fail_not_authorized("User cannot be confirmed. Current status is " + user.status);
  user.status = status::kConfirmed;
  user.sign_up_code.reset();
  user.last_modified = ctx.now;
  ctx.rule("Confirmed by an administrator: no attribute is verified by this");
  return Json::object();
}

Json admin_get_user(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const User& user = require_user(ctx, pool, r.string("Username", shapes::kUsername));
  Json out = user_json(user, "UserAttributes");
  add_mfa_settings(out, user);
  return out;
}

Json admin_update_user_attributes(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  User& user = require_user(ctx, pool, r.string("Username", shapes::kUsername));
  const auto attributes = r.optional_attributes("UserAttributes");
  if (!attributes) fail_validation("userAttributes", "null", "Member must not be null");
  check_attribute_values(pool.config.schema, *attributes, false);
  apply_attribute_updates(ctx, pool, user, *attributes, true);
  return Json::object();
}

Json admin_delete_user_attributes(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  User& user = require_user(ctx, pool, r.string("Username", shapes::kUsername));
  const auto names = r.optional_string_list("UserAttributeNames", shapes::kAttributeName);
  if (!names) fail_validation("userAttributeNames", "null", "Member must not be null");
  AttributeList removals;
  for (const auto& n : *names) removals.emplace_back(n, "");
  check_attribute_values(pool.config.schema, removals, false);
  apply_attribute_updates(ctx, pool, user, removals, true);
  return Json::object();
}

Json admin_disable_user(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  User& user = require_user(ctx, pool, r.string("Username", shapes::kUsername));
  user.enabled = false;
  user.last_modified = ctx.now;
  ctx.rule("Disabled: sign-in fails with \"User is disabled.\"; the user's tokens are revoked");
  revoke_all_tokens(ctx, user);
  return Json::object();
}

Json admin_enable_user(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  User& user = require_user(ctx, pool, r.string("Username", shapes::kUsername));
  user.enabled = true;
  user.last_modified = ctx.now;
  return Json::object();
}

Json admin_delete_user(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  User& user = require_user(ctx, pool, r.string("Username", shapes::kUsername));
  ctx.rule("Deleted: the username can be used again");
  pool.users.remove(user);
  return Json::object();
}

Json admin_user_global_sign_out(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  User& user = require_user(ctx, pool, r.string("Username", shapes::kUsername));
  revoke_all_tokens(ctx, user);
  return Json::object();
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& admin_user_operations() {
  static const OperationTable table = {
      {"AdminCreateUser", admin_create_user, OperationKind::kChange},
      {"AdminConfirmSignUp", admin_confirm_sign_up, OperationKind::kChange},
      {"AdminGetUser", admin_get_user, OperationKind::kRead},
      {"AdminUpdateUserAttributes", admin_update_user_attributes, OperationKind::kChange},
      {"AdminDeleteUserAttributes", admin_delete_user_attributes, OperationKind::kChange},
      {"AdminDisableUser", admin_disable_user, OperationKind::kChange},
      {"AdminEnableUser", admin_enable_user, OperationKind::kChange},
      {"AdminDeleteUser", admin_delete_user, OperationKind::kChange},
      {"AdminUserGlobalSignOut", admin_user_global_sign_out, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::ops
