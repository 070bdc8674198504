#include "web/wizard/wizard_draft.h"

#include <algorithm>
#include <utility>

namespace userpool::web {
namespace {

using C = WizardChoices;

// The console's labels for each choice made with radio buttons.
template <class E>
using Labels = std::initializer_list<std::pair<E, const char*>>;

const Labels<C::Mfa> kMfa = {{C::Mfa::kRequired, "Require MFA"}, {C::Mfa::kOptional, "Optional MFA"}, {C::Mfa::kOff, "No MFA"}};
const Labels<C::Recovery> kRecovery = {{C::Recovery::kEmailOnly, "Email only"},
                                       {C::Recovery::kSmsOnly, "SMS only, if available"},
                                       {C::Recovery::kEmailThenSms, "Email if available, otherwise SMS"},
                                       {C::Recovery::kSmsThenEmail, "SMS if available, otherwise email"}};
const Labels<C::Verify> kVerify = {
    {C::Verify::kEmail, "Send email message, verify email address"},
    {C::Verify::kPhone, "Send SMS message, verify phone number"},
    {C::Verify::kPhoneThenEmail, "Send SMS message if phone number is available, otherwise send email message"}};
const Labels<C::AppType> kAppType = {
    {C::AppType::kPublic, "Public client"}, {C::AppType::kConfidential, "Confidential client"}, {C::AppType::kOther, "Other"}};
const Labels<bool> kPasswordMode = {{false, "Cognito defaults"}, {true, "Custom"}};
const Labels<bool> kEmailProvider = {{true, "Send email with Amazon SES"}, {false, "Send email with Cognito"}};
const Labels<bool> kSmsRole = {{true, "Create a new IAM role"}, {false, "Use an existing IAM role"}};
const Labels<bool> kSecret = {{true, "Generate a client secret"}, {false, "Don't generate a client secret"}};
const Labels<bool> kCognitoFrom = {{true, "Default (no-reply@verificationemail.com)"}, {false, "An Amazon SES verified identity"}};
const Labels<C::DomainType> kDomainType = {{C::DomainType::kCognito, "Use a Cognito domain"},
                                           {C::DomainType::kCustom, "Use a custom domain"}};

template <class E>
const char* label(const Labels<E>& labels, E value) {
  for (const auto& [v, name] : labels)
    if (v == value) return name;
  return "";
}

// Check boxes shown as a list of the ticked labels ("SignInOptions": ["Email"]).
using Ticks = std::initializer_list<std::pair<bool C::*, const char*>>;
const Ticks kSignIn = {{&C::sign_in_username, "User name"}, {&C::sign_in_email, "Email"}, {&C::sign_in_phone, "Phone number"}};
const Ticks kProviders = {{&C::federated_providers, "Federated identity providers"}};
const Ticks kPasswordRules = {{&C::require_numbers, "Contains at least 1 number"},
                              {&C::require_symbols, "Contains at least 1 special character"},
                              {&C::require_uppercase, "Contains at least 1 uppercase letter"},
                              {&C::require_lowercase, "Contains at least 1 lowercase letter"}};
const Ticks kMfaMethods = {{&C::mfa_authenticator_apps, "Authenticator apps"}, {&C::mfa_sms, "SMS message"}};

Json ticked(const C& c, const Ticks& ticks, Json list = Json::array()) {
  for (const auto& [member, name] : ticks)
    if (c.*member) list.push_back(name);
  return list;
}

// Reads members leniently: anything missing or of the wrong kind is left as it was.
struct Reader {
  const Json& j;

  const Json* find(const char* key, bool (Json::*is_kind)() const) const {
    const auto it = j.find(key);
    return it != j.end() && ((*it).*is_kind)() ? &*it : nullptr;
  }
  void flag(const char* key, bool& v) const {
    if (const Json* x = find(key, &Json::is_boolean)) v = x->get<bool>();
  }
  void number(const char* key, int& v) const {
    if (const Json* x = find(key, &Json::is_number_integer))
      v = static_cast<int>(std::clamp(x->get<long long>(), -1000000LL, 1000000LL));
  }
  void text(const char* key, std::string& v) const {
    if (const Json* x = find(key, &Json::is_string)) v = x->get<std::string>();
  }
  void texts(const char* key, std::vector<std::string>& v) const {
    const Json* x = find(key, &Json::is_array);
    if (x == nullptr) return;
    v.clear();
    for (const Json& item : *x)
      if (item.is_string()) v.push_back(item.get<std::string>());
  }
  template <class E>
  void choice(const char* key, E& v, const Labels<E>& labels) const {
    const Json* x = find(key, &Json::is_string);
    if (x == nullptr) return;
    for (const auto& [value, name] : labels)
      if (*x == name) v = value;
  }
  void ticks(const char* key, C& c, const Ticks& ticks) const {
    const Json* x = find(key, &Json::is_array);
    if (x == nullptr) return;
    for (const auto& [member, name] : ticks)
      c.*member = std::find(x->begin(), x->end(), Json(name)) != x->end();
  }
};

// The fields of "Connect federated identity providers", by the console's
// label for each type ("App ID" for Facebook's client_id, "Services ID" for
// Apple's); a provider's entry has only the fields its section shows.
struct ProviderField {
  const char* key;
  std::string IdentityProviderChoice::*member;
  std::initializer_list<const char*> types;
};
const ProviderField kProviderFields[] = {
    {"ProviderName", &IdentityProviderChoice::name, {"OIDC", "SAML"}},
    {"AppId", &IdentityProviderChoice::client_id, {"Facebook"}},
    {"AppSecret", &IdentityProviderChoice::client_secret, {"Facebook"}},
    {"ClientId", &IdentityProviderChoice::client_id, {"Google", "LoginWithAmazon", "OIDC"}},
    {"ClientSecret", &IdentityProviderChoice::client_secret, {"Google", "LoginWithAmazon", "OIDC"}},
    {"ServicesId", &IdentityProviderChoice::client_id, {"SignInWithApple"}},
    {"TeamId", &IdentityProviderChoice::team_id, {"SignInWithApple"}},
    {"KeyId", &IdentityProviderChoice::key_id, {"SignInWithApple"}},
    {"PrivateKey", &IdentityProviderChoice::private_key, {"SignInWithApple"}},
    {"AuthorizedScopes", &IdentityProviderChoice::scopes, {"Facebook", "Google", "LoginWithAmazon", "SignInWithApple", "OIDC"}},
    {"ApiVersion", &IdentityProviderChoice::api_version, {"Facebook"}},
    {"AttributeRequestMethod", &IdentityProviderChoice::attributes_request_method, {"OIDC"}},
    {"IssuerUrl", &IdentityProviderChoice::issuer, {"OIDC"}},
    {"MetadataDocument", &IdentityProviderChoice::metadata, {"SAML"}},
};

bool applies(const ProviderField& f, const std::string& type) {
  return std::find(f.types.begin(), f.types.end(), type) != f.types.end();
}

Json federated_sign_in_options(const C& c) {
  Json list = Json::array();
  for (const auto& p : c.federation)
    if (p.selected) list.push_back(provider_label(p.type));
  return list;
}

Json identity_providers(const C& c) {
  Json all = Json::object();
  for (const auto& p : c.federation) {
    Json entry = Json::object();
    for (const auto& f : kProviderFields)
      if (applies(f, p.type)) entry[f.key] = p.*f.member;
    Json mapping = Json::array();
    for (const auto& m : p.mapping)
      mapping.push_back({{"UserPoolAttribute", m.user_pool_attribute}, {"ProviderAttribute", m.provider_attribute}});
    entry["AttributeMapping"] = mapping;
    all[provider_label(p.type)] = entry;
  }
  return all;
}

void read_identity_providers(const Json& choices, C& c) {
  if (const auto it = choices.find("FederatedSignInOptions"); it != choices.end() && it->is_array())
    for (auto& p : c.federation) p.selected = std::find(it->begin(), it->end(), Json(provider_label(p.type))) != it->end();
  const auto it = choices.find("FederatedIdentityProviders");
  if (it == choices.end() || !it->is_object()) return;
  for (auto& p : c.federation) {
    const auto entry = it->find(provider_label(p.type));
    if (entry == it->end() || !entry->is_object()) continue;
    const Reader r{*entry};
    for (const auto& f : kProviderFields)
      if (applies(f, p.type)) r.text(f.key, p.*f.member);
    const Json* mapping = r.find("AttributeMapping", &Json::is_array);
    if (mapping == nullptr) continue;
    p.mapping.clear();
    for (const Json& row : *mapping) {
      if (!row.is_object()) continue;
      AttributeMappingChoice m;
      const Reader rr{row};
      rr.text("UserPoolAttribute", m.user_pool_attribute);
      rr.text("ProviderAttribute", m.provider_attribute);
      p.mapping.push_back(std::move(m));
    }
  }
}

Json custom_attributes(const C& c) {
  Json list = Json::array();
  for (const auto& a : c.custom_attributes)
    list.push_back({{"Name", a.name}, {"Type", a.type}, {"Min", a.min}, {"Max", a.max}, {"Mutable", a.mutable_}});
  return list;
}

void read_custom_attributes(const Json& choices, C& c) {
  const auto it = choices.find("CustomAttributes");
  if (it == choices.end() || !it->is_array()) return;
  c.custom_attributes.clear();
  for (const Json& item : *it) {
    if (!item.is_object()) continue;
    CustomAttributeChoice a;
    const Reader r{item};
    r.text("Name", a.name);
    r.text("Type", a.type);
    r.text("Min", a.min);
    r.text("Max", a.max);
    r.flag("Mutable", a.mutable_);
    c.custom_attributes.push_back(std::move(a));
  }
}

}  // namespace

Json wizard_draft(const WizardChoices& c, int step) {
  const Json choices = {
      // Step 1: Configure sign-in experience
      {"ProviderTypes", ticked(c, kProviders, Json::array({"Cognito user pool"}))},
      {"FederatedSignInOptions", federated_sign_in_options(c)},
      {"SignInOptions", ticked(c, kSignIn)},
      {"PreferredUserName", c.preferred_username},
      {"CaseSensitiveUserName", c.case_sensitive},
      // Step 2: Configure security requirements
      {"PasswordPolicyMode", label(kPasswordMode, c.custom_password_policy)},
      {"PasswordMinimumLength", c.minimum_length},
      {"PasswordRequirements", ticked(c, kPasswordRules)},
      {"TemporaryPasswordValidityDays", c.temporary_password_days},
      {"Mfa", label(kMfa, c.mfa)},
      {"MfaMethods", ticked(c, kMfaMethods)},
      {"SelfServiceAccountRecovery", c.self_service_recovery},
      {"RecoveryMessageDelivery", label(kRecovery, c.recovery)},
      // Step 3: Configure sign-up experience
      {"SelfRegistration", c.self_registration},
      {"CognitoAssistedVerification", c.cognito_assisted_verification},
      {"AttributesToVerify", label(kVerify, c.verify)},
      {"KeepOriginalAttributeValueActive", c.keep_original_when_pending},
      {"KeepOriginalEmail", c.keep_original_email},
      {"KeepOriginalPhoneNumber", c.keep_original_phone},
      {"RequiredAttributes", c.required_attributes},
      {"CustomAttributes", custom_attributes(c)},
      // Step 4: Configure message delivery
      {"EmailProvider", label(kEmailProvider, c.email_with_ses)},
      {"SesRegion", c.ses_region},
      {"FromEmailAddress", c.from_email},
      {"FromSenderName", c.from_name},
      {"ReplyToEmailAddress", c.reply_to},
      {"ConfigurationSet", c.configuration_set},
      {"CognitoFromEmail", label(kCognitoFrom, c.cognito_default_from)},
      {"SmsIamRole", label(kSmsRole, c.sms_new_role)},
      {"SmsIamRoleName", c.sms_role_name},
      {"SmsExistingRoleArn", c.sms_existing_role_arn},
      {"SnsRegion", c.sns_region},
      {"SmsExternalId", c.sms_external_id},
      // With federation, step 5: Connect federated identity providers
      {"FederatedIdentityProviders", identity_providers(c)},
      {"FederationSkipped", c.federation_skipped},
      // Step 5 (6 with federation): Integrate your app
      {"UserPoolName", c.pool_name},
      {"DeletionProtection", c.deletion_protection},
      {"HostedUi", c.hosted_ui},
      {"DomainType", label(kDomainType, c.domain_type)},
      {"CognitoDomainPrefix", c.domain_prefix},
      {"CustomDomain", c.custom_domain},
      {"CertificateArn", c.certificate_arn},
      {"AppType", label(kAppType, c.app_type)},
      {"AppClientName", c.client_name},
      {"ClientSecret", label(kSecret, c.generate_secret)},
      {"CallbackUrls", c.callback_urls},
      {"SignOutUrls", c.sign_out_urls},
      {"IdentityProviders", c.identity_providers},
      {"AuthenticationFlows", c.auth_flows},
      {"AuthenticationFlowSessionMinutes", c.auth_session_minutes},
      {"RefreshTokenExpiration", c.refresh_token_validity},
      {"RefreshTokenExpirationUnit", c.refresh_token_unit},
      {"AccessTokenExpiration", c.access_token_validity},
      {"AccessTokenExpirationUnit", c.access_token_unit},
      {"IdTokenExpiration", c.id_token_validity},
      {"IdTokenExpirationUnit", c.id_token_unit},
      {"EnableTokenRevocation", c.token_revocation},
      {"PreventUserExistenceErrors", c.prevent_user_existence_errors},
      {"OAuthGrantTypes", c.oauth_flows},
      {"OpenIdConnectScopes", c.oauth_scopes},
      {"AttributesNotReadable", c.unreadable_attributes},
      {"AttributesNotWritable", c.unwritable_attributes},
  };
  return Json{{"Step", step}, {"Choices", choices}};
}

int read_wizard_draft(const Json& draft, WizardChoices& c) {
  if (!draft.is_object()) return 1;
  const auto it = draft.find("Choices");
  if (it != draft.end() && it->is_object()) {
    const Reader r{*it};
    r.ticks("ProviderTypes", c, kProviders);
    r.ticks("SignInOptions", c, kSignIn);
    read_identity_providers(*it, c);
    r.flag("FederationSkipped", c.federation_skipped);
    r.flag("PreferredUserName", c.preferred_username);
    r.flag("CaseSensitiveUserName", c.case_sensitive);
    r.choice("PasswordPolicyMode", c.custom_password_policy, kPasswordMode);
    r.number("PasswordMinimumLength", c.minimum_length);
    r.ticks("PasswordRequirements", c, kPasswordRules);
    r.number("TemporaryPasswordValidityDays", c.temporary_password_days);
    r.choice("Mfa", c.mfa, kMfa);
    r.ticks("MfaMethods", c, kMfaMethods);
    r.flag("SelfServiceAccountRecovery", c.self_service_recovery);
    r.choice("RecoveryMessageDelivery", c.recovery, kRecovery);
    r.flag("SelfRegistration", c.self_registration);
    r.flag("CognitoAssistedVerification", c.cognito_assisted_verification);
    r.choice("AttributesToVerify", c.verify, kVerify);
    r.flag("KeepOriginalAttributeValueActive", c.keep_original_when_pending);
    r.flag("KeepOriginalEmail", c.keep_original_email);
    r.flag("KeepOriginalPhoneNumber", c.keep_original_phone);
    r.texts("RequiredAttributes", c.required_attributes);
    read_custom_attributes(*it, c);
    r.choice("EmailProvider", c.email_with_ses, kEmailProvider);
    r.text("SesRegion", c.ses_region);
    r.text("FromEmailAddress", c.from_email);
    r.text("FromSenderName", c.from_name);
    r.text("ReplyToEmailAddress", c.reply_to);
    r.text("ConfigurationSet", c.configuration_set);
    r.choice("CognitoFromEmail", c.cognito_default_from, kCognitoFrom);
    r.choice("SmsIamRole", c.sms_new_role, kSmsRole);
    r.text("SmsIamRoleName", c.sms_role_name);
    r.text("SmsExistingRoleArn", c.sms_existing_role_arn);
    r.text("SnsRegion", c.sns_region);
    r.text("SmsExternalId", c.sms_external_id);
    r.text("UserPoolName", c.pool_name);
    r.flag("DeletionProtection", c.deletion_protection);
    r.flag("HostedUi", c.hosted_ui);
    r.choice("DomainType", c.domain_type, kDomainType);
    r.text("CognitoDomainPrefix", c.domain_prefix);
    r.text("CustomDomain", c.custom_domain);
    r.text("CertificateArn", c.certificate_arn);
    r.choice("AppType", c.app_type, kAppType);
    r.text("AppClientName", c.client_name);
    r.choice("ClientSecret", c.generate_secret, kSecret);
    r.texts("CallbackUrls", c.callback_urls);
    r.texts("SignOutUrls", c.sign_out_urls);
    r.texts("IdentityProviders", c.identity_providers);
    r.texts("AuthenticationFlows", c.auth_flows);
    r.number("AuthenticationFlowSessionMinutes", c.auth_session_minutes);
    // Drafts kept before lifetimes had units said days and minutes.
    if (r.find("RefreshTokenDays", &Json::is_number_integer) != nullptr) c.refresh_token_unit = "days";
    r.number("RefreshTokenDays", c.refresh_token_validity);
    r.number("AccessTokenMinutes", c.access_token_validity);
    r.number("IdTokenMinutes", c.id_token_validity);
    r.number("RefreshTokenExpiration", c.refresh_token_validity);
    r.text("RefreshTokenExpirationUnit", c.refresh_token_unit);
    r.number("AccessTokenExpiration", c.access_token_validity);
    r.text("AccessTokenExpirationUnit", c.access_token_unit);
    r.number("IdTokenExpiration", c.id_token_validity);
    r.text("IdTokenExpirationUnit", c.id_token_unit);
    r.flag("EnableTokenRevocation", c.token_revocation);
    r.flag("PreventUserExistenceErrors", c.prevent_user_existence_errors);
    r.texts("OAuthGrantTypes", c.oauth_flows);
    r.texts("OpenIdConnectScopes", c.oauth_scopes);
    r.texts("AttributesNotReadable", c.unreadable_attributes);
    r.texts("AttributesNotWritable", c.unwritable_attributes);
  }
  const auto step = draft.find("Step");
  if (step == draft.end() || !step->is_number_integer()) return 1;
  // The step as the learner saw it: 1..6, or 1..7 with federation.
  return static_cast<int>(std::clamp(step->get<long long>(), 1LL, static_cast<long long>(wizard_step_count(c))));
}

}  // namespace userpool::web
