#include "core/model/pool_config.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/api/api_error.h"

namespace userpool {
namespace {

[[noreturn]] void fail_enum(const std::string& path, const std::string& value, const std::string& allowed) {
  fail_validation(path, "'" + value + "'", "Member must satisfy enum value set: [" + allowed + "]");
}

std::string enum_member(const Request& r, std::string_view member, std::initializer_list<const char*> allowed,
                        std::string fallback) {
  const auto value = r.optional_string(member);
  if (!value) return fallback;
  std::string list;
  for (const char* a : allowed) {
    if (*value == a) return *value;
    list += (list.empty() ? "" : ", ") + std::string(a);
  }
  fail_enum(r.path_of(member), *value, list);
}

std::vector<std::string> enum_list(const Request& r, std::string_view member, std::initializer_list<const char*> allowed) {
  const auto values = r.optional_string_list(member).value_or(std::vector<std::string>{});
  std::string list;
  for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  std::set<std::string> seen;
  for (const auto& v : values) {
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return v == a; }))
      fail_validation(r.path_of(member), "'[" + v + "]'",
                      "Member must satisfy constraint: [Member must satisfy enum value set: [" + list + "]]");
    if (!seen.insert(v).second) fail_invalid_parameter("Duplicate value " + v + " in " + std::string(member) + ".");
  }
  return values;
}

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

void require_placeholder(const std::string& text, std::string_view placeholder, const std::string& what) {
  if (text.find(placeholder) == std::string::npos)
    fail_invalid_parameter(what + " must contain the " + std::string(placeholder) + " placeholder.");
}

// A message template member with its length bounds and required placeholder.
std::optional<std::string> template_member(const Request& r, std::string_view member, std::size_t min, std::size_t max,
                                           std::string_view placeholder = {}) {
  StringShape shape;
  shape.min = min;
  shape.max = max;
  auto value = r.optional_string(member, shape);
  if (value && !placeholder.empty()) require_placeholder(*value, placeholder, std::string(member));
  return value;
}

// Email template members need the pool to send through its own SES (API Reference: VerificationMessageTemplateType).
void refuse_email_customisation(const EmailConfiguration& email, bool customised, const std::string& what) {
  if (customised && email.cognito_default())
    fail_invalid_parameter("To customize " + what + ", set EmailConfiguration.EmailSendingAccount to DEVELOPER; " +
                           "email sent by Cognito (COGNITO_DEFAULT) uses the default messages.");
}

void apply_password_policy(PoolConfig& c, const Request& policies, bool& temporary_validity_set) {
  if (policies.has("SignInPolicy")) c.sign_in_policy = *policies.optional_object("SignInPolicy");
  if (!policies.has("PasswordPolicy")) return;
  const Request p = policies.member("PasswordPolicy");
  // Members left out of a PasswordPolicy that is given: booleans are off,
  // lengths and validities take their defaults (UNVERIFIED: the model has no
  // defaults for them).
  PasswordPolicy pp;
  pp.minimum_length = static_cast<int>(p.optional_int("MinimumLength", 6, 99).value_or(8));
  pp.require_uppercase = p.optional_bool("RequireUppercase").value_or(false);
  pp.require_lowercase = p.optional_bool("RequireLowercase").value_or(false);
  pp.require_numbers = p.optional_bool("RequireNumbers").value_or(false);
  pp.require_symbols = p.optional_bool("RequireSymbols").value_or(false);
  pp.password_history_size = static_cast<int>(p.optional_int("PasswordHistorySize", 0, 24).value_or(0));
  const auto days = p.optional_int("TemporaryPasswordValidityDays", 0, 365);
  temporary_validity_set = days.has_value() && *days > 0;
  pp.temporary_password_validity_days = static_cast<int>(days && *days > 0 ? *days : 7);  // 0 means unset
  c.password_policy = pp;
}

void apply_email(PoolConfig& c, const Request& r) {
  if (!r.has("EmailConfiguration")) return;
  const Request e = r.member("EmailConfiguration");
  EmailConfiguration ec;
  ec.sending_account = enum_member(e, "EmailSendingAccount", {"COGNITO_DEFAULT", "DEVELOPER"}, "COGNITO_DEFAULT");
  ec.source_arn = e.optional_string("SourceArn").value_or("");
  ec.from = e.optional_string("From").value_or("");
  ec.reply_to = e.optional_string("ReplyToEmailAddress").value_or("");
  StringShape configuration_set{1, 64, "[a-zA-Z0-9_-]+", [](std::string_view v) {
    return std::all_of(v.begin(), v.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_' || ch == '-'; });
  }};
  ec.configuration_set = e.optional_string("ConfigurationSet", configuration_set).value_or("");
  if (!ec.source_arn.empty() && ec.source_arn.rfind("arn:aws:ses:", 0) != 0)
    fail_invalid_parameter("SourceArn must be the ARN of an Amazon SES verified identity (arn:aws:ses:...).");
  if (ec.sending_account == "DEVELOPER" && ec.source_arn.empty())
    fail_invalid_parameter("SourceArn is required when EmailSendingAccount is DEVELOPER.");
  if (ec.cognito_default() && !ec.from.empty() && ec.source_arn.empty())
    fail_invalid_parameter("A From address needs a SourceArn (a verified Amazon SES identity).");
  c.email = ec;
}

void apply_verification(PoolConfig& c, const Request& r) {
  VerificationTemplate& v = c.verification;
  // The legacy top-level members, then the template; the template wins.
  if (auto m = template_member(r, "SmsVerificationMessage", 6, 140, "{####}")) v.sms_message = *m;
  if (auto m = template_member(r, "EmailVerificationMessage", 6, 20000, "{####}")) v.email_message = *m;
  if (auto m = template_member(r, "EmailVerificationSubject", 1, 140)) v.email_subject = *m;
  if (r.has("VerificationMessageTemplate")) {
    const Request t = r.member("VerificationMessageTemplate");
    v.default_email_option = enum_member(t, "DefaultEmailOption", {"CONFIRM_WITH_LINK", "CONFIRM_WITH_CODE"},
                                         "CONFIRM_WITH_CODE");
    if (auto m = template_member(t, "SmsMessage", 6, 140, "{####}")) v.sms_message = *m;
    if (auto m = template_member(t, "EmailMessage", 6, 20000, "{####}")) v.email_message = *m;
    if (auto m = template_member(t, "EmailSubject", 1, 140)) v.email_subject = *m;
    // A template takes the code message or the link message, not both (API Reference: VerificationMessageTemplateType).
    if (t.has("EmailMessage") && t.has("EmailMessageByLink"))
      fail_invalid_parameter("VerificationMessageTemplate can have EmailMessage or EmailMessageByLink, not both: the "
                             "first is for CONFIRM_WITH_CODE, the second for CONFIRM_WITH_LINK.");
    if (auto m = template_member(t, "EmailMessageByLink", 6, 20000)) {
      if (m->find("{##") == std::string::npos || m->find("##}") == std::string::npos)
        fail_invalid_parameter("EmailMessageByLink must contain the {##link text##} placeholder.");
      v.email_message_by_link = *m;
    }
    if (auto m = template_member(t, "EmailSubjectByLink", 1, 140)) v.email_subject_by_link = *m;
  }
  const VerificationTemplate defaults;
  refuse_email_customisation(c.email,
                             v.email_message != defaults.email_message || v.email_subject != defaults.email_subject ||
                                 v.email_message_by_link != defaults.email_message_by_link ||
                                 v.email_subject_by_link != defaults.email_subject_by_link,
                             "the verification email");
}

void apply_admin_create_user(PoolConfig& c, const Request& r, bool temporary_validity_set) {
  if (!r.has("AdminCreateUserConfig")) {
    c.unused_account_validity_days = c.password_policy.temporary_password_validity_days;
    return;
  }
  const Request a = r.member("AdminCreateUserConfig");
  c.allow_admin_create_user_only = a.optional_bool("AllowAdminCreateUserOnly").value_or(false);
  if (const auto days = a.optional_int("UnusedAccountValidityDays", 0, 365)) {
    if (temporary_validity_set)
      fail_invalid_parameter("Please use TemporaryPasswordValidityDays in PasswordPolicy instead of UnusedAccountValidityDays");
    if (*days > 0) c.password_policy.temporary_password_validity_days = static_cast<int>(*days);
  }
  c.unused_account_validity_days = c.password_policy.temporary_password_validity_days;
  if (a.has("InviteMessageTemplate")) {
    const Request t = a.member("InviteMessageTemplate");
    if (auto m = template_member(t, "SMSMessage", 6, 140)) c.invite.sms_message = *m;
    if (auto m = template_member(t, "EmailMessage", 6, 20000)) c.invite.email_message = *m;
    if (auto m = template_member(t, "EmailSubject", 1, 140)) c.invite.email_subject = *m;
    for (const auto& [text, what] : {std::pair{&c.invite.sms_message, "InviteMessageTemplate.SMSMessage"},
                                     std::pair{&c.invite.email_message, "InviteMessageTemplate.EmailMessage"}}) {
      require_placeholder(*text, "{username}", what);
      require_placeholder(*text, "{####}", what);
    }
    const InviteTemplate defaults;
    refuse_email_customisation(
        c.email, c.invite.email_message != defaults.email_message || c.invite.email_subject != defaults.email_subject,
        "the invitation email");
  }
}

void apply_recovery(PoolConfig& c, const Request& r) {
  if (!r.has("AccountRecoverySetting")) return;
  const Request setting = r.member("AccountRecoverySetting");
  const auto items = setting.list("RecoveryMechanisms", 1, 2);
  if (items.empty()) fail_validation(setting.path_of("RecoveryMechanisms"), "null", "Member must not be null");
  std::vector<RecoveryOption> options;
  for (const Request& m : items) {
    const auto priority = m.optional_int("Priority", 1, 2);
    if (!priority) fail_validation(m.path_of("Priority"), "null", "Member must not be null");
    const std::string name = enum_member(m, "Name", {"verified_email", "verified_phone_number", "admin_only"}, "");
    if (name.empty()) fail_validation(m.path_of("Name"), "null", "Member must not be null");
    for (const auto& o : options)
      if (o.priority == *priority || o.name == name)
        fail_invalid_parameter("Each recovery mechanism needs its own name and priority.");
    options.push_back({static_cast<int>(*priority), name});
  }
  const bool admin_only = std::any_of(options.begin(), options.end(), [](const auto& o) { return o.name == "admin_only"; });
  if (admin_only && options.size() > 1)
    fail_invalid_parameter("admin_only cannot be combined with another recovery mechanism.");
  std::sort(options.begin(), options.end(), [](const auto& a, const auto& b) { return a.priority < b.priority; });
  c.account_recovery = options;
}

// Settings UpdateUserPool can change (and resets when omitted).
void apply_mutable(PoolConfig& c, const Request& r, bool creating) {
  bool temporary_validity_set = false;
  if (r.has("Policies")) apply_password_policy(c, r.member("Policies"), temporary_validity_set);
  c.deletion_protection = enum_member(r, "DeletionProtection", {"ACTIVE", "INACTIVE"}, "INACTIVE") == "ACTIVE";
  if (const Json* l = r.optional_object("LambdaConfig")) c.lambda_config = *l;
  c.auto_verified_attributes = enum_list(r, "AutoVerifiedAttributes", {"phone_number", "email"});
  apply_email(c, r);
  apply_verification(c, r);
  if (auto m = template_member(r, "SmsAuthenticationMessage", 6, 140, "{####}")) c.sms_authentication_message = m;
  if (r.has("UserAttributeUpdateSettings")) {
    c.attributes_require_verification_before_update = enum_list(r.member("UserAttributeUpdateSettings"),
                                                                 "AttributesRequireVerificationBeforeUpdate",
                                                                 {"phone_number", "email"});
    for (const auto& a : c.attributes_require_verification_before_update)
      if (!contains(c.auto_verified_attributes, a))
        fail_invalid_parameter("To keep the original " + a + " while an update is pending, " + a +
                               " must also be in AutoVerifiedAttributes.");
  }
  if (const Json* s = r.optional_object("SmsConfiguration")) {
    const Request sms = r.member("SmsConfiguration");
    StringShape arn;
    arn.min = 20;
    arn.max = 2048;
    (void)sms.string("SnsCallerArn", arn);
    c.sms_configuration = *s;
  }
  c.mfa = [&] {
    const std::string m = enum_member(r, "MfaConfiguration", {"OFF", "ON", "OPTIONAL"}, "OFF");
    return m == "ON" ? MfaMode::kOn : m == "OPTIONAL" ? MfaMode::kOptional : MfaMode::kOff;
  }();
  // CreateUserPool can only turn on SMS MFA; authenticator apps are turned on
  // afterwards with SetUserPoolMfaConfig (Developer Guide: "Adding MFA to a user pool").
  c.sms_mfa_enabled = c.mfa != MfaMode::kOff && c.can_send_sms();
  if (c.mfa != MfaMode::kOff && !c.sms_mfa_enabled && !(c.software_token_mfa_enabled && !creating))
    fail_invalid_parameter("SMS configuration is required to turn on MFA with " + std::string(creating ? "CreateUserPool" : "UpdateUserPool") +
                           ". To use authenticator apps only, create the pool with MFA OFF, then call SetUserPoolMfaConfig.",
                           "CreateUserPool can only configure SMS MFA (reference 3.4)");
  if (contains(c.auto_verified_attributes, "phone_number") && !c.can_send_sms())
    fail_invalid_parameter("SmsConfiguration is required to verify phone numbers (AutoVerifiedAttributes has phone_number).");
  if (const Json* d = r.optional_object("DeviceConfiguration")) c.device_configuration = *d;
  if (r.has("UserPoolTags")) {
    c.user_pool_tags = Json::object();
    for (const auto& [k, v] : r.string_map("UserPoolTags")) {
      if (k.empty() || k.size() > 128 || v.size() > 256)
        fail_validation(r.path_of("UserPoolTags"), "", "Map keys must have 1 to 128 characters and values at most 256");
      c.user_pool_tags[k] = v;
    }
  }
  apply_admin_create_user(c, r, temporary_validity_set);
  c.tier = enum_member(r, "UserPoolTier", {"LITE", "ESSENTIALS", "PLUS"}, "ESSENTIALS");
  if (const Json* a = r.optional_object("UserPoolAddOns")) {
    const std::string mode = enum_member(r.member("UserPoolAddOns"), "AdvancedSecurityMode", {"OFF", "AUDIT", "ENFORCED"}, "");
    if (mode.empty()) fail_validation("userPoolAddOns.advancedSecurityMode", "null", "Member must not be null");
    if (mode != "OFF" && c.tier != "PLUS")
      fail("FeatureUnavailableInTierException", "Threat protection (AdvancedSecurityMode " + mode +
                                                    ") requires the PLUS feature plan.");
    c.user_pool_add_ons = *a;
  }
  apply_recovery(c, r);
}

}  // namespace

std::string to_string(MfaMode m) { return m == MfaMode::kOn ? "ON" : m == MfaMode::kOptional ? "OPTIONAL" : "OFF"; }

std::string EmailConfiguration::sender() const {
  if (!from.empty()) return from;
  if (!source_arn.empty()) return source_arn.substr(source_arn.rfind('/') + 1);
  return kCognitoDefaultFrom;
}

Json EmailConfiguration::to_json() const {
  Json j = Json::object();
  if (!source_arn.empty()) j["SourceArn"] = source_arn;
  if (!reply_to.empty()) j["ReplyToEmailAddress"] = reply_to;
  j["EmailSendingAccount"] = sending_account;
  if (!from.empty()) j["From"] = from;
  if (!configuration_set.empty()) j["ConfigurationSet"] = configuration_set;
  return j;
}

bool PoolConfig::username_is(std::string_view attribute) const { return contains(username_attributes, attribute); }
bool PoolConfig::alias_is(std::string_view attribute) const { return contains(alias_attributes, attribute); }
bool PoolConfig::auto_verifies(std::string_view attribute) const { return contains(auto_verified_attributes, attribute); }

PoolConfig pool_config_from_create(const Request& r) {
  PoolConfig c;
  c.name = r.string("PoolName", shapes::kPoolName);
  // Settings fixed at creation.
  c.username_attributes = enum_list(r, "UsernameAttributes", {"phone_number", "email"});
  c.alias_attributes = enum_list(r, "AliasAttributes", {"phone_number", "email", "preferred_username"});
  if (!c.username_attributes.empty() && !c.alias_attributes.empty())
    fail_invalid_parameter("Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.");
  if (r.has("UsernameConfiguration")) {
    const auto cs = r.member("UsernameConfiguration").optional_bool("CaseSensitive");
    if (!cs) fail_validation("usernameConfiguration.caseSensitive", "null", "Member must not be null");
    c.case_sensitive = *cs;
  }
  c.schema = schema_from_request(r);
  const SchemaAttribute* preferred = find_attribute(c.schema, "preferred_username");
  if (c.alias_is("preferred_username") && preferred->required)
    fail_invalid_parameter("preferred_username cannot be both an alias and a required attribute.");
  apply_mutable(c, r, true);
  return c;
}

PoolConfig pool_config_from_update(const PoolConfig& current, const Request& r) {
  PoolConfig c;
  c.name = r.optional_string("PoolName", shapes::kPoolName).value_or(current.name);
  c.username_attributes = current.username_attributes;
  c.alias_attributes = current.alias_attributes;
  c.case_sensitive = current.case_sensitive;
  c.schema = current.schema;
  // Authenticator-app MFA is set by SetUserPoolMfaConfig, not UpdateUserPool.
  c.software_token_mfa_enabled = current.software_token_mfa_enabled;
  apply_mutable(c, r, false);
  return c;
}

std::vector<RecoveryOption> recovery_mechanisms(const PoolConfig& config) {
  if (config.account_recovery) return *config.account_recovery;
  return {{1, "verified_phone_number"}, {2, "verified_email"}};
}

}  // namespace userpool
