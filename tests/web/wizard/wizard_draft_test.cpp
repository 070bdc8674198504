#include "web/wizard/wizard_draft.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace userpool;
using web::WizardChoices;

namespace {

// Every choice away from the console's default.
WizardChoices everything_changed() {
  WizardChoices c;
  c.federated_providers = true;
  c.sign_in_username = true;
  c.sign_in_email = false;
  c.sign_in_phone = true;
  c.preferred_username = true;
  c.case_sensitive = true;
  c.custom_password_policy = true;
  c.minimum_length = 12;
  c.require_symbols = false;
  c.temporary_password_days = 3;
  c.mfa = WizardChoices::Mfa::kOptional;
  c.mfa_sms = true;
  c.self_service_recovery = false;
  c.recovery = WizardChoices::Recovery::kSmsThenEmail;
  c.self_registration = false;
  c.verify = WizardChoices::Verify::kPhoneThenEmail;
  c.keep_original_phone = true;
  c.required_attributes = {"name", "birthdate"};
  c.custom_attributes = {{"team", "String", "1", "20", false}};
  c.email_with_ses = false;
  c.from_email = "noreply@example.com";
  c.sms_new_role = false;
  c.sms_existing_role_arn = "arn:aws:iam::123456789012:role/sns";
  c.sms_external_id = "7d1b2c3a-0000-4000-8000-000000000000";
  c.pool_name = "kekepool";
  c.deletion_protection = false;
  c.hosted_ui = true;
  c.domain_prefix = "keke";
  c.app_type = WizardChoices::AppType::kConfidential;
  c.client_name = "kekeclient";
  c.generate_secret = true;
  c.callback_urls = {"https://example.com/callback"};
  c.auth_flows = {"ALLOW_USER_PASSWORD_AUTH"};
  c.refresh_token_validity = 12;
  c.refresh_token_unit = "hours";
  c.access_token_unit = "hours";
  c.access_token_validity = 2;
  c.cognito_default_from = false;
  c.domain_type = WizardChoices::DomainType::kCustom;
  c.custom_domain = "auth.example.com";
  c.certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/abc";
  c.sign_out_urls = {"https://example.com/bye"};
  c.identity_providers = {};
  c.unreadable_attributes = {"birthdate"};
  c.unwritable_attributes = {"website", "custom:team"};
  c.token_revocation = false;
  c.oauth_scopes = {"openid"};
  // Connect federated identity providers
  c.provider("Google")->selected = true;
  c.provider("Google")->client_id = "123-abc.apps.googleusercontent.com";
  c.provider("Google")->client_secret = "GOCSPX-secret";
  c.provider("Google")->mapping.push_back({"name", "name"});
  c.provider("Facebook")->api_version = "v18.0";
  c.provider("SignInWithApple")->selected = true;
  c.provider("SignInWithApple")->team_id = "ABCDE12345";
  c.provider("SignInWithApple")->key_id = "ABC123DEFG";
  c.provider("SignInWithApple")->private_key = "-----BEGIN PRIVATE KEY-----\nMIGT\n-----END PRIVATE KEY-----";
  c.provider("OIDC")->selected = true;
  c.provider("OIDC")->name = "CorpIdP";
  c.provider("OIDC")->attributes_request_method = "POST";
  c.provider("OIDC")->issuer = "https://idp.example.com";
  c.provider("SAML")->name = "CorpSAML";
  c.provider("SAML")->metadata = "<EntityDescriptor entityID=\"urn:corp\"/>";
  c.provider("SAML")->mapping.clear();
  c.federation_skipped = true;
  return c;
}

}  // namespace

TEST_CASE("A wizard draft reads back as the same choices and step") {
  const WizardChoices changed = everything_changed();
  const Json draft = web::wizard_draft(changed, 4);
  WizardChoices read;  // the console's defaults, as a new wizard starts
  CHECK(web::read_wizard_draft(draft, read) == 4);
  CHECK(web::wizard_draft(read, 4) == draft);
  CHECK(web::wizard_draft(read, 4) != web::wizard_draft(WizardChoices{}, 4));
}

TEST_CASE("A draft speaks the console's labels") {
  WizardChoices c;
  c.mfa = WizardChoices::Mfa::kOff;
  c.email_with_ses = false;
  c.required_attributes = {"name", "preferred_username", "phone_number"};
  const Json choices = web::wizard_draft(c, 2)["Choices"];
  CHECK(choices["SignInOptions"] == Json::array({"Email"}));
  CHECK(choices["PasswordPolicyMode"] == "Cognito defaults");
  CHECK(choices["Mfa"] == "No MFA");
  CHECK(choices["EmailProvider"] == "Send email with Cognito");
  CHECK(choices["ProviderTypes"] == Json::array({"Cognito user pool"}));
  CHECK(choices["RequiredAttributes"] == Json::array({"name", "preferred_username", "phone_number"}));
}

TEST_CASE("A partial or damaged draft keeps the defaults for what it lacks, and never fails") {
  const Json cases[] = {
      Json(),
      Json::array({1, 2}),
      Json{{"Step", "three"}},
      Json{{"Step", 99}, {"Choices", "not an object"}},
      Json{{"Choices", {{"Mfa", "Sometimes"}, {"PasswordMinimumLength", "eight"}, {"SignInOptions", "Email"},
                        {"RequiredAttributes", {1, "name", nullptr}}, {"CustomAttributes", {"x", {{"Name", 5}}}}}}},
  };
  for (const Json& draft : cases) {
    INFO(draft.dump());
    WizardChoices c;
    const int step = web::read_wizard_draft(draft, c);
    CHECK(step >= 1);
    CHECK(step <= web::kWizardSteps);
    CHECK(c.mfa == WizardChoices{}.mfa);
    CHECK(c.minimum_length == 8);
    CHECK(c.sign_in_email);
  }
  WizardChoices c;
  web::read_wizard_draft(Json{{"Choices", {{"RequiredAttributes", {1, "name", nullptr}}}}}, c);
  CHECK(c.required_attributes == std::vector<std::string>{"name"});
  CHECK(web::read_wizard_draft(Json{{"Step", 99}}, c) == web::kWizardSteps);
  CHECK(web::read_wizard_draft(Json{{"Step", 0}}, c) == 1);
}

TEST_CASE("A draft kept before token lifetimes had units reads its days and minutes") {
  const Json old = {{"Step", 5},
                    {"Choices", {{"RefreshTokenDays", 7}, {"AccessTokenMinutes", 30}, {"IdTokenMinutes", 45}}}};
  WizardChoices read;
  CHECK(web::read_wizard_draft(old, read) == 5);
  CHECK(read.refresh_token_validity == 7);
  CHECK(read.refresh_token_unit == "days");
  CHECK(read.access_token_validity == 30);
  CHECK(read.access_token_unit == "minutes");
  CHECK(read.id_token_validity == 45);
}

TEST_CASE("A draft keeps the federated providers in the console's words, and its step counts seven with them") {
  const WizardChoices changed = everything_changed();
  const Json draft = web::wizard_draft(changed, 6);  // Integrate your app, with federation
  const Json& choices = draft["Choices"];
  CHECK(choices["ProviderTypes"] == Json::array({"Cognito user pool", "Federated identity providers"}));
  CHECK(choices["FederatedSignInOptions"] == Json::array({"Google", "Sign in with Apple", "OpenID Connect (OIDC)"}));
  CHECK(choices["FederationSkipped"] == true);
  const Json& providers = choices["FederatedIdentityProviders"];
  CHECK(providers["Google"]["ClientId"] == "123-abc.apps.googleusercontent.com");
  CHECK(providers["Google"]["AttributeMapping"] ==
        Json::array({{{"UserPoolAttribute", "email"}, {"ProviderAttribute", "email"}},
                     {{"UserPoolAttribute", "name"}, {"ProviderAttribute", "name"}}}));
  CHECK(providers["Facebook"]["AppId"] == "");
  CHECK(providers["Facebook"]["ApiVersion"] == "v18.0");
  CHECK_FALSE(providers["Facebook"].contains("ClientId"));
  CHECK(providers["Sign in with Apple"]["ServicesId"] == "");
  CHECK(providers["Sign in with Apple"]["TeamId"] == "ABCDE12345");
  CHECK_FALSE(providers["Sign in with Apple"].contains("ClientSecret"));
  CHECK(providers["OpenID Connect (OIDC)"]["IssuerUrl"] == "https://idp.example.com");
  CHECK(providers["OpenID Connect (OIDC)"]["AttributeRequestMethod"] == "POST");
  CHECK(providers["SAML"]["MetadataDocument"] == "<EntityDescriptor entityID=\"urn:corp\"/>");
  CHECK(providers["SAML"]["AttributeMapping"] == Json::array());

  WizardChoices read;
  CHECK(web::read_wizard_draft(draft, read) == 6);
  CHECK(read.provider("Google")->mapping.size() == 2);
  CHECK(read.provider("SignInWithApple")->private_key == changed.provider("SignInWithApple")->private_key);
  CHECK(read.provider("SAML")->mapping.empty());
  CHECK(read.federation_skipped);
  CHECK(web::wizard_draft(read, 6) == draft);
  // Seven steps with federation, six without.
  CHECK(web::read_wizard_draft(Json{{"Step", 99}, {"Choices", choices}}, read) == web::kWizardStepsWithFederation);
  WizardChoices plain;
  CHECK(web::read_wizard_draft(Json{{"Step", 7}}, plain) == web::kWizardSteps);
}

TEST_CASE("A draft kept before federation had a page still loads, with the console's provider defaults") {
  // As drafts were saved before: federation ticked, no providers' members.
  const Json old = {{"Step", 3},
                    {"Choices", {{"ProviderTypes", {"Cognito user pool", "Federated identity providers"}},
                                 {"SignInOptions", {"Email"}},
                                 {"UserPoolName", "kekepool"}}}};
  WizardChoices read;
  CHECK(web::read_wizard_draft(old, read) == 3);
  CHECK(read.federated_providers);
  CHECK(read.pool_name == "kekepool");
  CHECK_FALSE(read.federation_skipped);
  CHECK(read.federation.size() == 6);
  CHECK(std::none_of(read.federation.begin(), read.federation.end(), [](const auto& p) { return p.selected; }));
  CHECK(read.provider("Google")->scopes == "profile email openid");
  CHECK(read.identity_providers == std::vector<std::string>{"COGNITO"});
  // Damaged members keep the defaults too.
  const Json damaged = {{"Choices", {{"FederatedSignInOptions", "Google"},
                                     {"FederatedIdentityProviders", {{"Google", {{"ClientId", 5}, {"AttributeMapping", "email"}}},
                                                                     {"Facebook", "x"}}}}}};
  WizardChoices c;
  CHECK(web::read_wizard_draft(damaged, c) == 1);
  CHECK(c.provider("Google")->client_id.empty());
  CHECK(c.provider("Google")->mapping.size() == 1);
  CHECK_FALSE(c.provider("Google")->selected);
}
