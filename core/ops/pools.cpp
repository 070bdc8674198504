// User pool operations: CreateUserPool, DescribeUserPool, UpdateUserPool,
// DeleteUserPool, ListUserPools, AddCustomAttributes and the MFA
// configuration. (The pool's domains: domains.cpp.)
#include <algorithm>

#include "core/api/api_error.h"
#include "core/rules/quotas.h"
#include "core/base/identifiers.h"
#include "core/ops/common.h"
#include "core/api/registry.h"

namespace userpool::ops {
namespace {


// What DescribeUserPool shows besides the configuration.
struct PoolFacts {
  std::string id, arn;
  Timestamp created{}, last_modified{};
  std::size_t users = 0;
  std::optional<std::string> domain, custom_domain;
};

PoolFacts facts_of(const UserPool& pool) {
  return {pool.id, pool.arn, pool.created, pool.last_modified, pool.users.size(), pool.domain,
          pool.custom_domain ? std::optional<std::string>(pool.custom_domain->name) : std::nullopt};
}

// UserPoolType, members in the order DescribeUserPool returns them (API Reference: DescribeUserPool).
Json describe(const PoolConfig& c, const PoolFacts& pool) {
  Json policies = {{"PasswordPolicy", c.password_policy.to_json()}};
  if (!c.sign_in_policy.is_null()) policies["SignInPolicy"] = c.sign_in_policy;
  Json j = {{"Id", pool.id}, {"Name", c.name}, {"Policies", policies}};
  j["DeletionProtection"] = c.deletion_protection ? "ACTIVE" : "INACTIVE";
  j["LambdaConfig"] = c.lambda_config;
  j["LastModifiedDate"] = to_epoch_seconds(pool.last_modified);
  j["CreationDate"] = to_epoch_seconds(pool.created);
  Json schema = Json::array();
  for (const auto& a : c.schema) schema.push_back(a.to_json());
  j["SchemaAttributes"] = schema;
  if (!c.auto_verified_attributes.empty()) j["AutoVerifiedAttributes"] = c.auto_verified_attributes;
  if (!c.alias_attributes.empty()) j["AliasAttributes"] = c.alias_attributes;
  if (!c.username_attributes.empty()) j["UsernameAttributes"] = c.username_attributes;
  j["SmsVerificationMessage"] = c.verification.sms_message;
  j["EmailVerificationMessage"] = c.verification.email_message;
  j["EmailVerificationSubject"] = c.verification.email_subject;
  j["VerificationMessageTemplate"] = {{"SmsMessage", c.verification.sms_message},
                                      {"EmailMessage", c.verification.email_message},
                                      {"EmailSubject", c.verification.email_subject},
                                      {"EmailMessageByLink", c.verification.email_message_by_link},
                                      {"EmailSubjectByLink", c.verification.email_subject_by_link},
                                      {"DefaultEmailOption", c.verification.default_email_option}};
  if (c.sms_authentication_message) j["SmsAuthenticationMessage"] = *c.sms_authentication_message;
  j["UserAttributeUpdateSettings"] = {{"AttributesRequireVerificationBeforeUpdate", c.attributes_require_verification_before_update}};
  j["MfaConfiguration"] = to_string(c.mfa);
  if (!c.device_configuration.is_null()) j["DeviceConfiguration"] = c.device_configuration;
  j["EstimatedNumberOfUsers"] = pool.users;
  j["EmailConfiguration"] = c.email.to_json();
  if (!c.sms_configuration.is_null()) j["SmsConfiguration"] = c.sms_configuration;
  j["UserPoolTags"] = c.user_pool_tags;
  if (pool.domain) j["Domain"] = *pool.domain;
  if (pool.custom_domain) j["CustomDomain"] = *pool.custom_domain;
  j["AdminCreateUserConfig"] = {{"AllowAdminCreateUserOnly", c.allow_admin_create_user_only},
                                {"UnusedAccountValidityDays", c.unused_account_validity_days},
                                {"InviteMessageTemplate", {{"SMSMessage", c.invite.sms_message},
                                                           {"EmailMessage", c.invite.email_message},
                                                           {"EmailSubject", c.invite.email_subject}}}};
  if (!c.user_pool_add_ons.is_null()) j["UserPoolAddOns"] = c.user_pool_add_ons;
  j["UsernameConfiguration"] = {{"CaseSensitive", c.case_sensitive}};
  j["Arn"] = pool.arn;
  if (c.account_recovery) {
    Json list = Json::array();
    for (const auto& o : *c.account_recovery) list.push_back(Json{{"Priority", o.priority}, {"Name", o.name}});
    j["AccountRecoverySetting"] = {{"RecoveryMechanisms", list}};
  }
  j["UserPoolTier"] = c.tier;
  return j;
}

void note_stored_only(OpContext& ctx, const PoolConfig& c) {
  if (!c.lambda_config.empty()) ctx.rule("LambdaConfig is stored and shown, but the sandbox does not run Lambda triggers");
  if (!c.device_configuration.is_null()) ctx.rule("DeviceConfiguration is stored and shown; device tracking is not simulated");
}

Json describe(const UserPool& pool) { return describe(pool.config, facts_of(pool)); }

Json mfa_config(const UserPool& pool) {
  const PoolConfig& c = pool.config;
  Json j = Json::object();
  if (c.sms_mfa_enabled) {
    Json sms = Json::object();
    if (c.sms_authentication_message) sms["SmsAuthenticationMessage"] = *c.sms_authentication_message;
    sms["SmsConfiguration"] = c.sms_configuration;
    j["SmsMfaConfiguration"] = sms;
  }
  j["SoftwareTokenMfaConfiguration"] = {{"Enabled", c.software_token_mfa_enabled}};
  j["MfaConfiguration"] = to_string(c.mfa);
  return j;
}



Json create_user_pool(OpContext& ctx, const Request& r) {
  PoolConfig config = pool_config_from_create(r);
  if (ctx.account.pools.size() >= quotas::kUserPoolsPerAccount)
    fail("LimitExceededException", "The account has reached its limit of 1000 user pools in this Region.");
  auto pool = std::make_unique<UserPool>(ctx.account.make_pool_keys(ctx.random()));
  do {
    pool->id = generate_user_pool_id(ctx.account.region, ctx.random());
  } while (ctx.account.find_pool(pool->id) != nullptr);
  pool->arn = "arn:aws:cognito-idp:" + ctx.account.region + ":" + ctx.account.account_id + ":userpool/" + pool->id;
  pool->config = std::move(config);
  pool->users = UserDirectory(pool->config.case_sensitive);
  pool->created = pool->last_modified = ctx.now;
  ctx.event.user_pool_id = pool->id;
  ctx.rule("Created with two RSA-2048 signing keys (ID and access tokens) and a refresh-token key");
  note_stored_only(ctx, pool->config);
  UserPool& stored = *ctx.account.pools.emplace_back(std::move(pool));
  return Json{{"UserPool", describe(stored)}};
}

Json describe_user_pool(OpContext& ctx, const Request& r) {
  const UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  return Json{{"UserPool", describe(pool)}};
}

Json update_user_pool(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  PoolConfig updated = pool_config_from_update(pool.config, r);
  // Name what the request's omissions put back to their defaults: a common surprise.
  const Json before = describe(pool);
  const Json after = describe(updated, facts_of(pool));
  std::vector<std::string> reset;
  for (const char* member : {"Policies", "DeletionProtection", "LambdaConfig", "AutoVerifiedAttributes",
                             "VerificationMessageTemplate", "SmsAuthenticationMessage", "UserAttributeUpdateSettings",
                             "MfaConfiguration", "DeviceConfiguration", "EmailConfiguration", "SmsConfiguration",
                             "UserPoolTags", "AdminCreateUserConfig", "UserPoolAddOns", "AccountRecoverySetting"})
    if (!r.has(member) && before.value(member, Json()) != after.value(member, Json())) reset.push_back(member);
  if (!reset.empty()) {
    std::string list;
    for (const auto& m : reset) list += (list.empty() ? "" : ", ") + m;
    ctx.rule("UpdateUserPool sets every setting it is not given back to its default; these changed: " + list);
  }
  note_stored_only(ctx, updated);
  pool.config = std::move(updated);
  pool.last_modified = ctx.now;
  return Json::object();
}

Json delete_user_pool(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  if (pool.config.deletion_protection)
    fail_invalid_parameter("The user pool cannot be deleted because deletion protection is activated.",
                           "DeletionProtection is ACTIVE; UpdateUserPool with DeletionProtection INACTIVE first");
  if (pool.domain || pool.custom_domain)
    fail_invalid_parameter("User pool cannot be deleted. It has a domain configured that should be deleted first.");
  ctx.rule("Deleted with its " + std::to_string(pool.users.size()) + " users and " + std::to_string(pool.clients.size()) +
           " app clients");
  ctx.account.remove_pool(pool.id);
  return Json::object();
}

Json list_user_pools(OpContext& ctx, const Request& r) {
  const auto max = r.optional_int("MaxResults", 1, 60);
  if (!max) fail_validation("maxResults", "null", "Member must not be null");
  return page_of(r, ctx.account.pools, static_cast<std::size_t>(*max), "UserPools", [](const std::unique_ptr<UserPool>& p) {
    return Json{{"Id", p->id}, {"Name", p->config.name}, {"LambdaConfig", p->config.lambda_config},
                {"LastModifiedDate", to_epoch_seconds(p->last_modified)}, {"CreationDate", to_epoch_seconds(p->created)}};
  });
}

Json add_custom_attributes(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  add_custom_attributes(pool.config.schema, r);
  pool.last_modified = ctx.now;
  ctx.rule("Custom attributes can be added but never removed or renamed");
  return Json::object();
}

Json set_user_pool_mfa_config(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  PoolConfig c = pool.config;
  if (r.has("EmailMfaConfiguration") || r.has("WebAuthnConfiguration"))
    fail_invalid_parameter("This sandbox simulates SMS and authenticator-app (TOTP) MFA; email and passkey MFA are not available here.");
  c.sms_mfa_enabled = false;
  if (r.has("SmsMfaConfiguration")) {
    const Request sms = r.member("SmsMfaConfiguration");
    StringShape message;
    message.min = 6;
    message.max = 140;
    if (auto m = sms.optional_string("SmsAuthenticationMessage", message)) {
      if (m->find("{####}") == std::string::npos)
        fail_invalid_parameter("SmsAuthenticationMessage must contain the {####} placeholder.");
      c.sms_authentication_message = m;
    }
    if (const Json* config = sms.optional_object("SmsConfiguration")) c.sms_configuration = *config;
    if (!c.can_send_sms()) fail_invalid_parameter("SMS MFA needs an SmsConfiguration.");
    c.sms_mfa_enabled = true;
  }
  c.software_token_mfa_enabled = r.has("SoftwareTokenMfaConfiguration") &&
                                 r.member("SoftwareTokenMfaConfiguration").optional_bool("Enabled").value_or(false);
  const auto mode = r.optional_string("MfaConfiguration");
  if (mode) {
    if (*mode != "OFF" && *mode != "ON" && *mode != "OPTIONAL")
      fail_validation("mfaConfiguration", "'" + *mode + "'", "Member must satisfy enum value set: [OFF, ON, OPTIONAL]");
    c.mfa = *mode == "ON" ? MfaMode::kOn : *mode == "OPTIONAL" ? MfaMode::kOptional : MfaMode::kOff;
  }
  if (c.mfa != MfaMode::kOff && !c.sms_mfa_enabled && !c.software_token_mfa_enabled)
    fail_invalid_parameter("At least one MFA method (SMS or software token) must be enabled when MFA is ON or OPTIONAL.");
  if (!r.has("SmsMfaConfiguration") && pool.config.sms_mfa_enabled)
    ctx.rule("SmsMfaConfiguration was left out, so SMS MFA is now off");
  pool.config = std::move(c);
  pool.last_modified = ctx.now;
  return mfa_config(pool);
}

Json get_user_pool_mfa_config(OpContext& ctx, const Request& r) {
  return mfa_config(require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId)));
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& pool_operations() {
  static const OperationTable table = {
      {"CreateUserPool", create_user_pool, OperationKind::kChange},
      {"DescribeUserPool", describe_user_pool, OperationKind::kRead},
      {"UpdateUserPool", update_user_pool, OperationKind::kChange},
      {"DeleteUserPool", delete_user_pool, OperationKind::kChange},
      {"ListUserPools", list_user_pools, OperationKind::kRead},
      {"AddCustomAttributes", add_custom_attributes, OperationKind::kChange},
      {"SetUserPoolMfaConfig", set_user_pool_mfa_config, OperationKind::kChange},
      {"GetUserPoolMfaConfig", get_user_pool_mfa_config, OperationKind::kRead},
  };
  return table;
}

}  // namespace userpool::ops
