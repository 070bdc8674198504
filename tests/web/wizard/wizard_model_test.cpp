#include "web/wizard/wizard_model.h"

#include <catch2/catch.hpp>

#include <algorithm>

#include "core/api/dispatcher.h"
#include "tests/core/test_keys.h"

using namespace userpool;
using namespace userpool::web;

namespace {

// An account whose pools share keys made once.
Account test_account() {
  Account a;
  a.make_pool_keys = [](RandomSource&) { return test::shared_pool_keys(); };
  return a;
}

// Runs the wizard's requests through the engine, as the "Create user pool"
// button does; returns the pool and client IDs, or the first error.
struct Created {
  int status = 200;
  Json error;
  std::string pool, client;
};

Created create(Account& a, const WizardChoices& c) {
  Created out;
  const auto step = [&](const char* op, const Json& request) {
    if (out.status != 200 || request.is_null()) return Json();
    const Response r = call(a, op, request);
    if (r.status != 200) {
      out.status = r.status;
      out.error = Json{{"op", op}, {"request", request}, {"response", r.body}};
    }
    return r.body;
  };
  const Json pool = step("CreateUserPool", create_user_pool_request(c, a.account_id));
  if (out.status != 200) return out;
  out.pool = pool["UserPool"]["Id"].get<std::string>();
  step("SetUserPoolMfaConfig", set_mfa_config_request(c, out.pool, a.account_id));
  step("CreateUserPoolDomain", create_domain_request(c, out.pool));
  const Json client = step("CreateUserPoolClient", create_client_request(c, out.pool));
  if (out.status == 200) out.client = client["UserPoolClient"]["ClientId"].get<std::string>();
  return out;
}

// The choices of create-user-pool-lab.md, tasks 3 to 7.
WizardChoices lab_choices() {
  WizardChoices c;
  c.sign_in_email = true;  // Task 3: Cognito user pool sign-in options: Email
  apply_sign_in_defaults(c);
  c.custom_password_policy = false;  // Task 4: Cognito defaults
  c.mfa = WizardChoices::Mfa::kOff;  // "We choose No MFA for this lab."
  c.self_registration = true;        // Task 5: users can sign themselves up
  for (const char* a : {"name", "preferred_username", "phone_number"}) c.required_attributes.push_back(a);
  c.email_with_ses = false;  // Task 6: Send email with Cognito
  c.pool_name = "kekepool";
  c.client_name = "kekeclient";  // Task 7
  return c;
}

}  // namespace

TEST_CASE("The lab's wizard choices make a pool with exactly the lab's settings") {
  Account a = test_account();
  const WizardChoices c = lab_choices();
  for (int step = 1; step <= kWizardSteps; ++step) CHECK(validate_step(c, step).empty());
  const Created made = create(a, c);
  INFO(made.error.dump());
  REQUIRE(made.status == 200);
  const Json pool = call(a, "DescribeUserPool", {{"UserPoolId", made.pool}}).body["UserPool"];
  CHECK(pool["UsernameAttributes"] == Json::array({"email"}));
  CHECK(pool["AutoVerifiedAttributes"] == Json::array({"email"}));
  CHECK(pool["MfaConfiguration"] == "OFF");
  CHECK(pool["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"] == false);
  CHECK(pool["EmailConfiguration"]["EmailSendingAccount"] == "COGNITO_DEFAULT");
  CHECK(pool["DeletionProtection"] == "ACTIVE");
  CHECK(pool["UsernameConfiguration"]["CaseSensitive"] == false);
  CHECK(pool["Policies"]["PasswordPolicy"]["MinimumLength"] == 8);
  CHECK(pool["AccountRecoverySetting"]["RecoveryMechanisms"][0]["Name"] == "verified_email");
  std::vector<std::string> required;
  for (const auto& attribute : pool["SchemaAttributes"])
    if (attribute["Required"] == true) required.push_back(attribute["Name"].get<std::string>());
  CHECK(required == std::vector<std::string>{"sub", "name", "preferred_username", "email", "phone_number"});
  const Json client = call(a, "DescribeUserPoolClient", {{"UserPoolId", made.pool}, {"ClientId", made.client}}).body["UserPoolClient"];
  CHECK(client["ClientName"] == "kekeclient");
  CHECK_FALSE(client.contains("ClientSecret"));
  CHECK(client["PreventUserExistenceErrors"] == "ENABLED");
  CHECK(client["ExplicitAuthFlows"] == Json::array({"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}));
}

TEST_CASE("Every combination of wizard choices that passes validation is accepted by the API") {
  Account a = test_account();
  int made = 0;
  using M = WizardChoices::Mfa;
  using R = WizardChoices::Recovery;
  for (int sign_in = 1; sign_in < 8; ++sign_in)
    for (M mfa : {M::kRequired, M::kOptional, M::kOff})
      for (int methods = 1; methods <= 3; ++methods)
        for (R recovery : {R::kEmailOnly, R::kSmsOnly, R::kEmailThenSms})
          for (bool ses : {false, true}) {
            WizardChoices c;
            c.sign_in_username = (sign_in & 1) != 0;
            c.sign_in_email = (sign_in & 2) != 0;
            c.sign_in_phone = (sign_in & 4) != 0;
            apply_sign_in_defaults(c);
            c.preferred_username = c.sign_in_username && methods == 2;
            c.mfa = mfa;
            c.mfa_authenticator_apps = (methods & 1) != 0;
            c.mfa_sms = (methods & 2) != 0;
            c.recovery = recovery;
            c.email_with_ses = ses;
            c.from_email = "no-reply@example.com";
            c.hosted_ui = methods == 3;
            c.domain_prefix = "demo-" + std::to_string(made);
            c.callback_urls = {"https://example.com/callback"};
            c.custom_attributes = {{"team", "String", "1", "32", true}};
            c.pool_name = "pool " + std::to_string(made);
            c.client_name = "app";
            c.sms_external_id = "0e8b3c1a-2b44-4c9f-8a61-6d6f1b1a2c3d";
            bool valid = true;
            for (int step = 1; step <= kWizardSteps; ++step) valid = valid && validate_step(c, step).empty();
            if (!valid) continue;
            const Created result = create(a, c);
            INFO(result.error.dump());
            REQUIRE(result.status == 200);
            ++made;
            // SMS MFA and authenticator apps end up as chosen.
            const Json mfa_config = call(a, "GetUserPoolMfaConfig", {{"UserPoolId", result.pool}}).body;
            const bool on = mfa != M::kOff;
            CHECK(mfa_config["SoftwareTokenMfaConfiguration"]["Enabled"] == (on && c.mfa_authenticator_apps));
            CHECK(mfa_config.contains("SmsMfaConfiguration") == (on && c.mfa_sms));
            CHECK(mfa_config["MfaConfiguration"] == (on ? (mfa == M::kRequired ? "ON" : "OPTIONAL") : "OFF"));
          }
  CHECK(made > 100);
}

TEST_CASE("Each wizard step says what stops it, on the field at fault") {
  const auto fields = [](const std::vector<FieldError>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.field);
    return out;
  };
  WizardChoices c = lab_choices();
  c.sign_in_email = false;
  CHECK(fields(validate_step(c, 1)) == std::vector<std::string>{"wizard.sign_in_options"});

  c = lab_choices();
  c.custom_password_policy = true;
  c.minimum_length = 5;
  c.mfa = WizardChoices::Mfa::kRequired;
  c.mfa_authenticator_apps = c.mfa_sms = false;
  CHECK(fields(validate_step(c, 2)) == std::vector<std::string>{"wizard.minimum_length", "wizard.mfa_methods"});

  c = lab_choices();
  c.custom_attributes = {{"email", "String", "", "", true}, {"team", "String", "x", "", true}, {"team", "Number", "", "", true}};
  CHECK(validate_step(c, 3).size() == 3);

  c = lab_choices();
  c.email_with_ses = true;
  c.from_email = "not-an-address";
  CHECK(fields(validate_step(c, 4)) == std::vector<std::string>{"wizard.from_email"});

  c = lab_choices();
  c.pool_name = "";
  c.hosted_ui = true;
  c.domain_prefix = "my-cognito-app";
  c.callback_urls = {"http://example.com"};
  c.access_token_validity = 2;
  CHECK(fields(validate_step(c, 5)) == std::vector<std::string>{"wizard.pool_name", "wizard.domain", "wizard.callback_urls",
                                                                "wizard.access_token"});
  // The review step checks everything at once.
  CHECK(validate_step(c, 6).size() == 4);
}

TEST_CASE("Choosing sign-in options sets the console's dependent defaults") {
  WizardChoices c;
  c.sign_in_email = false;
  c.sign_in_phone = true;
  apply_sign_in_defaults(c);
  CHECK(c.verify == WizardChoices::Verify::kPhone);
  CHECK(c.recovery == WizardChoices::Recovery::kSmsOnly);
  CHECK(c.required_attributes == std::vector<std::string>{"phone_number"});
  CHECK(c.uses_sms());
  c.sign_in_email = true;
  apply_sign_in_defaults(c);
  CHECK(c.verify == WizardChoices::Verify::kPhoneThenEmail);
}

TEST_CASE("The hosted UI choices of Integrate your app make the domain and the OAuth client the console makes") {
  Account a = test_account();
  WizardChoices c = lab_choices();
  c.hosted_ui = true;
  c.domain_type = WizardChoices::DomainType::kCustom;
  c.custom_domain = "auth.example.com";
  c.certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/4f1e2d3c";
  c.callback_urls = {"https://example.com/callback", "http://localhost:3000/callback"};
  c.sign_out_urls = {"https://example.com/signed-out"};
  c.oauth_flows = {"code", "implicit"};
  c.oauth_scopes = {"openid", "profile", "aws.cognito.signin.user.admin"};
  c.refresh_token_validity = 1500;
  c.refresh_token_unit = "minutes";  // longer than the ID token's day, as it must be
  c.access_token_validity = 2;
  c.access_token_unit = "hours";
  c.id_token_validity = 1;
  c.id_token_unit = "days";
  c.unreadable_attributes = {"birthdate"};
  c.unwritable_attributes = {"website"};
  for (int step = 1; step <= kWizardSteps; ++step) CHECK(validate_step(c, step).empty());
  const Created made = create(a, c);
  INFO(made.error.dump());
  REQUIRE(made.status == 200);

  const Json domain = call(a, "DescribeUserPoolDomain", {{"Domain", "auth.example.com"}}).body["DomainDescription"];
  CHECK(domain["UserPoolId"] == made.pool);
  CHECK(domain["CustomDomainConfig"]["CertificateArn"] == c.certificate_arn);
  const Json client = call(a, "DescribeUserPoolClient", {{"UserPoolId", made.pool}, {"ClientId", made.client}}).body["UserPoolClient"];
  CHECK(client["CallbackURLs"] == Json::array({"https://example.com/callback", "http://localhost:3000/callback"}));
  CHECK(client["LogoutURLs"] == Json::array({"https://example.com/signed-out"}));
  CHECK(client["AllowedOAuthFlows"] == Json::array({"code", "implicit"}));
  CHECK(client["AllowedOAuthScopes"] == Json::array({"openid", "profile", "aws.cognito.signin.user.admin"}));
  CHECK(client["AllowedOAuthFlowsUserPoolClient"] == true);
  CHECK(client["SupportedIdentityProviders"] == Json::array({"COGNITO"}));
  CHECK(client["RefreshTokenValidity"] == 1500);
  CHECK(client["AccessTokenValidity"] == 2);
  CHECK(client["IdTokenValidity"] == 1);
  CHECK(client["TokenValidityUnits"] == Json{{"AccessToken", "hours"}, {"IdToken", "days"}, {"RefreshToken", "minutes"}});
  const auto has = [](const Json& list, const char* name) { return std::find(list.begin(), list.end(), Json(name)) != list.end(); };
  CHECK_FALSE(has(client["ReadAttributes"], "birthdate"));
  CHECK(has(client["ReadAttributes"], "website"));
  CHECK(has(client["ReadAttributes"], "email_verified"));
  CHECK_FALSE(has(client["WriteAttributes"], "website"));
  CHECK(has(client["WriteAttributes"], "birthdate"));
  CHECK_FALSE(has(client["WriteAttributes"], "email_verified"));  // Cognito's to set
}

TEST_CASE("Integrate your app refuses what Cognito would, on the field at fault") {
  const auto fields = [](const WizardChoices& c) {
    std::vector<std::string> out;
    for (const auto& e : validate_step(c, 5)) out.push_back(e.field);
    return out;
  };
  WizardChoices c = lab_choices();
  c.refresh_token_validity = 59;
  c.refresh_token_unit = "minutes";  // the shortest is 60 minutes
  c.id_token_validity = 2;
  c.id_token_unit = "days";  // the longest is 1 day
  CHECK(fields(c) == std::vector<std::string>{"wizard.refresh_token", "wizard.id_token"});
  c.refresh_token_validity = 60;
  c.id_token_validity = 24;
  c.id_token_unit = "hours";
  CHECK(fields(c) == std::vector<std::string>{"wizard.refresh_token"});  // not longer than the ID token
  c.id_token_validity = 59;
  c.id_token_unit = "minutes";
  c.access_token_validity = 30;
  CHECK(fields(c).empty());

  c = lab_choices();
  c.hosted_ui = true;
  c.domain_prefix = "keke-demo";
  c.callback_urls = {"https://example.com/callback"};
  c.oauth_flows = {"code", "client_credentials"};  // with a public client, and with code
  c.oauth_scopes = {"email"};                      // without openid
  c.sign_out_urls = {"https://example.com/#bye"};
  c.identity_providers.clear();
  const auto found = fields(c);
  for (const char* field : {"wizard.grant", "wizard.scopes", "wizard.sign_out_urls", "wizard.idp"}) {
    INFO(field);
    CHECK(std::find(found.begin(), found.end(), field) != found.end());
  }

  c = lab_choices();
  c.hosted_ui = true;
  c.domain_type = WizardChoices::DomainType::kCustom;
  c.custom_domain = "localhost";
  c.certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/x";  // not us-east-1
  c.callback_urls = {"https://example.com/callback"};
  CHECK(fields(c) == std::vector<std::string>{"wizard.custom_domain", "wizard.certificate"});

  c = lab_choices();  // name is required: the client must be able to write it
  c.unwritable_attributes = {"name"};
  CHECK(fields(c) == std::vector<std::string>{"wizard.permissions"});
}

TEST_CASE("Send email with Cognito, FROM an SES-verified address: Cognito sends, and the pool names the identity") {
  Account a = test_account();
  WizardChoices c = lab_choices();
  c.cognito_default_from = false;
  c.from_email = "bad";
  CHECK(validate_step(c, 4).size() == 1);
  c.from_email = "hello@example.com";
  CHECK(validate_step(c, 4).empty());
  const Created made = create(a, c);
  INFO(made.error.dump());
  REQUIRE(made.status == 200);
  const Json email = call(a, "DescribeUserPool", {{"UserPoolId", made.pool}}).body["UserPool"]["EmailConfiguration"];
  CHECK(email["EmailSendingAccount"] == "COGNITO_DEFAULT");
  CHECK(email["SourceArn"] == "arn:aws:ses:us-east-1:" + a.account_id + ":identity/hello@example.com");
}

namespace {

// The lab's choices with federation ticked and each provider type filled
// in as its section asks (the console's default scopes and mapping).
WizardChoices federated_choices() {
  WizardChoices c = lab_choices();
  c.federated_providers = true;
  for (auto& p : c.federation) p.selected = true;
  IdentityProviderChoice& google = *c.provider("Google");
  google.client_id = "123-abc.apps.googleusercontent.com";
  google.client_secret = "GOCSPX-google-secret";
  IdentityProviderChoice& facebook = *c.provider("Facebook");
  facebook.client_id = "1613644848950245";
  facebook.client_secret = "facebook-secret";
  IdentityProviderChoice& amazon = *c.provider("LoginWithAmazon");
  amazon.client_id = "amzn1.application-oa2-client.0123";
  amazon.client_secret = "amazon-secret";
  IdentityProviderChoice& apple = *c.provider("SignInWithApple");
  apple.client_id = "com.example.signin";
  apple.team_id = "ABCDE12345";
  apple.key_id = "ABC123DEFG";
  apple.private_key = "-----BEGIN PRIVATE KEY-----\nMIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg\n-----END PRIVATE KEY-----";
  IdentityProviderChoice& oidc = *c.provider("OIDC");
  oidc.name = "CorpIdP";
  oidc.client_id = "corp-client";
  oidc.client_secret = "corp-secret";
  oidc.attributes_request_method = "POST";
  oidc.issuer = "https://idp.example.com";
  IdentityProviderChoice& saml = *c.provider("SAML");
  saml.name = "CorpSAML";
  saml.metadata = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://sso.example.com\"/>";
  tick_new_providers(c, {});
  c.hosted_ui = true;
  c.domain_prefix = "keke-federation";
  c.callback_urls = {"https://example.com/callback"};
  return c;
}

std::vector<std::string> fields_of(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field);
  return out;
}

}  // namespace

TEST_CASE("Federated identity providers add a step: Connect federated identity providers is 5, Integrate your app 6, Review 7") {
  WizardChoices c = lab_choices();
  CHECK(wizard_step_count(c) == 6);
  CHECK(wizard_step_number(c, WizardPage::kFederation) == 0);
  CHECK(wizard_step_number(c, WizardPage::kApp) == 5);
  CHECK(wizard_page_at(c, 6) == WizardPage::kReview);
  CHECK(wizard_page_at(c, 99) == WizardPage::kReview);
  CHECK(wizard_page_at(c, 0) == WizardPage::kSignIn);
  c.federated_providers = true;
  CHECK(wizard_step_count(c) == 7);
  CHECK(wizard_pages(c) == std::vector<WizardPage>{WizardPage::kSignIn, WizardPage::kSecurity, WizardPage::kSignUp,
                                                   WizardPage::kMessages, WizardPage::kFederation, WizardPage::kApp,
                                                   WizardPage::kReview});
  CHECK(wizard_step_number(c, WizardPage::kMessages) == 4);
  CHECK(wizard_step_number(c, WizardPage::kFederation) == 5);
  CHECK(wizard_step_number(c, WizardPage::kApp) == 6);
  CHECK(wizard_step_number(c, WizardPage::kReview) == 7);
  CHECK(std::string(wizard_page_title(wizard_page_at(c, 5))) == "Connect federated identity providers");
  // Step 1 needs a federated sign-in option once federation is ticked.
  CHECK(fields_of(validate_step(c, 1)) == std::vector<std::string>{"wizard.federated_options"});
  c.provider("Google")->selected = true;
  CHECK(validate_step(c, 1).empty());
  // validate_step follows the numbering: 5 is the providers' page, 6 Integrate your app.
  CHECK(fields_of(validate_step(c, 5)) ==
        std::vector<std::string>{"wizard.federation.google.client_id", "wizard.federation.google.client_secret"});
  c.pool_name.clear();
  CHECK(fields_of(validate_step(c, 6)) == std::vector<std::string>{"wizard.pool_name"});
  CHECK(validate_step(c, 7).size() == 3);  // the review checks every page
}

TEST_CASE("The console's default scopes and mapping for each federated provider") {
  const WizardChoices c;
  CHECK(c.federation.size() == 6);
  const auto scopes = [&](const char* type) { return c.provider(type)->scopes; };
  CHECK(scopes("Google") == "profile email openid");
  CHECK(scopes("Facebook") == "public_profile, email");
  CHECK(scopes("LoginWithAmazon") == "profile postal_code");
  CHECK(scopes("SignInWithApple") == "email name");
  CHECK(scopes("OIDC") == "openid email profile");
  CHECK(c.provider("Facebook")->api_version == "v17.0");
  for (const char* type : {"Google", "Facebook", "LoginWithAmazon", "SignInWithApple", "OIDC"}) {
    INFO(type);
    REQUIRE(c.provider(type)->mapping.size() == 1);
    CHECK(c.provider(type)->mapping[0].user_pool_attribute == "email");
    CHECK(c.provider(type)->mapping[0].provider_attribute == "email");
  }
  REQUIRE(c.provider("SAML")->mapping.size() == 1);
  CHECK(c.provider("SAML")->mapping[0].provider_attribute == "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress");
  CHECK(c.provider("Twitter") == nullptr);
}

TEST_CASE("Each federated provider's choices make the CreateIdentityProvider request the console sends") {
  const WizardChoices c = federated_choices();
  for (int step = 1; step <= wizard_step_count(c); ++step) {
    INFO("step " << step);
    for (const auto& e : validate_step(c, step)) INFO(e.field << ": " << e.message);
    CHECK(validate_step(c, step).empty());
  }
  const std::vector<Json> requests = create_identity_provider_requests(c, "us-east-1_abc");
  REQUIRE(requests.size() == 6);
  const auto find = [&](const char* name) {
    for (const Json& r : requests)
      if (r["ProviderName"] == name) return r;
    FAIL("no request for " << name);
    return Json();
  };
  // In the console's order.
  std::vector<std::string> names;
  for (const Json& r : requests) names.push_back(r["ProviderName"].get<std::string>());
  CHECK(names == std::vector<std::string>{"Facebook", "Google", "LoginWithAmazon", "SignInWithApple", "CorpSAML", "CorpIdP"});
  for (const Json& r : requests) CHECK(r["UserPoolId"] == "us-east-1_abc");

  CHECK(find("Google")["ProviderType"] == "Google");
  CHECK(find("Google")["ProviderDetails"] == Json{{"client_id", "123-abc.apps.googleusercontent.com"},
                                                  {"client_secret", "GOCSPX-google-secret"},
                                                  {"authorize_scopes", "profile email openid"}});
  CHECK(find("Google")["AttributeMapping"] == Json{{"email", "email"}});
  CHECK(find("Facebook")["ProviderDetails"] == Json{{"client_id", "1613644848950245"},
                                                    {"client_secret", "facebook-secret"},
                                                    {"authorize_scopes", "public_profile, email"},
                                                    {"api_version", "v17.0"}});
  CHECK(find("LoginWithAmazon")["ProviderType"] == "LoginWithAmazon");
  CHECK(find("LoginWithAmazon")["ProviderDetails"]["authorize_scopes"] == "profile postal_code");
  const Json apple = find("SignInWithApple")["ProviderDetails"];
  CHECK(apple == Json{{"client_id", "com.example.signin"}, {"team_id", "ABCDE12345"}, {"key_id", "ABC123DEFG"},
                      {"private_key", c.provider("SignInWithApple")->private_key}, {"authorize_scopes", "email name"}});
  CHECK_FALSE(apple.contains("client_secret"));
  CHECK(find("CorpIdP")["ProviderType"] == "OIDC");
  CHECK(find("CorpIdP")["ProviderDetails"] == Json{{"client_id", "corp-client"}, {"client_secret", "corp-secret"},
                                                   {"authorize_scopes", "openid email profile"},
                                                   {"attributes_request_method", "POST"},
                                                   {"oidc_issuer", "https://idp.example.com"}});
  CHECK(find("CorpSAML")["ProviderType"] == "SAML");
  CHECK(find("CorpSAML")["ProviderDetails"] == Json{{"MetadataFile", c.provider("SAML")->metadata}});
  CHECK(find("CorpSAML")["AttributeMapping"] ==
        Json{{"email", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"}});

  // The client names them all when the hosted UI is on.
  CHECK(create_client_request(c, "us-east-1_abc")["SupportedIdentityProviders"] ==
        Json::array({"COGNITO", "Facebook", "Google", "LoginWithAmazon", "SignInWithApple", "CorpSAML", "CorpIdP"}));
}

TEST_CASE("The federated providers the wizard configures are created before the app client that names them") {
  Account a = test_account();
  WizardChoices c = federated_choices();
  c.provider("SAML")->selected = false;  // SAML's metadata is read by its own engine tests
  tick_new_providers(c, configured_provider_names(federated_choices()));
  IdentityProviderChoice& google = *c.provider("Google");
  google.mapping.push_back({"name", "name"});
  google.client_id = "  123-abc.apps.googleusercontent.com\n";  // pasted with white space around it
  for (int step = 1; step <= wizard_step_count(c); ++step) CHECK(validate_step(c, step).empty());

  Created made;
  const Json pool = call(a, "CreateUserPool", create_user_pool_request(c, a.account_id)).body;
  made.pool = pool["UserPool"]["Id"].get<std::string>();
  REQUIRE(call(a, "CreateUserPoolDomain", create_domain_request(c, made.pool)).status == 200);
  for (const Json& request : create_identity_provider_requests(c, made.pool)) {
    const Response r = call(a, "CreateIdentityProvider", request);
    INFO(request.dump() << "\n" << r.body.dump());
    REQUIRE(r.status == 200);
  }
  const Response client = call(a, "CreateUserPoolClient", create_client_request(c, made.pool));
  INFO(client.body.dump());
  REQUIRE(client.status == 200);

  const Json listed = call(a, "ListIdentityProviders", {{"UserPoolId", made.pool}}).body["Providers"];
  CHECK(listed.size() == 5);
  const auto describe = [&](const char* name) {
    return call(a, "DescribeIdentityProvider", {{"UserPoolId", made.pool}, {"ProviderName", name}}).body["IdentityProvider"];
  };
  const Json g = describe("Google");
  CHECK(g["ProviderType"] == "Google");
  CHECK(g["ProviderDetails"]["client_id"] == "123-abc.apps.googleusercontent.com");
  CHECK(g["ProviderDetails"]["authorize_url"] == "https://accounts.google.com/o/oauth2/v2/auth");  // Cognito's addition
  CHECK(g["AttributeMapping"]["email"] == "email");
  CHECK(g["AttributeMapping"]["name"] == "name");
  CHECK(describe("Facebook")["ProviderDetails"]["api_version"] == "v17.0");
  CHECK(describe("SignInWithApple")["ProviderType"] == "SignInWithApple");
  CHECK(describe("CorpIdP")["ProviderDetails"]["oidc_issuer"] == "https://idp.example.com");
  CHECK(describe("CorpIdP")["ProviderDetails"]["attributes_request_method"] == "POST");
  CHECK(client.body["UserPoolClient"]["SupportedIdentityProviders"] ==
        Json::array({"COGNITO", "Facebook", "Google", "LoginWithAmazon", "SignInWithApple", "CorpIdP"}));
}

TEST_CASE("Skip for now, or federation unticked, keeps the providers' choices but creates none") {
  WizardChoices c = federated_choices();
  c.federation_skipped = true;
  CHECK(create_identity_provider_requests(c, "p").empty());
  CHECK(configured_providers(c).empty());
  // The providers' fields are not checked, and the client names only COGNITO.
  c.provider("Google")->client_id.clear();
  for (int step = 1; step <= wizard_step_count(c); ++step) CHECK(validate_step(c, step).empty());
  CHECK(create_client_request(c, "p")["SupportedIdentityProviders"] == Json::array({"COGNITO"}));
  CHECK(c.provider("Facebook")->client_id == "1613644848950245");  // kept

  c = federated_choices();
  c.federated_providers = false;
  CHECK(create_identity_provider_requests(c, "p").empty());
  CHECK(wizard_step_count(c) == 6);
  CHECK(create_client_request(c, "p")["SupportedIdentityProviders"] == Json::array({"COGNITO"}));
}

TEST_CASE("A provider configured is ticked on the app client; one no longer configured is unticked") {
  WizardChoices c = lab_choices();
  c.federated_providers = true;
  c.provider("Google")->selected = true;
  tick_new_providers(c, {});
  CHECK(c.identity_providers == std::vector<std::string>{"COGNITO", "Google"});
  // Unticked by the learner: it stays so while the providers are unchanged.
  std::erase(c.identity_providers, "Google");
  tick_new_providers(c, {"Google"});
  CHECK(c.identity_providers == std::vector<std::string>{"COGNITO"});
  // An OIDC provider renamed: the new name replaces the old.
  c.provider("OIDC")->selected = true;
  c.provider("OIDC")->name = "Corp";
  tick_new_providers(c, {"Google"});
  CHECK(c.identity_providers == std::vector<std::string>{"COGNITO", "Corp"});
  c.provider("OIDC")->name = "CorpIdP";
  tick_new_providers(c, {"Google", "Corp"});
  CHECK(c.identity_providers == std::vector<std::string>{"COGNITO", "CorpIdP"});
  // Skipped: none is offered; COGNITO stays.
  c.federation_skipped = true;
  tick_new_providers(c, {"Google", "CorpIdP"});
  CHECK(c.identity_providers == std::vector<std::string>{"COGNITO"});
}

TEST_CASE("Connect federated identity providers refuses what Cognito would, on the field at fault") {
  const auto fields = [](const WizardChoices& c) { return fields_of(validate_page(c, WizardPage::kFederation)); };
  WizardChoices c = federated_choices();
  for (auto& p : c.federation) p.selected = false;

  c.provider("Google")->selected = true;
  c.provider("Google")->client_secret = " ";
  c.provider("Google")->scopes.clear();
  CHECK(fields(c) == std::vector<std::string>{"wizard.federation.google.client_secret", "wizard.federation.google.scopes"});
  c.provider("Google")->selected = false;

  // Apple: a Team ID, Key ID and private key instead of a secret.
  c.provider("SignInWithApple")->selected = true;
  c.provider("SignInWithApple")->team_id.clear();
  c.provider("SignInWithApple")->private_key.clear();
  CHECK(fields(c) == std::vector<std::string>{"wizard.federation.apple.team_id", "wizard.federation.apple.private_key"});
  c.provider("SignInWithApple")->selected = false;

  // OIDC: a name by Cognito's rule, openid among the scopes, an https:// issuer.
  IdentityProviderChoice& oidc = *c.provider("OIDC");
  oidc.selected = true;
  for (const char* bad : {"ab", "Corp IdP", "Corp_IdP", "a-name-that-is-much-longer-than-32", "COGNITO", "Google"}) {
    INFO(bad);
    oidc.name = bad;
    CHECK(fields(c) == std::vector<std::string>{"wizard.federation.oidc.name"});
  }
  oidc.name = "C_orp";  // "_" may be the second character
  CHECK(fields(c).empty());
  oidc.scopes = "email profile";
  oidc.issuer = "http://idp.example.com";
  CHECK(fields(c) == std::vector<std::string>{"wizard.federation.oidc.scopes", "wizard.federation.oidc.issuer"});
  oidc.scopes = "openid";
  oidc.issuer = "https://idp.example.com";

  // SAML: a name and a metadata document; two providers cannot share a name.
  IdentityProviderChoice& saml = *c.provider("SAML");
  saml.selected = true;
  saml.name = "C_orp";
  saml.metadata = "";
  // The name taken is refused on the provider after it in the console's order (OIDC).
  CHECK(fields(c) == std::vector<std::string>{"wizard.federation.saml.metadata", "wizard.federation.oidc.name"});
  saml.name = "CorpSAML";
  saml.metadata = "https://sso.example.com/metadata";  // a URL, not the document
  CHECK(fields(c) == std::vector<std::string>{"wizard.federation.saml.metadata"});
  saml.metadata = "<EntityDescriptor/>";

  // The mapping: pool attributes that exist, each once, each with the provider's attribute.
  saml.mapping = {{"email", "urn:email"}, {"email", "urn:mail"}, {"custom:team", "urn:team"}, {"name", ""}, {"", "x"}};
  const auto found = validate_page(c, WizardPage::kFederation);
  REQUIRE(found.size() == 4);
  for (const auto& e : found) CHECK(e.field == "wizard.federation.saml.map");
  CHECK(found[0].message == "email is mapped twice; map each user pool attribute once.");
  CHECK(found[1].message == "custom:team is not an attribute of this user pool.");
  CHECK(found[2].message == "Enter the SAML attribute that name takes its value from.");
  c.custom_attributes = {{"team", "String", "", "", true}};
  saml.mapping = {{"email", "urn:email"}, {"custom:team", "urn:team"}};
  CHECK(fields(c).empty());
  // Checked again on Review.
  oidc.client_id.clear();
  CHECK(fields_of(validate_page(c, WizardPage::kReview)) == std::vector<std::string>{"wizard.federation.oidc.client_id"});
}
