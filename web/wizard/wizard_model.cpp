#include "web/wizard/wizard_model.h"
#include "core/base/text.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "core/model/app_client.h"
#include "core/model/schema.h"

namespace userpool::web {
namespace {

bool has(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (!has(list, value)) list.push_back(value);
}

bool is_pool_name(const std::string& s) {
  return !s.empty() && s.size() <= 128 && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || std::string_view(" \t_+=,.@-").find(c) != std::string_view::npos;
  });
}

bool is_domain_prefix(const std::string& d) {
  if (d.empty() || d.size() > 63 || d.front() == '-' || d.back() == '-') return false;
  if (d.find("aws") != std::string::npos || d.find("amazon") != std::string::npos || d.find("cognito") != std::string::npos)
    return false;
  return std::all_of(d.begin(), d.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

bool is_whole_number(const std::string& s) {
  return !s.empty() && s.size() < 10 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool valid_callback(const std::string& url) { return !callback_url_problem(url); }

// A custom domain as the console takes it: two or more labels of lowercase
// letters, numbers and hyphens (auth.example.com); the API checks the rest.
bool is_custom_domain(const std::string& d) {
  if (d.find('.') == std::string::npos || d.front() == '.' || d.back() == '.' || d.find("..") != std::string::npos)
    return false;
  return std::all_of(d.begin(), d.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'; });
}

bool is_lifetime_unit(std::string_view unit) { return unit == "minutes" || unit == "hours" || unit == "days"; }

// "5 minutes", "1 day": a limit in the console's words.
std::string minutes_text(int minutes) {
  if (minutes % 1440 == 0) return std::to_string(minutes / 1440) + (minutes == 1440 ? " day" : " days");
  if (minutes % 60 == 0) return std::to_string(minutes / 60) + (minutes == 60 ? " hour" : " hours");
  return std::to_string(minutes) + " minutes";
}

// Whether a lifetime is within [min, max] minutes; when not, the console's
// sentence about the token's range.
std::optional<std::string> lifetime_problem(const char* token, int value, const std::string& unit, int min, int max) {
  const int minutes = lifetime_minutes(value, unit);
  if (is_lifetime_unit(unit) && value > 0 && minutes >= min && minutes <= max) return std::nullopt;
  return std::string(token) + " can last " + minutes_text(min) + " to " + minutes_text(max) + ".";
}

std::string sms_role_arn(const WizardChoices& c, const std::string& account_id) {
  return c.sms_new_role ? "arn:aws:iam::" + account_id + ":role/service-role/" + c.sms_role_name : c.sms_existing_role_arn;
}

Json sms_configuration(const WizardChoices& c, const std::string& account_id) {
  return Json{{"SnsCallerArn", sms_role_arn(c, account_id)}, {"ExternalId", c.sms_external_id}, {"SnsRegion", c.sns_region}};
}

bool mfa_on(const WizardChoices& c) { return c.mfa != WizardChoices::Mfa::kOff; }
const char* mfa_name(const WizardChoices& c) {
  return c.mfa == WizardChoices::Mfa::kRequired ? "ON" : c.mfa == WizardChoices::Mfa::kOptional ? "OPTIONAL" : "OFF";
}

bool blank(const std::string& s) { return trimmed(s).empty(); }

bool is_social(std::string_view type) {
  return type == "Google" || type == "Facebook" || type == "LoginWithAmazon" || type == "SignInWithApple";
}

// ProviderNameTypeV2, as CreateIdentityProvider checks it: 3 to 32
// characters, no white space, and no "_" after the first two (the first
// "_" of a federated user's name ends the provider's name).
bool is_provider_name(const std::string& s) {
  if (s.size() < 3 || s.size() > 32 || s[0] == '_') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto ch = static_cast<unsigned char>(s[i]);
    if (std::isspace(ch) != 0 || ch < 0x20 || (i >= 2 && ch == '_')) return false;
  }
  return true;
}

std::vector<FieldError> validate_federation(const WizardChoices& c) {
  std::vector<FieldError> errors;
  const auto pool_attributes = permission_attributes(c);
  std::vector<std::string> names;
  for (const IdentityProviderChoice* p : configured_providers(c)) {
    const std::string field = std::string("wizard.federation.") + provider_key(p->type) + ".";
    const auto add = [&](const char* what, std::string message) { errors.push_back({field + what, std::move(message)}); };
    const std::string label = provider_label(p->type);
    const bool apple = p->type == "SignInWithApple", facebook = p->type == "Facebook";
    if (p->type == "OIDC" || p->type == "SAML") {
      const std::string name = provider_name(*p);
      if (!is_provider_name(name))
        add("name", "Provider names have 3 to 32 characters, no spaces, and no _ after the first two characters.");
      else if (name == "COGNITO")
        add("name", "COGNITO is reserved for the user pool's own users.");
      else if (is_social(name) || ((name == "OIDC" || name == "SAML") && name != p->type))
        add("name", name + " is the name of a provider type; choose another name.");
      else if (std::find(names.begin(), names.end(), name) != names.end())
        add("name", "A provider with the name " + name + " already exists in this user pool.");
      names.push_back(name);
    }
    if (p->type == "SAML") {
      if (blank(p->metadata))
        add("metadata", "Paste the metadata document of your SAML identity provider.");
      else if (p->metadata.find("EntityDescriptor") == std::string::npos)
        add("metadata", "The metadata document is the XML your SAML identity provider gives (an EntityDescriptor).");
    } else {
      const std::string from = p->type == "OIDC" ? "your OIDC provider" : label;
      if (blank(p->client_id))
        add("client_id", apple      ? "Enter the Services ID from Apple."
                         : facebook ? "Enter the App ID from Facebook."
                                    : "Enter the client ID from " + from + ".");
      if (apple) {
        if (blank(p->team_id)) add("team_id", "Enter the Team ID of your Apple developer account.");
        if (blank(p->key_id)) add("key_id", "Enter the Key ID of the private key you made for Sign in with Apple.");
        if (blank(p->private_key)) add("private_key", "Paste the private key (the .p8 file) you made for Sign in with Apple.");
      } else if (blank(p->client_secret)) {
        add("client_secret", facebook ? "Enter the App secret from Facebook." : "Enter the client secret from " + from + ".");
      }
      if (blank(p->scopes))
        add("scopes", facebook ? "Enter the authorized scopes, separated by commas."
                               : "Enter the authorized scopes, separated by spaces.");
      else if (p->type == "OIDC" && p->scopes.find("openid") == std::string::npos)
        add("scopes", "The authorize_scopes of an OIDC provider must include openid.");
    }
    if (p->type == "OIDC") {
      const std::string issuer = trimmed(p->issuer);
      if (!issuer.starts_with("https://") || issuer.size() <= 8 || issuer.find_first_of(" \t") != std::string::npos)
        add("issuer", "Enter the issuer URL of your OIDC provider: https://, as in the iss of its ID tokens.");
    }
    std::vector<std::string> mapped;
    for (const auto& m : p->mapping) {
      if (m.user_pool_attribute.empty())
        add("map", "Choose the user pool attribute of each mapping.");
      else if (std::find(pool_attributes.begin(), pool_attributes.end(), m.user_pool_attribute) == pool_attributes.end())
        add("map", m.user_pool_attribute + " is not an attribute of this user pool.");
      else if (std::find(mapped.begin(), mapped.end(), m.user_pool_attribute) != mapped.end())
        add("map", m.user_pool_attribute + " is mapped twice; map each user pool attribute once.");
      else if (blank(m.provider_attribute))
        add("map", "Enter the " + label + " attribute that " + m.user_pool_attribute + " takes its value from.");
      mapped.push_back(m.user_pool_attribute);
    }
  }
  return errors;
}

// The app client's identity providers as ticked, of those it can name:
// COGNITO, then the configured providers in the console's order.
std::vector<std::string> supported_identity_providers(const WizardChoices& c) {
  std::vector<std::string> offered = {"COGNITO"}, list;
  for (auto& name : configured_provider_names(c)) offered.push_back(std::move(name));
  for (const auto& name : offered)
    if (has(c.identity_providers, name)) list.push_back(name);
  return list;
}

std::vector<std::string> verified_attributes(const WizardChoices& c) {
  if (!c.cognito_assisted_verification) return {};
  switch (c.verify) {
    case WizardChoices::Verify::kEmail: return {"email"};
    case WizardChoices::Verify::kPhone: return {"phone_number"};
    case WizardChoices::Verify::kPhoneThenEmail: return {"email", "phone_number"};
  }
  return {};
}

}  // namespace

bool WizardChoices::uses_sms() const {
  const bool sms_mfa = mfa_on(*this) && mfa_sms;
  const bool sms_recovery = self_service_recovery && recovery != Recovery::kEmailOnly;
  const bool sms_verification = cognito_assisted_verification && verify != Verify::kEmail;
  return sms_mfa || sms_recovery || sms_verification;
}

int lifetime_minutes(int value, std::string_view unit) {
  const long long minutes = unit == "days" ? 1440LL * value : unit == "hours" ? 60LL * value : value;
  return static_cast<int>(std::clamp(minutes, -1LL, 10'000'000LL));
}

std::vector<std::string> permission_attributes(const WizardChoices& c) {
  std::vector<std::string> names;
  for (const auto& a : standard_schema())
    if (a.name != "sub" && a.name != "identities") names.push_back(a.name);
  for (const auto& a : c.custom_attributes)
    if (!a.name.empty()) names.push_back("custom:" + a.name);
  return names;
}

std::vector<IdentityProviderChoice> default_identity_provider_choices() {
  const auto provider = [](const char* type, const char* scopes, const char* email_claim) {
    IdentityProviderChoice p;
    p.type = type;
    p.scopes = scopes;
    p.mapping = {{"email", email_claim}};
    return p;
  };
  std::vector<IdentityProviderChoice> list = {
      provider("Facebook", "public_profile, email", "email"),
      provider("Google", "profile email openid", "email"),
      provider("LoginWithAmazon", "profile postal_code", "email"),
      provider("SignInWithApple", "email name", "email"),
      provider("SAML", "", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"),
      provider("OIDC", "openid email profile", "email"),
  };
  list[0].api_version = "v17.0";
  return list;
}

const char* provider_label(std::string_view type) {
  if (type == "LoginWithAmazon") return "Login with Amazon";
  if (type == "SignInWithApple") return "Sign in with Apple";
  if (type == "OIDC") return "OpenID Connect (OIDC)";
  if (type == "Facebook") return "Facebook";
  if (type == "Google") return "Google";
  if (type == "SAML") return "SAML";
  return "";
}

const char* provider_key(std::string_view type) {
  if (type == "LoginWithAmazon") return "amazon";
  if (type == "SignInWithApple") return "apple";
  if (type == "OIDC") return "oidc";
  if (type == "Facebook") return "facebook";
  if (type == "Google") return "google";
  if (type == "SAML") return "saml";
  return "";
}

std::string provider_name(const IdentityProviderChoice& p) { return is_social(p.type) ? p.type : trimmed(p.name); }

IdentityProviderChoice* WizardChoices::provider(std::string_view type) {
  for (auto& p : federation)
    if (p.type == type) return &p;
  return nullptr;
}

const IdentityProviderChoice* WizardChoices::provider(std::string_view type) const {
  return const_cast<WizardChoices*>(this)->provider(type);
}

std::vector<const IdentityProviderChoice*> configured_providers(const WizardChoices& c) {
  std::vector<const IdentityProviderChoice*> list;
  if (!c.federated_providers || c.federation_skipped) return list;
  for (const auto& p : c.federation)
    if (p.selected) list.push_back(&p);
  return list;
}

std::vector<std::string> configured_provider_names(const WizardChoices& c) {
  std::vector<std::string> names;
  for (const IdentityProviderChoice* p : configured_providers(c)) names.push_back(provider_name(*p));
  return names;
}

void tick_new_providers(WizardChoices& c, const std::vector<std::string>& before) {
  const auto now = configured_provider_names(c);
  for (const auto& name : before)
    if (name != "COGNITO" && !has(now, name)) std::erase(c.identity_providers, name);
  for (const auto& name : now)
    if (!has(before, name)) add_unique(c.identity_providers, name);
}

std::vector<WizardPage> wizard_pages(const WizardChoices& c) {
  using P = WizardPage;
  if (c.federated_providers) return {P::kSignIn, P::kSecurity, P::kSignUp, P::kMessages, P::kFederation, P::kApp, P::kReview};
  return {P::kSignIn, P::kSecurity, P::kSignUp, P::kMessages, P::kApp, P::kReview};
}

int wizard_step_count(const WizardChoices& c) { return c.federated_providers ? kWizardStepsWithFederation : kWizardSteps; }

int wizard_step_number(const WizardChoices& c, WizardPage page) {
  const auto pages = wizard_pages(c);
  const auto it = std::find(pages.begin(), pages.end(), page);
  return it == pages.end() ? 0 : static_cast<int>(it - pages.begin()) + 1;
}

WizardPage wizard_page_at(const WizardChoices& c, int step) {
  const auto pages = wizard_pages(c);
  return pages[static_cast<std::size_t>(std::clamp(step, 1, static_cast<int>(pages.size())) - 1)];
}

const char* wizard_page_title(WizardPage page) {
  switch (page) {
    case WizardPage::kSignIn: return "Configure sign-in experience";
    case WizardPage::kSecurity: return "Configure security requirements";
    case WizardPage::kSignUp: return "Configure sign-up experience";
    case WizardPage::kMessages: return "Configure message delivery";
    case WizardPage::kFederation: return "Connect federated identity providers";
    case WizardPage::kApp: return "Integrate your app";
    case WizardPage::kReview: return "Review and create";
  }
  return "";
}

void apply_sign_in_defaults(WizardChoices& c) {
  // Sign-in attributes must be collected at sign-up.
  if (c.sign_in_email) add_unique(c.required_attributes, "email");
  if (c.sign_in_phone) add_unique(c.required_attributes, "phone_number");
  if (!c.sign_in_username) c.preferred_username = false;
  // Verify and recover through what users sign in with.
  if (c.sign_in_email && c.sign_in_phone) c.verify = WizardChoices::Verify::kPhoneThenEmail;
  else if (c.sign_in_phone) c.verify = WizardChoices::Verify::kPhone;
  else c.verify = WizardChoices::Verify::kEmail;
  c.recovery = c.sign_in_phone && !c.sign_in_email ? WizardChoices::Recovery::kSmsOnly : WizardChoices::Recovery::kEmailOnly;
}

std::vector<FieldError> validate_step(const WizardChoices& c, int step) { return validate_page(c, wizard_page_at(c, step)); }

std::vector<FieldError> validate_page(const WizardChoices& c, WizardPage page) {
  std::vector<FieldError> errors;
  const auto add = [&](const char* field, std::string message) { errors.push_back({field, std::move(message)}); };
  const bool all = page == WizardPage::kReview;
  if (page == WizardPage::kSignIn || all) {
    if (c.federated_providers && std::none_of(c.federation.begin(), c.federation.end(), [](const auto& p) { return p.selected; }))
      add("wizard.federated_options", "Select at least one federated sign-in option.");
    if (!c.sign_in_username && !c.sign_in_email && !c.sign_in_phone)
      add("wizard.sign_in_options", "Select at least one Cognito user pool sign-in option.");
  }
  if (page == WizardPage::kSecurity || all) {
    if (c.custom_password_policy && (c.minimum_length < 6 || c.minimum_length > 99))
      add("wizard.minimum_length", "Password minimum length must be from 6 to 99 characters.");
    if (c.custom_password_policy && (c.temporary_password_days < 1 || c.temporary_password_days > 365))
      add("wizard.temporary_password_days", "Temporary passwords can be valid for 1 to 365 days.");
    if (mfa_on(c) && !c.mfa_authenticator_apps && !c.mfa_sms)
      add("wizard.mfa_methods", "Select at least one MFA method.");
  }
  if (page == WizardPage::kSignUp || all) {
    if (c.preferred_username && has(c.required_attributes, "preferred_username"))
      add("wizard.required_attributes", "preferred_username cannot be both a sign-in alias and a required attribute.");
    if (c.cognito_assisted_verification && c.keep_original_when_pending) {
      const auto verified = verified_attributes(c);
      if (c.keep_original_email && !has(verified, "email"))
        add("wizard.keep_original", "To keep the original email address active, Cognito must verify email addresses.");
      if (c.keep_original_phone && !has(verified, "phone_number"))
        add("wizard.keep_original", "To keep the original phone number active, Cognito must verify phone numbers.");
    }
    std::vector<std::string> names;
    for (const auto& a : c.custom_attributes) {
      if (a.name.empty() || a.name.size() > 20)
        add("wizard.custom_attributes", "Custom attribute names have 1 to 20 characters.");
      else if (is_standard_attribute_name(a.name))
        add("wizard.custom_attributes", a.name + " is a standard attribute; choose another name.");
      else if (has(names, a.name))
        add("wizard.custom_attributes", "Two custom attributes are named " + a.name + ".");
      names.push_back(a.name);
      if ((!a.min.empty() && !is_whole_number(a.min)) || (!a.max.empty() && !is_whole_number(a.max)))
        add("wizard.custom_attributes", "The limits of " + a.name + " must be whole numbers.");
    }
  }
  if (page == WizardPage::kMessages || all) {
    if ((c.email_with_ses || !c.cognito_default_from) && !is_valid_email(c.from_email))
      add("wizard.from_email", "Enter the FROM email address of an Amazon SES verified identity.");
    if (c.uses_sms() && c.sms_new_role && c.sms_role_name.empty())
      add("wizard.sms_role", "Name the IAM role Cognito uses to send SMS messages with Amazon SNS.");
    if (c.uses_sms() && !c.sms_new_role && c.sms_existing_role_arn.rfind("arn:aws:iam::", 0) != 0)
      add("wizard.sms_role", "Choose an existing IAM role (an ARN that starts with arn:aws:iam::).");
  }
  if ((page == WizardPage::kFederation || all) && c.federated_providers) {
    auto federation = validate_federation(c);
    errors.insert(errors.end(), std::make_move_iterator(federation.begin()), std::make_move_iterator(federation.end()));
  }
  if (page == WizardPage::kApp || all) {
    if (!is_pool_name(c.pool_name))
      add("wizard.pool_name", "User pool names have 1 to 128 characters: letters, numbers, spaces and + = , . @ -");
    using D = WizardChoices::DomainType;
    if (c.hosted_ui && c.domain_type == D::kCognito && !is_domain_prefix(c.domain_prefix))
      add("wizard.domain", "Domain prefixes use lowercase letters, numbers and hyphens, and cannot contain aws, amazon or cognito.");
    if (c.hosted_ui && c.domain_type == D::kCustom && !is_custom_domain(c.custom_domain))
      add("wizard.custom_domain", "Enter a domain you own, such as auth.example.com: lowercase letters, numbers, hyphens and dots.");
    if (c.hosted_ui && c.domain_type == D::kCustom &&
        (!c.certificate_arn.starts_with("arn:aws:acm:us-east-1:") || c.certificate_arn.find(":certificate/") == std::string::npos))
      add("wizard.certificate", "Choose an AWS Certificate Manager certificate in us-east-1 (arn:aws:acm:us-east-1:...:certificate/...).");
    if (!is_pool_name(c.client_name))
      add("wizard.client_name", "App client names have 1 to 128 characters: letters, numbers, spaces and + = , . @ -");
    if (c.hosted_ui) {
      const bool user_grants = has(c.oauth_flows, "code") || has(c.oauth_flows, "implicit");
      if (user_grants && (c.callback_urls.empty() || !std::all_of(c.callback_urls.begin(), c.callback_urls.end(), valid_callback)))
        add("wizard.callback_urls", "Enter at least one callback URL: HTTPS, or http://localhost.");
      if (!std::all_of(c.sign_out_urls.begin(), c.sign_out_urls.end(), valid_callback))
        add("wizard.sign_out_urls", "Sign-out URLs use HTTPS, or http://localhost, and have no fragment (#).");
      if (supported_identity_providers(c).empty()) add("wizard.idp", "Select at least one identity provider.");
      if (c.oauth_flows.empty()) add("wizard.grant", "Select at least one OAuth 2.0 grant type.");
      if (has(c.oauth_flows, "client_credentials") && user_grants)
        add("wizard.grant", "Client credentials cannot be selected along with the authorization code or implicit grant.");
      if (has(c.oauth_flows, "client_credentials") && !c.generate_secret)
        add("wizard.grant", "Client credentials needs a client secret: choose a confidential client.");
      // A machine's token carries only custom scopes, which come from a
      // resource server, and a resource server needs the pool to exist
      // first. UNVERIFIED: the console's wording for this case.
      if (has(c.oauth_flows, "client_credentials"))
        add("wizard.grant", "Client credentials needs a custom scope from a resource server, which you add once the pool exists "
                            "(App integration). Create this client with another grant, or add a second client later.");
      if (user_grants && c.oauth_scopes.empty()) add("wizard.scopes", "Select at least one OpenID Connect scope.");
      // UNVERIFIED: the console's rule that email, phone and profile come with openid.
      const bool needs_openid = has(c.oauth_scopes, "email") || has(c.oauth_scopes, "phone") || has(c.oauth_scopes, "profile");
      if (needs_openid && !has(c.oauth_scopes, "openid"))
        add("wizard.scopes", "The Email, Phone and Profile scopes need the OpenID scope.");
    }
    if (c.auth_flows.empty()) add("wizard.auth_flows", "Select at least one authentication flow.");
    if (c.auth_session_minutes < 3 || c.auth_session_minutes > 15)
      add("wizard.auth_session", "Authentication flow sessions last 3 to 15 minutes.");
    const auto refresh_problem = lifetime_problem("Refresh tokens", c.refresh_token_validity, c.refresh_token_unit, 60, 3650 * 1440);
    const auto access_problem = lifetime_problem("Access tokens", c.access_token_validity, c.access_token_unit, 5, 1440);
    const auto id_problem = lifetime_problem("ID tokens", c.id_token_validity, c.id_token_unit, 5, 1440);
    if (refresh_problem) add("wizard.refresh_token", *refresh_problem);
    if (access_problem) add("wizard.access_token", *access_problem);
    if (id_problem) add("wizard.id_token", *id_problem);
    // CreateUserPoolClient's own rule, once each lifetime is in its range.
    const int refresh = lifetime_minutes(c.refresh_token_validity, c.refresh_token_unit);
    if (!refresh_problem && !access_problem && !id_problem &&
        (refresh <= lifetime_minutes(c.access_token_validity, c.access_token_unit) ||
         refresh <= lifetime_minutes(c.id_token_validity, c.id_token_unit)))
      add("wizard.refresh_token", "Refresh tokens must last longer than access and ID tokens.");
    // Cognito refuses a client that cannot write a required attribute.
    for (const auto& name : c.required_attributes)
      if (has(c.unwritable_attributes, name))
        add("wizard.permissions", name + " is a required attribute: the app client must be able to write it.");
  }
  return errors;
}

Json create_user_pool_request(const WizardChoices& c, const std::string& account_id) {
  Json r = {{"PoolName", c.pool_name}};
  r["Policies"] = {{"PasswordPolicy",
                    c.custom_password_policy
                        ? Json{{"MinimumLength", c.minimum_length}, {"RequireUppercase", c.require_uppercase},
                               {"RequireLowercase", c.require_lowercase}, {"RequireNumbers", c.require_numbers},
                               {"RequireSymbols", c.require_symbols}, {"TemporaryPasswordValidityDays", c.temporary_password_days}}
                        : Json{{"MinimumLength", 8}, {"RequireUppercase", true}, {"RequireLowercase", true},
                               {"RequireNumbers", true}, {"RequireSymbols", true}, {"TemporaryPasswordValidityDays", 7}}}};
  r["DeletionProtection"] = c.deletion_protection ? "ACTIVE" : "INACTIVE";
  const auto verified = verified_attributes(c);
  if (!verified.empty()) r["AutoVerifiedAttributes"] = verified;
  if (c.sign_in_username) {
    std::vector<std::string> aliases;
    if (c.sign_in_email) aliases.push_back("email");
    if (c.sign_in_phone) aliases.push_back("phone_number");
    if (c.preferred_username) aliases.push_back("preferred_username");
    if (!aliases.empty()) r["AliasAttributes"] = aliases;
  } else {
    std::vector<std::string> usernames;
    if (c.sign_in_email) usernames.push_back("email");
    if (c.sign_in_phone) usernames.push_back("phone_number");
    r["UsernameAttributes"] = usernames;
  }
  r["VerificationMessageTemplate"] = {{"DefaultEmailOption", "CONFIRM_WITH_CODE"}};
  std::vector<std::string> keep;
  if (c.cognito_assisted_verification && c.keep_original_when_pending) {
    if (c.keep_original_email) keep.push_back("email");
    if (c.keep_original_phone) keep.push_back("phone_number");
  }
  r["UserAttributeUpdateSettings"] = {{"AttributesRequireVerificationBeforeUpdate", keep}};
  // CreateUserPool can turn on SMS MFA only; authenticator apps follow in
  // SetUserPoolMfaConfig (Developer Guide: "Adding MFA to a user pool").
  r["MfaConfiguration"] = mfa_on(c) && c.mfa_sms ? mfa_name(c) : "OFF";
  if (c.email_with_ses) {
    Json email = {{"EmailSendingAccount", "DEVELOPER"},
                  {"SourceArn", "arn:aws:ses:" + c.ses_region + ":" + account_id + ":identity/" + c.from_email}};
    email["From"] = c.from_name.empty() ? c.from_email : c.from_name + " <" + c.from_email + ">";
    if (!c.reply_to.empty()) email["ReplyToEmailAddress"] = c.reply_to;
    if (!c.configuration_set.empty()) email["ConfigurationSet"] = c.configuration_set;
    r["EmailConfiguration"] = email;
  } else {
    Json email = {{"EmailSendingAccount", "COGNITO_DEFAULT"}};
    if (!c.cognito_default_from)
      email["SourceArn"] = "arn:aws:ses:" + c.ses_region + ":" + account_id + ":identity/" + c.from_email;
    if (!c.reply_to.empty()) email["ReplyToEmailAddress"] = c.reply_to;
    r["EmailConfiguration"] = email;
  }
  if (c.uses_sms()) r["SmsConfiguration"] = sms_configuration(c, account_id);
  r["AdminCreateUserConfig"] = {{"AllowAdminCreateUserOnly", !c.self_registration}};
  r["UsernameConfiguration"] = {{"CaseSensitive", c.case_sensitive}};
  Json schema = Json::array();
  for (const auto& name : c.required_attributes)
    schema.push_back(Json{{"Name", name}, {"AttributeDataType", "String"}, {"Mutable", true}, {"Required", true}});
  for (const auto& a : c.custom_attributes) {
    Json entry = {{"Name", a.name}, {"AttributeDataType", a.type}, {"Mutable", a.mutable_}, {"Required", false}};
    Json limits = Json::object();
    const bool number = a.type == "Number";
    if (!a.min.empty()) limits[number ? "MinValue" : "MinLength"] = a.min;
    if (!a.max.empty()) limits[number ? "MaxValue" : "MaxLength"] = a.max;
    if (!limits.empty()) entry[number ? "NumberAttributeConstraints" : "StringAttributeConstraints"] = limits;
    schema.push_back(entry);
  }
  if (!schema.empty()) r["Schema"] = schema;
  Json mechanisms = Json::array();
  using R = WizardChoices::Recovery;
  if (!c.self_service_recovery) {
    mechanisms.push_back(Json{{"Priority", 1}, {"Name", "admin_only"}});
  } else if (c.recovery == R::kEmailOnly) {
    mechanisms.push_back(Json{{"Priority", 1}, {"Name", "verified_email"}});
  } else if (c.recovery == R::kSmsOnly) {
    mechanisms.push_back(Json{{"Priority", 1}, {"Name", "verified_phone_number"}});
  } else {
    const bool email_first = c.recovery == R::kEmailThenSms;
    mechanisms.push_back(Json{{"Priority", 1}, {"Name", email_first ? "verified_email" : "verified_phone_number"}});
    mechanisms.push_back(Json{{"Priority", 2}, {"Name", email_first ? "verified_phone_number" : "verified_email"}});
  }
  r["AccountRecoverySetting"] = {{"RecoveryMechanisms", mechanisms}};
  return r;
}

Json set_mfa_config_request(const WizardChoices& c, const std::string& pool_id, const std::string& account_id) {
  if (!mfa_on(c) || !c.mfa_authenticator_apps) return nullptr;
  Json r = {{"UserPoolId", pool_id}};
  // The call sets the whole MFA configuration: SMS stays on only if named again.
  if (c.mfa_sms) r["SmsMfaConfiguration"] = {{"SmsConfiguration", sms_configuration(c, account_id)}};
  r["SoftwareTokenMfaConfiguration"] = {{"Enabled", true}};
  r["MfaConfiguration"] = mfa_name(c);
  return r;
}

Json create_domain_request(const WizardChoices& c, const std::string& pool_id) {
  if (!c.hosted_ui) return nullptr;
  if (c.domain_type == WizardChoices::DomainType::kCustom)
    return Json{{"Domain", c.custom_domain}, {"UserPoolId", pool_id}, {"CustomDomainConfig", {{"CertificateArn", c.certificate_arn}}}};
  return Json{{"Domain", c.domain_prefix}, {"UserPoolId", pool_id}};
}

std::vector<Json> create_identity_provider_requests(const WizardChoices& c, const std::string& pool_id) {
  std::vector<Json> requests;
  for (const IdentityProviderChoice* p : configured_providers(c)) {
    Json details = Json::object();
    const auto detail = [&](const char* key, const std::string& value) { details[key] = trimmed(value); };
    if (p->type == "SAML") {
      // The document as pasted: Cognito reads the XML itself.
      details["MetadataFile"] = p->metadata;
    } else {
      detail("client_id", p->client_id);
      if (p->type == "SignInWithApple") {
        detail("team_id", p->team_id);
        detail("key_id", p->key_id);
        details["private_key"] = p->private_key;
      } else {
        detail("client_secret", p->client_secret);
      }
      detail("authorize_scopes", p->scopes);
      if (p->type == "Facebook" && !blank(p->api_version)) detail("api_version", p->api_version);
      if (p->type == "OIDC") {
        detail("attributes_request_method", p->attributes_request_method);
        detail("oidc_issuer", p->issuer);
      }
    }
    Json r = {{"UserPoolId", pool_id}, {"ProviderName", provider_name(*p)}, {"ProviderType", p->type}, {"ProviderDetails", details}};
    Json mapping = Json::object();
    for (const auto& m : p->mapping) mapping[m.user_pool_attribute] = trimmed(m.provider_attribute);
    if (!mapping.empty()) r["AttributeMapping"] = mapping;
    requests.push_back(std::move(r));
  }
  return requests;
}

Json create_client_request(const WizardChoices& c, const std::string& pool_id) {
  Json r = {{"UserPoolId", pool_id}, {"ClientName", c.client_name}, {"GenerateSecret", c.generate_secret}};
  r["RefreshTokenValidity"] = c.refresh_token_validity;
  r["AccessTokenValidity"] = c.access_token_validity;
  r["IdTokenValidity"] = c.id_token_validity;
  r["TokenValidityUnits"] = {
      {"AccessToken", c.access_token_unit}, {"IdToken", c.id_token_unit}, {"RefreshToken", c.refresh_token_unit}};
  std::vector<std::string> read, write;
  for (const auto& name : permission_attributes(c)) {
    if (!has(c.unreadable_attributes, name)) read.push_back(name);
    if (writable_by_clients(name) && !has(c.unwritable_attributes, name)) write.push_back(name);
  }
  r["ReadAttributes"] = read;
  r["WriteAttributes"] = write;
  r["ExplicitAuthFlows"] = c.auth_flows;
  r["SupportedIdentityProviders"] = c.hosted_ui ? supported_identity_providers(c) : std::vector<std::string>{"COGNITO"};
  if (c.hosted_ui) {
    if (!c.callback_urls.empty()) r["CallbackURLs"] = c.callback_urls;
    if (!c.sign_out_urls.empty()) r["LogoutURLs"] = c.sign_out_urls;
    r["AllowedOAuthFlows"] = c.oauth_flows;
    r["AllowedOAuthScopes"] = c.oauth_scopes;
    r["AllowedOAuthFlowsUserPoolClient"] = true;
  }
  r["PreventUserExistenceErrors"] = c.prevent_user_existence_errors ? "ENABLED" : "LEGACY";
  r["EnableTokenRevocation"] = c.token_revocation;
  r["AuthSessionValidity"] = c.auth_session_minutes;
  return r;
}

}  // namespace userpool::web
