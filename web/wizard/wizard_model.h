// The "Create user pool" wizard's choices: the six steps of the console
// wizard the tutorials show (Developer Guide: "Creating a user pool"), seven
// when federated identity providers are ticked, with the console's defaults,
// per-step validation with Cognito's rules, and the exact requests the
// choices make (CreateUserPool, then SetUserPoolMfaConfig, CreateUserPoolDomain,
// CreateIdentityProvider and CreateUserPoolClient as the console sends them).
//
// No drawing here: wizard_panel.cpp draws it, tests check it directly.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/json.h"

namespace userpool::web {

struct CustomAttributeChoice {
  std::string name;
  std::string type = "String";  // String | Number (what the console offers)
  std::string min, max;         // optional limits
  bool mutable_ = true;
};

// One row of "Map attributes between your user pool and the provider":
// AttributeMapping's key and value.
struct AttributeMappingChoice {
  std::string user_pool_attribute;  // email, name, custom:team, ...
  std::string provider_attribute;   // the provider's claim: email, given_name, a SAML attribute's URI
};

// A federated identity provider: ticked under "Federated sign-in options"
// (step 1), then described on "Connect federated identity providers".
struct IdentityProviderChoice {
  std::string type;       // ProviderType: Facebook | Google | LoginWithAmazon | SignInWithApple | SAML | OIDC
  bool selected = false;  // ticked under "Federated sign-in options"
  std::string name;       // OIDC and SAML only: the provider name you choose (social ones take their type's)
  std::string client_id;  // Facebook: App ID; Sign in with Apple: Services ID
  std::string client_secret;  // Facebook: App secret; none for Apple
  std::string scopes;         // authorize_scopes (Facebook separates them with commas, the others with spaces)
  std::string api_version;    // Facebook
  std::string team_id, key_id, private_key;       // Sign in with Apple
  std::string attributes_request_method = "GET";  // OIDC: GET | POST
  std::string issuer;                             // OIDC: oidc_issuer, https://...
  std::string metadata;                           // SAML: the metadata document (MetadataFile)
  std::vector<AttributeMappingChoice> mapping;
};

// The six providers "Federated sign-in options" offers, in the console's
// order, each with the console's default scopes and mapping.
std::vector<IdentityProviderChoice> default_identity_provider_choices();
// "Login with Amazon", "OpenID Connect (OIDC)": what the console calls a type.
const char* provider_label(std::string_view type);
// The provider's part of widget names: google, facebook, amazon, apple, oidc, saml.
const char* provider_key(std::string_view type);
// ProviderName: Google, Facebook, LoginWithAmazon, SignInWithApple, or the
// chosen name of an OIDC or SAML provider.
std::string provider_name(const IdentityProviderChoice& p);

struct WizardChoices {
  // Step 1: Configure sign-in experience
  bool federated_providers = false;  // adds "Connect federated identity providers" as step 5
  std::vector<IdentityProviderChoice> federation = default_identity_provider_choices();
  bool sign_in_username = false;
  bool sign_in_email = true;
  bool sign_in_phone = false;
  bool preferred_username = false;   // with user name: also sign in with a preferred user name
  bool case_sensitive = false;       // "Make user name case sensitive"

  // Step 2: Configure security requirements
  bool custom_password_policy = false;  // false: "Cognito defaults"
  int minimum_length = 8;
  bool require_numbers = true, require_symbols = true, require_uppercase = true, require_lowercase = true;
  int temporary_password_days = 7;
  enum class Mfa { kRequired, kOptional, kOff } mfa = Mfa::kRequired;  // console default: Require MFA
  bool mfa_authenticator_apps = true;
  bool mfa_sms = false;
  bool self_service_recovery = true;
  enum class Recovery { kEmailOnly, kSmsOnly, kEmailThenSms, kSmsThenEmail } recovery = Recovery::kEmailOnly;

  // Step 3: Configure sign-up experience
  bool self_registration = true;
  bool cognito_assisted_verification = true;
  enum class Verify { kEmail, kPhone, kPhoneThenEmail } verify = Verify::kEmail;
  bool keep_original_when_pending = true;
  bool keep_original_email = true, keep_original_phone = false;
  std::vector<std::string> required_attributes;  // standard attribute names
  std::vector<CustomAttributeChoice> custom_attributes;

  // Step 4: Configure message delivery
  bool email_with_ses = true;  // console default: "Send email with Amazon SES - Recommended"
  std::string ses_region = "us-east-1";
  std::string from_email, from_name, reply_to, configuration_set;
  // With "Send email with Cognito": FROM no-reply@verificationemail.com, or
  // an address of yours that Amazon SES has verified (Cognito still sends,
  // within its 50-a-day quota; the pool's EmailConfiguration names it as
  // SourceArn). The SES Region and FROM address above are reused.
  bool cognito_default_from = true;
  bool sms_new_role = true;
  std::string sms_role_name = "CognitoIdpSNSServiceRole";
  std::string sms_existing_role_arn;
  std::string sns_region = "us-east-1";
  std::string sms_external_id;  // a UUID the console makes for the role's trust policy

  // Step 5 with federation: Connect federated identity providers. "Skip
  // for now" keeps what was filled in but creates no provider.
  bool federation_skipped = false;

  // Step 5 (6 with federation): Integrate your app
  std::string pool_name;
  bool deletion_protection = true;  // console-created pools are protected
  bool hosted_ui = false;
  enum class DomainType { kCognito, kCustom } domain_type = DomainType::kCognito;
  std::string domain_prefix;    // a Cognito domain: <prefix>.auth.<region>.amazoncognito.com
  std::string custom_domain;    // a custom domain (auth.example.com) ...
  std::string certificate_arn;  // ... with its ACM certificate in us-east-1
  enum class AppType { kPublic, kConfidential, kOther } app_type = AppType::kPublic;
  std::string client_name;
  bool generate_secret = false;
  std::vector<std::string> callback_urls;
  std::vector<std::string> sign_out_urls;
  // The app client's identity providers: "Cognito user pool" (COGNITO) and
  // the configured providers' names; those of providers not configured
  // (any more) are left out of the request.
  std::vector<std::string> identity_providers = {"COGNITO"};
  std::vector<std::string> auth_flows = {"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"};
  int auth_session_minutes = 3;
  // Token lifetimes as the console asks for them: a number and its unit
  // (minutes | hours | days), with the console's defaults.
  int refresh_token_validity = 30;
  std::string refresh_token_unit = "days";
  int access_token_validity = 60;
  std::string access_token_unit = "minutes";
  int id_token_validity = 60;
  std::string id_token_unit = "minutes";
  bool token_revocation = true;
  bool prevent_user_existence_errors = true;
  std::vector<std::string> oauth_flows = {"code"};
  std::vector<std::string> oauth_scopes = {"email", "openid", "phone"};
  // Attribute read and write permissions: every box starts ticked, so the
  // choices are kept as the boxes unticked (custom attributes added later
  // in step 3 arrive ticked, as in the console).
  std::vector<std::string> unreadable_attributes, unwritable_attributes;

  // Whether anything needs SMS (and so an IAM role for Amazon SNS).
  bool uses_sms() const;
  // Whether the "User name requirements" section applies.
  bool has_username() const { return sign_in_username; }
  // A provider of `federation` by type (Google, OIDC, ...); null for another type.
  IdentityProviderChoice* provider(std::string_view type);
  const IdentityProviderChoice* provider(std::string_view type) const;
};

// The providers CreateIdentityProvider is sent for: those ticked, while
// federation is on and its page was not skipped.
std::vector<const IdentityProviderChoice*> configured_providers(const WizardChoices& c);
std::vector<std::string> configured_provider_names(const WizardChoices& c);
// Ticks on the app client each provider configured now and not `before`
// (the console ticks a new provider), and unticks those no longer configured.
void tick_new_providers(WizardChoices& c, const std::vector<std::string>& before);

// The wizard's pages, whatever their number: federation adds a page after
// "Configure message delivery", and the pages after it move one step on.
// Displayed step numbers (1..6, or 1..7) come from the choices.
enum class WizardPage { kSignIn, kSecurity, kSignUp, kMessages, kFederation, kApp, kReview };

inline constexpr int kWizardSteps = 6;                // without federation
inline constexpr int kWizardStepsWithFederation = 7;  // with it
std::vector<WizardPage> wizard_pages(const WizardChoices& c);
int wizard_step_count(const WizardChoices& c);
// The displayed number of a page (1-based), or 0 when the page is not in this wizard.
int wizard_step_number(const WizardChoices& c, WizardPage page);
// The page shown as step `step` (clamped to the wizard's steps).
WizardPage wizard_page_at(const WizardChoices& c, int step);
const char* wizard_page_title(WizardPage page);

struct FieldError {
  std::string field;    // the widget name the error belongs to (e.g. "wizard.pool_name")
  std::string message;  // a sentence in Cognito's words
};

// What stops the wizard going past a page; the review page checks them all.
std::vector<FieldError> validate_page(const WizardChoices& c, WizardPage page);
// The same by displayed step number: 1..5 (1..6 with federation) check
// their page, the last step checks them all.
std::vector<FieldError> validate_step(const WizardChoices& c, int step);

// The requests the console sends, in order. The account ID and Region make
// the SMS role ARN; `pool_id` is filled in after CreateUserPool answers.
Json create_user_pool_request(const WizardChoices& c, const std::string& account_id);
// SetUserPoolMfaConfig, needed only when MFA uses authenticator apps
// (CreateUserPool can only turn on SMS MFA); null when not needed.
Json set_mfa_config_request(const WizardChoices& c, const std::string& pool_id, const std::string& account_id);
// CreateUserPoolDomain, when the hosted UI is on; null otherwise.
Json create_domain_request(const WizardChoices& c, const std::string& pool_id);
// CreateIdentityProvider for each configured provider, in the console's order.
std::vector<Json> create_identity_provider_requests(const WizardChoices& c, const std::string& pool_id);
Json create_client_request(const WizardChoices& c, const std::string& pool_id);

// The attributes of the read and write grid, in the console's order: the
// standard attributes (without sub, which every client reads), then the
// custom ones as custom:<name>.
std::vector<std::string> permission_attributes(const WizardChoices& c);
// A lifetime in minutes, from a number and the console's unit.
int lifetime_minutes(int value, std::string_view unit);

// Setting the sign-in options may change dependent defaults (verification
// attribute, required email/phone), as the console does.
void apply_sign_in_defaults(WizardChoices& c);

}  // namespace userpool::web
