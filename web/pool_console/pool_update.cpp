#include "web/pool_console/pool_update.h"

namespace userpool::web {
namespace {

// The members of the API's UpdateUserPool and UpdateUserPoolClient requests.
const char* const kUserPoolMembers[] = {
    "PoolName", "Policies", "DeletionProtection", "LambdaConfig", "AutoVerifiedAttributes", "SmsVerificationMessage",
    "EmailVerificationMessage", "EmailVerificationSubject", "VerificationMessageTemplate", "SmsAuthenticationMessage",
    "UserAttributeUpdateSettings", "MfaConfiguration", "DeviceConfiguration", "EmailConfiguration", "SmsConfiguration",
    "UserPoolTags", "AdminCreateUserConfig", "UserPoolAddOns", "AccountRecoverySetting"};

const char* const kClientMembers[] = {
    "ClientName", "RefreshTokenValidity", "AccessTokenValidity", "IdTokenValidity", "TokenValidityUnits",
    "ReadAttributes", "WriteAttributes", "ExplicitAuthFlows", "SupportedIdentityProviders", "CallbackURLs",
    "LogoutURLs", "DefaultRedirectURI", "AllowedOAuthFlows", "AllowedOAuthScopes", "AllowedOAuthFlowsUserPoolClient",
    "AnalyticsConfiguration", "PreventUserExistenceErrors", "EnableTokenRevocation",
    "EnablePropagateAdditionalUserContextData", "AuthSessionValidity", "RefreshTokenRotation"};

template <std::size_t N>
void copy_members(const Json& from, Json& to, const char* const (&members)[N]) {
  if (!from.is_object()) return;
  for (const char* m : members)
    if (const auto it = from.find(m); it != from.end() && !it->is_null()) to[m] = *it;
}

}  // namespace

Json update_user_pool_request(const Json& user_pool) {
  Json r = {{"UserPoolId", user_pool.value("Id", "")}};
  copy_members(user_pool, r, kUserPoolMembers);
  // DescribeUserPool names the pool "Name"; UpdateUserPool takes "PoolName".
  if (user_pool.contains("Name")) r["PoolName"] = user_pool["Name"];
  // DescribeUserPool shows the legacy UnusedAccountValidityDays beside its
  // successor, but a request may not set it once the policy has the new one.
  if (r.contains("Policies") && r["Policies"].contains("PasswordPolicy") &&
      r["Policies"]["PasswordPolicy"].contains("TemporaryPasswordValidityDays") && r.contains("AdminCreateUserConfig"))
    r["AdminCreateUserConfig"].erase("UnusedAccountValidityDays");
  // DescribeUserPool shows both the code and the link email templates, but a
  // request may carry only the one DefaultEmailOption uses (API Reference: VerificationMessageTemplateType).
  if (r.contains("VerificationMessageTemplate")) {
    Json& t = r["VerificationMessageTemplate"];
    const bool by_link = t.value("DefaultEmailOption", "") == "CONFIRM_WITH_LINK";
    t.erase(by_link ? "EmailMessage" : "EmailMessageByLink");
    t.erase(by_link ? "EmailSubject" : "EmailSubjectByLink");
  }
  return r;
}

Json update_user_pool_client_request(const Json& user_pool_client) {
  Json r = {{"UserPoolId", user_pool_client.value("UserPoolId", "")}, {"ClientId", user_pool_client.value("ClientId", "")}};
  copy_members(user_pool_client, r, kClientMembers);
  return r;
}

}  // namespace userpool::web
