// A user pool's configuration: what CreateUserPool and UpdateUserPool set and
// DescribeUserPool shows (API Reference: CreateUserPool, DescribeUserPool). Settings that drive
// behaviour are typed; members the sandbox only stores and shows back
// (LambdaConfig, tags, add-ons, ...) are kept as the JSON they came in.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/json.h"
#include "core/rules/password_policy.h"
#include "core/api/request.h"
#include "core/model/schema.h"

namespace userpool {

inline const std::string kDefaultVerificationMessage = "Your verification code is {####}. ";
inline const std::string kDefaultVerificationSubject = "Your verification code";
inline const std::string kDefaultVerificationLinkSubject = "Your verification link";
inline const std::string kDefaultVerificationLinkMessage = "Please click the link below to verify your email address. {##Verify Email##} ";
inline const std::string kDefaultInviteMessage = "Your username is {username} and temporary password is {####}. ";
inline const std::string kDefaultInviteSubject = "Your temporary password";
inline const std::string kCognitoDefaultFrom = "no-reply@verificationemail.com";

enum class MfaMode { kOff, kOn, kOptional };
std::string to_string(MfaMode m);

struct RecoveryOption {
  int priority;      // 1 is tried first
  std::string name;  // verified_email | verified_phone_number | admin_only
};

struct VerificationTemplate {
  std::string sms_message = kDefaultVerificationMessage;
  std::string email_message = kDefaultVerificationMessage;
  std::string email_subject = kDefaultVerificationSubject;
  std::string email_message_by_link = kDefaultVerificationLinkMessage;
  std::string email_subject_by_link = kDefaultVerificationLinkSubject;
  std::string default_email_option = "CONFIRM_WITH_CODE";  // or CONFIRM_WITH_LINK
};

struct InviteTemplate {
  std::string sms_message = kDefaultInviteMessage;
  std::string email_message = kDefaultInviteMessage;
  std::string email_subject = kDefaultInviteSubject;
};

struct EmailConfiguration {
  std::string sending_account = "COGNITO_DEFAULT";  // or DEVELOPER (your SES)
  std::string source_arn;                           // SES identity, for DEVELOPER
  std::string from;                                 // "Name <address>" or address
  std::string reply_to;
  std::string configuration_set;

  bool cognito_default() const { return sending_account == "COGNITO_DEFAULT"; }
  // The address messages come from.
  std::string sender() const;
  Json to_json() const;
};

struct PoolConfig {
  std::string name;
  PasswordPolicy password_policy;
  Json sign_in_policy;  // Policies.SignInPolicy as given (null: absent)
  bool deletion_protection = false;
  Json lambda_config = Json::object();  // stored and shown; triggers are not run in the sandbox
  std::vector<std::string> auto_verified_attributes;
  std::vector<std::string> alias_attributes;
  std::vector<std::string> username_attributes;
  VerificationTemplate verification;
  std::optional<std::string> sms_authentication_message;
  std::vector<std::string> attributes_require_verification_before_update;
  MfaMode mfa = MfaMode::kOff;
  bool sms_mfa_enabled = false;             // SMS is an MFA factor of this pool
  bool software_token_mfa_enabled = false;  // authenticator apps (TOTP) are
  Json device_configuration;                // null: absent
  EmailConfiguration email;
  Json sms_configuration;                   // null: absent; needed for any SMS
  Json user_pool_tags = Json::object();
  bool allow_admin_create_user_only = false;
  int unused_account_validity_days = 7;     // legacy mirror of the temporary password validity
  InviteTemplate invite;
  Json user_pool_add_ons;                   // null: absent
  bool case_sensitive = true;               // UsernameConfiguration.CaseSensitive; API default true
  std::optional<std::vector<RecoveryOption>> account_recovery;  // absent: legacy (phone, then email)
  std::string tier = "ESSENTIALS";
  std::vector<SchemaAttribute> schema = standard_schema();

  bool can_send_sms() const { return !sms_configuration.is_null(); }
  bool username_is(std::string_view attribute) const;  // in UsernameAttributes
  bool alias_is(std::string_view attribute) const;     // in AliasAttributes
  bool auto_verifies(std::string_view attribute) const;
};

// The configuration a CreateUserPool request asks for, validated with
// Cognito's errors (thrown).
PoolConfig pool_config_from_create(const Request& request);

// The configuration an UpdateUserPool request leaves: settings the request
// omits go back to their defaults (as Cognito does, a trap worth seeing),
// except those that cannot change after creation (schema, username and alias
// attributes, case sensitivity), which stay.
PoolConfig pool_config_from_update(const PoolConfig& current, const Request& request);

// The recovery mechanisms that apply: the pool's, or the legacy order.
std::vector<RecoveryOption> recovery_mechanisms(const PoolConfig& config);

}  // namespace userpool
